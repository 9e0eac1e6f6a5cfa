import Foundation
import TriageCore
import Yams

/// Typed reads of single values. Each returns nil after recording an error that quotes what was
/// written and says what to write instead.
extension NodeCursor {
    /// The text of a scalar; a list or mapping here is an error that says what to `expect`.
    func scalar(expecting expected: String) -> String? {
        guard case .scalar(let scalar) = node else {
            fail("is \(shape); write \(expected)")
            return nil
        }
        return scalar.string
    }

    /// Any single value, read as text (`contains: 404` means the text "404").
    func string() -> String? {
        scalar(expecting: "a single text value")
    }

    /// Text with something besides spaces in it.
    func nonEmptyString(example: String) -> String? {
        guard let text = scalar(expecting: "text, such as \(example)") else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            fail("is empty; write text, such as \(example)")
            return nil
        }
        return text
    }

    /// A name that becomes part of an id (`acme/www/home`): lowercase letters, digits and dashes,
    /// so ids stay safe in URLs, file names and metric labels.
    func identifier(example: String) -> String? {
        guard let text = scalar(expecting: "a name, such as \(example)") else { return nil }
        guard Self.isIdentifier(text) else {
            fail("\"\(text)\" is not a valid name; use lowercase letters, digits and dashes (not first or last), such as \(example)")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        let allowed = text.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
        return allowed && (1...63).contains(text.count) && text.first != "-" && text.last != "-"
    }

    func int(in range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(expecting: "a whole number, such as \(range.lowerBound)") else { return nil }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let value = Int(text) else {
            fail("\"\(text)\" is not a whole number; write digits only, such as \(range.lowerBound)")
            return nil
        }
        guard range.contains(value) else {
            fail("must be between \(range.lowerBound) and \(range.upperBound), not \(text)")
            return nil
        }
        return value
    }

    /// `true` or `false` only: YAML 1.1's `yes`, `on` and `y` are too easy to write by accident.
    func bool() -> Bool? {
        guard let text = scalar(expecting: "true or false") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            fail("\"\(text)\" is not true or false; write true or false")
            return nil
        }
    }

    /// A duration in `DurationSyntax`, at least `minimum` and, when given, at most `maximum`.
    func duration(atLeast minimum: Duration, atMost maximum: Duration? = nil) -> Duration? {
        guard let text = scalar(expecting: "a duration, such as 30s") else { return nil }
        guard let value = DurationSyntax.parse(text) else {
            fail("\"\(text)\" is not a duration; write a number with a unit, such as 30s, 5m or 1h")
            return nil
        }
        let low = DurationSyntax.format(minimum)
        if let maximum, !(minimum...maximum).contains(value) {
            fail("must be between \(low) and \(DurationSyntax.format(maximum)), not \(text)")
            return nil
        }
        guard value >= minimum else {
            fail("must be at least \(low), not \(text)")
            return nil
        }
        return value
    }

    /// An absolute `http` or `https` URL with a host: the only schemes the HTTP probe speaks.
    func httpURL() -> URL? {
        guard let text = scalar(expecting: "a URL, such as https://www.example.com/") else { return nil }
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            fail("\"\(text)\" is not an http(s) URL; write a full URL with scheme and host, such as https://www.example.com/")
            return nil
        }
        return url
    }

    /// An amount in EUR (`40`, `40.50`), read as a decimal.
    func amount() -> Money? {
        guard let text = scalar(expecting: "an amount, such as 40 or 40.50") else { return nil }
        guard let money = AmountSyntax.parse(text) else {
            fail("\"\(text)\" is not an amount; write a number of EUR with at most two decimals, such as 40 or 40.50")
            return nil
        }
        return money
    }

    /// A size in bytes (`65536`, `64KiB`, `1MiB`) within `range`.
    func size(in range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(expecting: "a size, such as 1MiB") else { return nil }
        guard let bytes = SizeSyntax.parse(text) else {
            fail("\"\(text)\" is not a size; write a number of bytes, or a number with KiB, MiB or GiB, such as 64KiB or 1MiB")
            return nil
        }
        guard range.contains(bytes) else {
            let bounds = "\(SizeSyntax.format(range.lowerBound)) and \(SizeSyntax.format(range.upperBound))"
            fail("must be between \(bounds), not \(text)")
            return nil
        }
        return bytes
    }

    /// A percentage from 0% to `maximum` (a share: 1 is 100%), such as `30%`, read as a share.
    func percentage(maximum: Double = 1) -> Double? {
        guard let text = scalar(expecting: "a percentage, such as 30%") else { return nil }
        guard let share = Share.parse(text, maximum: maximum) else {
            let bound = Share.format(maximum)
            fail("\"\(text)\" is not a percentage between 0% and \(bound); write a number followed by %, such as 30%")
            return nil
        }
        return share
    }

    /// One of a closed set of words, such as a triage code; a near miss gets a suggestion.
    func choice(_ options: [String], noun: String) -> String? {
        guard let text = scalar(expecting: "one of \(options.joined(separator: ", "))") else { return nil }
        guard options.contains(text) else {
            let hint = KeySuggestion.didYouMean(text, among: options)
            fail("\"\(text)\" is not \(noun); \(hint)use one of \(options.joined(separator: ", "))")
            return nil
        }
        return text
    }
}
