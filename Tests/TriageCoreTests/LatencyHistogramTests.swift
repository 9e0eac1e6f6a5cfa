import Foundation
import Testing
import TriageCore

/// Percentiles read back from log buckets, merging, and the stored form.
struct LatencyHistogramTests {
    @Test func percentilesAreTheNearestRankWithinTwoPercent() throws {
        var histogram = LatencyHistogram()
        for milliseconds in 1...1000 { histogram.record(Double(milliseconds) / 1000) }
        #expect(histogram.total == 1000)
        for (share, exact) in [(0.5, 0.5), (0.95, 0.95), (0.99, 0.99), (1.0, 1.0)] {
            let read = try #require(histogram.percentile(share))
            #expect(abs(read - exact) / exact < 0.02, "p\(share * 100): \(read) for \(exact)")
        }
    }

    @Test func anEmptyHistogramHasNoPercentile() {
        #expect(LatencyHistogram().percentile(0.5) == nil)
    }

    @Test func timesBeyondTheBucketsAreKeptInTheLastOrFirst() throws {
        var histogram = LatencyHistogram()
        histogram.record(0)
        histogram.record(1e9)
        #expect(histogram.total == 2)
        #expect(try #require(histogram.percentile(0.5)) < 0.001)
        #expect(try #require(histogram.percentile(1)) > 600)
    }

    @Test func mergingAddsTheCountsOfEachBucket() {
        var fast = LatencyHistogram()
        var slow = LatencyHistogram()
        for _ in 0..<90 { fast.record(0.1) }
        for _ in 0..<10 { slow.record(2) }
        var both = fast
        both.merge(slow)
        var recorded = LatencyHistogram()
        for _ in 0..<90 { recorded.record(0.1) }
        for _ in 0..<10 { recorded.record(2) }
        #expect(both == recorded)
        #expect(both.percentile(0.9)! < 0.11)
        #expect(both.percentile(0.91)! > 1.9)
    }

    @Test func theStoredFormReadsBackAndMergesWithoutDecoding() throws {
        var histogram = LatencyHistogram()
        for seconds in [0.01, 0.01, 0.2, 3.5, 30] { histogram.record(seconds) }
        let bytes = histogram.encoded
        #expect(bytes.count == 4 * 6, "one entry per non-empty bucket")
        #expect(try LatencyHistogram(encoded: bytes) == histogram)
        var doubled = histogram
        try doubled.merge(encoded: bytes)
        #expect(doubled.total == 10)
    }

    @Test func aDamagedStoredFormIsAnErrorNotAZero() {
        #expect(throws: LatencyHistogramError.truncated(byteCount: 5)) { try LatencyHistogram(encoded: [1, 0, 1, 0, 0]) }
        #expect(throws: LatencyHistogramError.bucketOutOfRange(0xFFFF)) {
            try LatencyHistogram(encoded: [0xFF, 0xFF, 1, 0, 0, 0])
        }
    }
}
