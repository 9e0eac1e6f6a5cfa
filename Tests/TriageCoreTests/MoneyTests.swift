import Foundation
import Testing
import TriageCore

struct MoneyTests {
    @Test(arguments: [("40", 4000 as Int64), ("40.5", 4050), ("40.50", 4050), ("0.07", 7), ("0", 0)])
    func parsesDecimalsExactly(text: String, minorUnits: Int64) {
        #expect(Money.parse(text)?.minorUnits == minorUnits)
    }

    @Test(arguments: ["", "+40", "-1", "40.", ".5", "40.505", "4O", "40.-5", "1e3", "99999999999999999999", "92233720368547758.08"])
    func refusesAnythingElse(text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test func printsTwoFractionDigits() {
        #expect(Money(minorUnits: 4005).description == "40.05 EUR")
        #expect(Money(minorUnits: -250).decimalString == "-2.50")
    }

    @Test func jsonCarriesTheAmountAsADecimalString() throws {
        let json = String(decoding: try JSONEncoder().encode(Money.major(40)), as: UTF8.self)
        #expect(json.contains(#""amount":"40.00""#))
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == Money.major(40))
    }
}

struct FormattingTests {
    @Test(arguments: [(0.0041, 3, "0.004"), (12.0125, 3, "12.013"), (1.5, 1, "1.5"), (-0.25, 2, "-0.25"), (2, 0, "2"), (0.0001, 3, "0.000")])
    func fixedDecimals(value: Double, decimals: Int, text: String) {
        #expect(value.fixed(decimals: decimals) == text)
    }

    @Test(arguments: [(Duration.seconds(30), "30 s"), (.milliseconds(1500), "1.5 s"), (.seconds(300), "5 min"), (.seconds(7200), "2 h")])
    func durationsInWords(duration: Duration, text: String) {
        #expect(duration.inWords == text)
    }
}
