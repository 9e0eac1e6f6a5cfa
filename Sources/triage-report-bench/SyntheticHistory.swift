import Foundation
import TicketStore
import TriageCore

/// A reproducible month of probe results for many checks: each check has its own typical
/// response time with jitter and rare spikes, outages (a tenth of its days, 5 to 90 minutes)
/// and gaps where it was not probed (a twentieth of its days, 10 to 30 minutes), so the
/// benchmark's report has down, unknown and slow time to compute, not only "up".
struct SyntheticHistory {
    struct Stretch {
        var start: Int
        var minutes: Int
        func contains(_ minute: Int) -> Bool { start <= minute && minute < start + minutes }
    }

    let checks: [Check]
    let start: Date
    private var random: SplitMix64
    private let baseLatency: [Double]
    private let outages: [[Stretch]]
    private let gaps: [[Stretch]]

    init(checks: [Check], start: Date, days: Int, seed: UInt64) {
        self.checks = checks
        self.start = start
        var random = SplitMix64(seed: seed)
        baseLatency = checks.map { _ in 0.05 + random.unit() * 0.45 }
        func stretches(share: Double, minutes: ClosedRange<Int>) -> [[Stretch]] {
            checks.map { _ in
                (0..<days).compactMap { day in
                    guard random.unit() < share else { return nil }
                    return Stretch(start: day * 1440 + Int(random.unit() * 1300), minutes: Int.random(in: minutes, using: &random))
                }
            }
        }
        outages = stretches(share: 0.1, minutes: 5...90)
        gaps = stretches(share: 0.05, minutes: 10...30)
        self.random = random
    }

    /// Every check's results of one hour (0 is the first), check by check, oldest first.
    mutating func results(ofHour hour: Int) -> [ProbeResult] {
        var results: [ProbeResult] = []
        results.reserveCapacity(checks.count * 60)
        for (index, check) in checks.enumerated() {
            for minute in hour * 60..<(hour + 1) * 60 where !gaps[index].contains(where: { $0.contains(minute) }) {
                let startedAt = start.addingTimeInterval(Double(minute * 60 + index % 60))
                if outages[index].contains(where: { $0.contains(minute) }) {
                    results.append(ProbeResult(
                        checkID: check.id, startedAt: startedAt, outcome: .down, failure: .serverError,
                        reason: "HTTP 503 Service Unavailable", statusCode: 503, timings: PhaseTimings(total: 0.02)
                    ))
                    continue
                }
                let spike = random.unit() < 0.01 ? 5.0 : 1.0
                let total = baseLatency[index] * spike * (0.8 + random.unit() * 0.4)
                results.append(ProbeResult(
                    checkID: check.id, startedAt: startedAt, outcome: .up, reason: "HTTP 200 OK", statusCode: 200,
                    timings: PhaseTimings(dns: 0.001, connect: 0.002, firstByte: total * 0.8, total: total), bytesRead: 12_000
                ))
            }
        }
        return results
    }

    /// Raises an incident for every outage three minutes into it; half are taken and resolved at
    /// its end with a cause (in turn provider, customer, third party), the others recover untaken.
    func raiseIncidents(into store: any TicketStore, plans: SupportPlans, catalogue: Catalogue) async throws -> Int {
        var count = 0
        let causes: [Cause] = [.provider, .customer, .thirdParty]
        for (index, check) in checks.enumerated() {
            for outage in outages[index] {
                let began = start.addingTimeInterval(Double(outage.start * 60 + 180))
                let ended = start.addingTimeInterval(Double((outage.start + outage.minutes) * 60))
                let finding = Finding(
                    kind: .down, checkID: check.id, targetID: check.targetID, customer: check.customer, detectedAt: began,
                    summary: "\(check.targetID) is down", evidence: ["HTTP 503 Service Unavailable"]
                )
                let ticket = try await store.raise(finding, plans: plans, reopenWithin: .zero).ticket
                if count % 2 == 0 {
                    _ = try await store.apply(
                        .take(overrideReason: nil), to: ticket.id, by: "ops", at: began.addingTimeInterval(120), plans: plans,
                        catalogue: catalogue
                    )
                    let cause = causes[count / 2 % 3]
                    _ = try await store.apply(
                        .resolve(cause: cause, note: "fixed", fee: nil, surcharge: cause == .customer ? .major(20) : nil),
                        to: ticket.id, by: "ops",
                        at: ended, plans: plans, catalogue: catalogue
                    )
                } else {
                    _ = try await store.recover(dedupKey: finding.dedupKey, at: ended, detail: "recovered")
                }
                count += 1
            }
        }
        return count
    }
}

/// A small, fast, seedable generator (SplitMix64), so every run generates the same month.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
