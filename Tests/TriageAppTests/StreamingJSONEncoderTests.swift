import Foundation
import Testing
import TriageCore
@testable import TriageApp

/// The streaming encoder must write what `JSONEncoder` writes (scripts parse report JSON), in
/// any shape a report or a custom `encode(to:)` produces, without holding the document.
struct StreamingJSONEncoderTests {
    struct Leaf: Encodable, Equatable {
        var name: String
        var ratio: Double
        var whole: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var at: Date
    }

    struct Tree: Encodable {
        var title: String
        var leaves: [Leaf]
        var empty: [Int]
        var nothing: [String: Int]
        var grid: [[Int]]
        var optionals: [Int?]
        var custom: Custom
        var silent: Silent
        var url: URL
    }

    /// Nested containers, an explicit null, and a super encoder: what hand-written conformances use.
    struct Custom: Encodable {
        enum Keys: String, CodingKey { case inner, list, explicitNull, base }
        enum InnerKeys: String, CodingKey { case depth }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            try inner.encode(2, forKey: .depth)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("a")
            var nested = list.nestedUnkeyedContainer()
            try nested.encode(1)
            try list.encode("b")
            try container.encodeNil(forKey: .explicitNull)
            let base = container.superEncoder(forKey: .base)
            var single = base.singleValueContainer()
            try single.encode("from super")
        }
    }

    /// A value whose `encode(to:)` writes nothing: `JSONEncoder` writes an empty object for it.
    struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    static let tree = Tree(
        title: "quotes \" backslash \\ slash / newline \n tab \t bell \u{07} unicode é ✓ 🚀",
        leaves: [
            Leaf(name: "a", ratio: 0.1 + 0.2, whole: 3, count: -7, flag: true, missing: nil, at: Date(timeIntervalSince1970: 1_793_000_000.75)),
            Leaf(name: "b", ratio: 1e-9, whole: -0.5, count: Int.max, flag: false, missing: "here", at: Date(timeIntervalSince1970: -86_401)),
        ],
        empty: [], nothing: [:], grid: [[1, 2], [], [3]], optionals: [1, nil, 3], custom: Custom(), silent: Silent(),
        url: URL(string: "https://example.test/a?b=c")!
    )

    @Test func parsesToWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let expected = try JSONSerialization.jsonObject(with: encoder.encode(Self.tree)) as? NSDictionary
        let streamed = try JSONRenderer<Tree>().render(Self.tree)
        let parsed = try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? NSDictionary
        #expect(parsed == expected)
        #expect(parsed != nil)
    }

    @Test func writesIndentedMembersInDeclarationOrder() throws {
        struct Small: Encodable {
            var zeta = 1
            var alpha = ["x"]
            var none: [Int] = []
            var at = Date(timeIntervalSince1970: 0)
        }
        let text = try JSONRenderer<Small>().render(Small())
        #expect(text == """
        {
          "zeta" : 1,
          "alpha" : [
            "x"
          ],
          "none" : [],
          "at" : "1970-01-01T00:00:00Z"
        }
        """)
    }

    @Test func controlCharactersAreEscapedAsJSONRequires() throws {
        let text = try JSONRenderer<[String]>().render(["\u{01}\u{1F}\u{08}\u{0C}\r"])
        #expect(text.contains(#""\u0001\u001f\b\f\r""#))
    }

    @Test func aNonFiniteNumberIsAnErrorNamingItsPath() throws {
        struct Bad: Encodable { var values: [Double] }
        #expect {
            try JSONRenderer<Bad>().render(Bad(values: [1, .infinity]))
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["values", "Index 1"]
        }
    }

    /// Whole numbers take a shortcut past the round-trip formatting: their digits must still be
    /// `JSONEncoder`'s, on both sides of where `description` turns to exponents.
    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let values: [Double] = [0, -0.0, 1, -1, 86_400, 0.5, -2.25, 1e14 + 1, 999_999_999_999_999, 1e15, -1e15, 1e16, 2e21, 1e-7, .pi]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let expected = String(decoding: try encoder.encode(values), as: UTF8.self)
        #expect(try JSONRenderer<[Double]>().render(values) == expected)
    }

    /// The values that write themselves by hand, and the arrays encoded on every core, must come
    /// out as the plain `Encodable` path writes them, byte for byte: including the optionals left
    /// out (a day no probe answered has no latency, a day nothing observed no uptime), and with
    /// more sites than one parallel window holds.
    @Test func fastPathsWriteWhatTheEncodablePathWrites() throws {
        // Sites under maintenance all week: days with time but no uptime.
        let dark = (0..<(ParallelPieces.window + 6)).map { index in
            ReportFixture.check("initech", "dark-\(index)", "http", .http(HTTPCheckSpec(url: URL(string: "https://dark\(index).example/")!)))
        }
        let periods = ReportFixture.checkPeriods()
            + dark.map { check in CheckPeriod(check: check, rollups: ReportFixture.hours(check) { _, _ in .maintenance }) }
        var report = ReportFixture.full()
        report.uptime = UptimeReport(checks: periods, from: ReportFixture.start, to: ReportFixture.end)
        report.responseTimes = ResponseTimeReport(checks: periods, from: ReportFixture.start, to: ReportFixture.end)
        let days = report.responseTimes?.rows.flatMap(\.days) ?? []
        #expect(days.contains { $0.latency == nil } && days.contains { $0.latency != nil })
        #expect(report.uptime?.sites.flatMap(\.days).contains { $0.uptime == nil } == true)
        #expect((report.uptime?.sites.count ?? 0) > ParallelPieces.window)
        let generic = try OutputSink.collect { try StreamingJSONEncoder.encode(report, to: $0, fastPaths: false) }
        let fast = try OutputSink.collect { try StreamingJSONEncoder.encode(report, to: $0, fastPaths: true) }
        #expect(fast == generic)
        #expect(generic.contains("\"p99\""))
    }

    /// An error inside an element encoded apart still names its whole path.
    @Test func anErrorInAParallelElementNamesItsPath() throws {
        struct Row: JSONParallelElement { var value: Double }
        struct Table: Encodable { var rows: [Row] }
        var rows = (0..<(ParallelPieces.window + 1)).map { Row(value: Double($0)) }
        rows[ParallelPieces.window].value = .nan
        #expect {
            try JSONRenderer<Table>().render(Table(rows: rows))
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["rows", "Index \(ParallelPieces.window)", "value"]
        }
    }

    @Test func datesMatchTheISO8601Strategy() throws {
        let formatter = ISO8601DateFormatter()
        let instants: [Double] = [0, -1, -86_400 * 365.25 * 70, 951_782_400, 951_868_799.999, 4_102_444_800, 1_798_761_599]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Seconds.text(date) == formatter.string(from: date), "at \(seconds)")
        }
    }
}
