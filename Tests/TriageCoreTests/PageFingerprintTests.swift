import Foundation
import Testing
import TriageCore

/// The `mh1:` text form and the change measure of page fingerprints.
struct PageFingerprintTests {
    let ascending = PageFingerprint(values: (0..<64).map { UInt16($0 * 1000) })

    @Test func theTextFormRoundTrips() throws {
        let encoded = ascending.encoded
        #expect(encoded.hasPrefix("mh1:"))
        #expect(encoded.count == 4 + 172)
        #expect(PageFingerprint(encoded: encoded) == ascending)
    }

    @Test(arguments: [
        "", "mh1:", "mh2:" + String(repeating: "A", count: 172), "mh1:" + String(repeating: "A", count: 168),
        "mh1:" + String(repeating: "*", count: 172), "sha256:abc",
    ])
    func whatIsNotAFingerprintIsRefused(_ text: String) {
        #expect(PageFingerprint(encoded: text) == nil)
    }

    @Test func changeIsZeroForTheSamePageAndOneForNothingInCommon() {
        let other = PageFingerprint(values: (0..<64).map { UInt16($0 * 1000 + 1) })
        #expect(ascending.change(since: ascending) == 0)
        #expect(other.change(since: ascending) == 1)
    }

    @Test func changeIsTheShareOfDifferingPairsFromTheAgreeingPositions() {
        // Half the positions agree: Jaccard 1/2, so the pairs in common are 2J/(1+J) = 2/3.
        let half = PageFingerprint(values: ascending.values.enumerated().map { $0.offset < 32 ? $0.element : 1 })
        #expect(abs(half.change(since: ascending) - 1.0 / 3.0) < 1e-9)
    }
}
