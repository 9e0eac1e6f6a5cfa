import CurlEngine
import Foundation
import TriageCore

/// One side of a cache check as fetched and judged by ``HTTPProbe``: its result (outcome, failure,
/// reason, timings) and the response whose body and validators are compared.
typealias FetchedPage = (result: ProbeResult, response: CurlResponse)

/// The edge and the origin of one cache check, fetched at about the same time, and where a fault
/// lies when either is down. Both modes of ``CacheProbe`` locate faults here, so a cache down, an
/// origin down and both down read alike whatever the mode.
struct CacheSides {
    var edge: FetchedPage
    var origin: FetchedPage

    /// The result that names the failing part, based on the edge's result (what visitors got);
    /// nil when both sides answered as an http check expects.
    ///
    /// An origin down while the edge still serves is `down` too: the cache hides the outage only
    /// until its copies expire, and nothing the origin should publish reaches visitors meanwhile.
    func locatedFault(note: String = "") -> ProbeResult? {
        let edgeDown = edge.result.outcome == .down
        let originDown = origin.result.outcome == .down
        guard edgeDown || originDown else { return nil }
        var result = edge.result
        result.outcome = .down
        switch (edgeDown, originDown) {
        case (true, true):
            result.failure = .cacheAndOriginDown
            result.reason = "cache and origin down: edge: \(edge.result.reason); origin: \(origin.result.reason)"
        case (true, false):
            result.failure = .cacheDown
            result.reason = "cache down, origin up: edge: \(edge.result.reason); origin: \(origin.result.reason)"
        default:
            result.failure = .originDown
            result.reason = "origin down: \(origin.result.reason); the edge still serves its copy: "
                + "\(edge.result.reason)\(Self.ageNote(edge.response))"
        }
        result.reason += note
        return result
    }

    /// `, Age 12 s` when the edge said how old its copy is; empty otherwise.
    static func ageNote(_ response: CurlResponse) -> String {
        age(of: response).map { ", Age \($0) s" } ?? ""
    }

    /// The edge's `Age` header in seconds: how long its copy has been in the cache.
    static func age(of response: CurlResponse) -> Int? {
        response.header("Age").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
