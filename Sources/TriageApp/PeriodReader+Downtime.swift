import Foundation
import TicketStore
import TriageCore

extension PeriodReader {
    /// How many edge ranges one read asks for: a month's report has about 6,000 incident edges,
    /// which then take two dozen reads, a few at a time, instead of one read (and transaction) each.
    public static let edgeBatch = 256

    /// The down time of each incident of `tickets` within `[from, to)`, per check, read as a
    /// period is: the incident's partial hours from the check's results (its edges need their
    /// precision), its whole hours and days from the roll-ups.
    ///
    /// The partial hours of every incident are read together (``edges(of:)``) and folded exactly
    /// as a period's are, so each incident's seconds are those `rollups(of:_:)` gives it alone.
    ///
    /// - Parameter edgeBatch: ranges per read; a test makes it small to cross batches with few incidents.
    public func downtime(
        of tickets: [Ticket], from: Date, to: Date, edgeBatch: Int = Self.edgeBatch
    ) async throws -> [String: [IncidentDowntime.Share]] {
        let checks = Dictionary(rollup.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let spans = IncidentDowntime.spans(of: tickets, from: from, to: to, now: rollup.clock.now).filter { checks[$0.checkID] != nil }
        let watermark = try await rollup.store.rollupWatermark()
        let plans = spans.map { span in
            (check: checks[span.checkID]!, plan: Plan(from: span.from, end: span.to, watermark: watermark ?? span.from))
        }
        let edgeHours = try await edges(of: plans, batch: edgeBatch)
        let measured = try await BoundedConcurrency.map(spans.count) { index in
            let hours = try await rollups(of: plans[index].check, plans[index].plan, edges: edgeHours[index])
            let seconds = hours.reduce(0) { $0 + $1.availability.down }
            return IncidentDowntime.Share(ticketID: spans[index].ticketID, cause: spans[index].cause, seconds: seconds)
        }
        var shares: [String: [IncidentDowntime.Share]] = [:]
        for (span, share) in zip(spans, measured) { shares[span.checkID, default: []].append(share) }
        return shares
    }

    /// The edges of every plan, their results read `batch` ranges at a time and each range
    /// folded as `ResultRollup.hours(of:from:to:)` folds it.
    func edges(of plans: [(check: Check, plan: Plan)], batch size: Int) async throws -> [Edges] {
        let pieces = Self.pieces(of: plans.map { $0.plan })
        let batches = stride(from: 0, to: pieces.count, by: size).map { $0..<min($0 + size, pieces.count) }
        let folded = try await BoundedConcurrency.map(batches.count) { [rollup] number in
            let batch = pieces[batches[number]]
            let read = try await rollup.store.results(
                in: batch.map { rollup.resultRange(of: plans[$0.plan].check, from: $0.span.lowerBound, to: $0.span.upperBound) }
            )
            return zip(batch, read).map { piece, results in
                rollup.hours(of: plans[piece.plan].check, read: results, from: piece.span.lowerBound, to: piece.span.upperBound)
            }
        }
        var edges = [Edges](repeating: Edges(), count: plans.count)
        for (piece, hours) in zip(pieces, folded.joined()) {
            if piece.isHead { edges[piece.plan].head = hours } else { edges[piece.plan].tail = hours }
        }
        return edges
    }

    /// Each plan's head and tail that exist, in order, with the plan they belong to.
    private static func pieces(of plans: [Plan]) -> [(plan: Int, isHead: Bool, span: Range<Date>)] {
        var pieces: [(plan: Int, isHead: Bool, span: Range<Date>)] = []
        for (index, plan) in plans.enumerated() {
            if let head = plan.head { pieces.append((index, true, head)) }
            if let tail = plan.tail { pieces.append((index, false, tail)) }
        }
        return pieces
    }
}
