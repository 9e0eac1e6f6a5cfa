import Detection
import Foundation
import Testing
import TriageCore
import TriageTesting

/// The k-of-n rule of confirmation from several locations, with hand-made verdicts and a test clock.
@Suite struct ConfirmationDecisionTests {
    let clock = TestClock()

    func suspicion(required: Int, _ verdicts: [(String, Bool)]) -> Suspicion {
        Suspicion(
            id: 7, checkID: "acme/www/http", kind: .down, required: required, openedBy: "par-1", openedIn: "paris",
            openedAt: clock.now, expiresAt: clock.now.adding(.seconds(60)),
            verdicts: verdicts.map { location, failed in
                LocationVerdict(node: "\(location.prefix(3))-1", location: location, failed: failed, reason: failed ? "HTTP 503" : "HTTP 200", at: clock.now)
            }
        )
    }

    @Test func waitsUntilEnoughLocationsSawTheFailure() {
        let live: Set = ["paris", "amsterdam", "berlin"]
        let opened = suspicion(required: 2, [("paris", true)])
        #expect(ConfirmationDecision.decide(opened, liveLocations: live, now: clock.now) == .pending)
        let confirmed = suspicion(required: 2, [("paris", true), ("berlin", false), ("amsterdam", true)])
        #expect(ConfirmationDecision.decide(confirmed, liveLocations: live, now: clock.now) == .confirmed(evidence: [
            "location amsterdam: failed (node ams-1: HTTP 503)",
            "location berlin: ok (node ber-1: HTTP 200)",
            "location paris: failed (node par-1: HTTP 503)",
            "confirmed from 2 of 3 locations (2 required)",
        ]))
    }

    @Test func twoNodesInOneLocationCountAsOneLocation() {
        var both = suspicion(required: 2, [("paris", true)])
        both.verdicts.append(LocationVerdict(node: "par-2", location: "paris", failed: true, reason: "HTTP 503", at: clock.now))
        #expect(ConfirmationDecision.decide(both, liveLocations: ["paris", "amsterdam"], now: clock.now) == .pending)
    }

    @Test func isNotConfirmedOnceTheOtherLocationsSawItFine() {
        let refuted = suspicion(required: 2, [("paris", true), ("amsterdam", false)])
        #expect(ConfirmationDecision.decide(refuted, liveLocations: ["paris", "amsterdam"], now: clock.now)
            == .notConfirmed(reason: "seen failing from 1 of 2 required locations; fine from amsterdam"))
        // With a third location still to answer, one "fine" does not settle it.
        #expect(ConfirmationDecision.decide(refuted, liveLocations: ["paris", "amsterdam", "berlin"], now: clock.now) == .pending)
    }

    @Test func isNotConfirmedWhenTheWindowEndsFirst() {
        let waiting = suspicion(required: 3, [("paris", true), ("amsterdam", true)])
        let live: Set = ["paris", "amsterdam", "berlin"]
        clock.advance(by: .seconds(59))
        #expect(ConfirmationDecision.decide(waiting, liveLocations: live, now: clock.now) == .pending)
        clock.advance(by: .seconds(1))
        #expect(ConfirmationDecision.decide(waiting, liveLocations: live, now: clock.now)
            == .notConfirmed(reason: "seen failing from 2 of 3 required locations within 1 min; no answer from berlin"))
    }

    @Test func fewerLiveLocationsThanRequiredConfirmWithAllOfThemAndSaySo() {
        let alone = suspicion(required: 2, [("paris", true)])
        #expect(ConfirmationDecision.decide(alone, liveLocations: ["paris"], now: clock.now) == .confirmed(evidence: [
            "location paris: failed (node par-1: HTTP 503)",
            "confirmed from 1 location: only 1 of the 2 required locations available",
        ]))
        // The opener counts even when the nodes' list missed it (a node alone has no heartbeat row).
        #expect(ConfirmationDecision.decide(alone, liveLocations: [], now: clock.now) != .pending)
        let two = suspicion(required: 3, [("paris", true), ("amsterdam", false)])
        #expect(ConfirmationDecision.decide(two, liveLocations: ["paris", "amsterdam"], now: clock.now)
            == .notConfirmed(reason: "seen failing from 1 of 2 required locations; fine from amsterdam"))
    }
}
