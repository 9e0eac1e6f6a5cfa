import Foundation
import TriageCore

// The report's most numerous values, written by hand (see `JSONStreamable`): a thousand sites
// over a month make sixty thousand days, each with its availability and latency.

extension Availability: JSONStreamable {
    func writeJSON(to writer: JSONStreamWriter, path: JSONCodingPath) throws {
        try writer.object {
            try writer.member("up", up, path: path)
            try writer.member("degraded", degraded, path: path)
            try writer.member("down", down, path: path)
            try writer.member("maintenance", maintenance, path: path)
            try writer.member("unknown", unknown, path: path)
        }
    }
}

extension UptimeReport.Day: JSONStreamable {
    func writeJSON(to writer: JSONStreamWriter, path: JSONCodingPath) throws {
        try writer.object {
            writer.member("day", day)
            try writer.member("availability", availability, path: path)
            if let uptime { try writer.member("uptime", uptime, path: path) }
        }
    }
}

extension CheckPeriod.Latency: JSONStreamable {
    func writeJSON(to writer: JSONStreamWriter, path: JSONCodingPath) throws {
        try writer.object {
            writer.member("samples", samples)
            try writer.member("p50", p50, path: path)
            try writer.member("p95", p95, path: path)
            try writer.member("p99", p99, path: path)
        }
    }
}

extension CheckPeriod.Day: JSONStreamable {
    func writeJSON(to writer: JSONStreamWriter, path: JSONCodingPath) throws {
        try writer.object {
            writer.member("day", day)
            try writer.member("availability", availability, path: path)
            if let latency { try writer.member("latency", latency, path: path) }
        }
    }
}

extension CheckPeriod.Hour: JSONStreamable {
    func writeJSON(to writer: JSONStreamWriter, path: JSONCodingPath) throws {
        try writer.object {
            writer.member("hour", hour)
            try writer.member("latency", latency, path: path)
        }
    }
}

// The two arrays of a thousand entries each, encoded on every core (see `JSONParallelArray`).
extension UptimeReport.SiteRow: JSONParallelElement {}
extension ResponseTimeReport.Row: JSONParallelElement {}
