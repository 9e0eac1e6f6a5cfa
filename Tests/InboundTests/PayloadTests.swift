import Foundation
import Testing
import TriageCore

@testable import Inbound

/// What Alertmanager webhooks and PagerDuty events become: their codes, customers, sites and keys.
struct PayloadTests {
    let mapping = InboundMapping(defaultCustomer: "unassigned")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func webhook(_ json: String) throws -> AlertmanagerWebhook {
        try JSONDecoder().decode(AlertmanagerWebhook.self, from: Data(json.utf8))
    }

    @Test func firingAlertsRaiseByFingerprintWithTheirLabelsMapped() throws {
        let signals = try webhook("""
            {"version": "4", "status": "firing", "alerts": [
              {"status": "firing", "fingerprint": "f1", "startsAt": "2027-01-15T08:00:00.123456789Z",
               "labels": {"alertname": "DiskFull", "severity": "critical", "customer": "acme", "site": "www"},
               "annotations": {"summary": "disk 98% full"}},
              {"status": "firing", "fingerprint": "f2",
               "labels": {"alertname": "SlowQueries", "severity": "warning", "triage_case": "performance-optimisation"}},
              {"status": "firing", "fingerprint": "f3", "labels": {"alertname": "Backup", "severity": "info", "triage_code": "red"}}
            ]}
            """).signals(mapping: mapping, now: now)
        guard case .raise(let disk) = signals[0], case .raise(let slow) = signals[1], case .raise(let backup) = signals[2] else {
            Issue.record("not three raises: \(signals)")
            return
        }
        #expect(disk.source == .inbound)
        #expect(disk.code == .red)
        #expect(disk.customer == "acme")
        #expect(disk.targetID == "acme/www")
        #expect(disk.dedupKey == "alertmanager:f1")
        #expect(disk.summary == "alertmanager DiskFull: disk 98% full")
        #expect(disk.detectedAt == now, "startsAt with nanoseconds reads to the second")
        #expect(slow.code == .yellow)
        #expect(slow.customer == "unassigned")
        #expect(slow.caseID == "performance-optimisation")
        #expect(slow.detectedAt == now, "no startsAt: the time it was received")
        #expect(backup.code == .red, "triage_code wins over the severity")
    }

    @Test func aResolvedAlertEndsTheIncidentOfItsKey() throws {
        let signals = try webhook("""
            {"version": "4", "alerts": [{"status": "resolved", "fingerprint": "f1", "endsAt": "2027-01-15T08:10:00Z",
              "labels": {"alertname": "DiskFull"}}]}
            """).signals(mapping: mapping, now: now)
        #expect(signals == [.resolve(dedupKey: "alertmanager:f1", at: now.addingTimeInterval(600), detail: "Alertmanager: DiskFull resolved")])
    }

    @Test func pagerDutyTriggersResolvesAndAcknowledges() throws {
        func event(_ json: String) throws -> PagerDutyEvent { try JSONDecoder().decode(PagerDutyEvent.self, from: Data(json.utf8)) }
        let trigger = try event("""
            {"routing_key": "k", "event_action": "trigger", "dedup_key": "db-1",
             "payload": {"summary": "replica lag 300 s", "source": "db1.acme.example", "severity": "error",
                         "custom_details": {"customer": "acme"}}}
            """)
        guard case .raise(let report) = trigger.signal(mapping: mapping, now: now) else {
            Issue.record("not a raise")
            return
        }
        #expect(report.dedupKey == "pagerduty:db-1")
        #expect(report.code == .yellow)
        #expect(report.customer == "acme")
        #expect(report.summary == "pagerduty db1.acme.example: replica lag 300 s")
        let resolve = try event(#"{"routing_key": "k", "event_action": "resolve", "dedup_key": "db-1"}"#)
        #expect(resolve.signal(mapping: mapping, now: now) == .resolve(dedupKey: "pagerduty:db-1", at: now, detail: "PagerDuty event: resolved"))
        let acknowledge = try event(#"{"routing_key": "k", "event_action": "acknowledge", "dedup_key": "db-1"}"#)
        #expect(acknowledge.signal(mapping: mapping, now: now) == .ignore)
        let unknown = try event(#"{"routing_key": "k", "event_action": "snooze"}"#)
        #expect(unknown.signal(mapping: mapping, now: now) == nil)
    }
}
