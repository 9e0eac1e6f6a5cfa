import Crypto
import Foundation

/// An API token: 32 random bytes shown once to its owner, of which the store keeps only the
/// SHA-256 digest. Tokens are random enough that an unsalted fast digest is safe (no dictionary
/// attack applies), and a fast digest keeps every API request cheap, unlike bcrypt.
public struct APIToken: Sendable, Hashable {
    /// The secret as given to its owner: `triage_` and 64 hex digits.
    public var value: String

    public init(value: String) {
        self.value = value
    }

    /// A new token from the system's cryptographic random source.
    public static func generate() -> APIToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return APIToken(value: "triage_" + hex(bytes))
    }

    /// The SHA-256 of the token, in hex: what the store keeps and looks tokens up by.
    public var digest: String { Self.hex(Array(SHA256.hash(data: Data(value.utf8)))) }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
