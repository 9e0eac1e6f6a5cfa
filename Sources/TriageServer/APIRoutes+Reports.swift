import Foundation
import Hummingbird
import NIOCore
import TriageApp
import TriageCore

/// `GET reports?part=&from=&to=&customer=&site=&format=`: the manager report the CLI prints, as
/// JSON (default), CSV (one part) or the self-contained HTML page, for managers and above.
extension APIRoutes {
    func addReportRoutes(_ registry: RouteRegistry) {
        registry.on(.get, "reports", role: .manager) { request, _, _ in try await report(Query(request), defaultFormat: .json) }
    }

    /// The report the query asks for, in its `format` or `defaultFormat` (the dashboard's
    /// `/reports/view` shows HTML by default).
    func report(_ query: Query, defaultFormat: ReportFormat) async throws -> Response {
        let part = try query.value("part", expected: Self.names(ReportPart.allCases.map(\.rawValue)), ReportPart.init(rawValue:)) ?? .all
        let format = try query.value("format", expected: "json, csv or html", Self.reportFormat) ?? defaultFormat
        if part == .all, format == .csv {
            throw Problem(
                .badRequest, type: "urn:triage:problem:query", detail: "CSV has one table per part: add part=uptime (or another part)",
                field: "part"
            )
        }
        let source = ReportSource(configuration: configuration, store: store, clock: clock, scope: try scope(query))
        return try Self.render(try await source.read(part), part: part, format: format)
    }

    /// `to` (default now) and `from` (default 30 days before `to`), each YYYY-MM-DD in UTC.
    private func scope(_ query: Query) throws -> ReportScope {
        let to = try query.value("to", expected: "a day written YYYY-MM-DD", ReportScope.day) ?? clock.now
        let from = try query.value("from", expected: "a day written YYYY-MM-DD", ReportScope.day) ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to else {
            throw Problem(.badRequest, type: "urn:triage:problem:query", detail: "from must be before to", field: "from")
        }
        return ReportScope(from: from, to: to, customer: query.string("customer"), site: query.string("site"))
    }

    private static func reportFormat(_ text: String) -> ReportFormat? {
        ReportFormat(rawValue: text).flatMap { $0 == .text ? nil : $0 }
    }

    private static func names(_ names: [String]) -> String {
        names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    private static func render(_ report: ManagerReport, part: ReportPart, format: ReportFormat) throws -> Response {
        switch format {
        case .html:
            return text(OutputSink.collect { HTMLReport().write(report, to: $0) }, type: "text/html; charset=utf-8")
        case .csv:
            return text(csv(report, part), type: "text/csv; charset=utf-8")
        case .json, .text:
            switch part {
            case .all: return try JSONBody.response(report)
            case .uptime: return try JSONBody.response(report.uptime)
            case .responseTimes: return try JSONBody.response(report.responseTimes)
            case .tickets: return try JSONBody.response(report.tickets)
            case .deadlines: return try JSONBody.response(report.deadlines)
            case .fees: return try JSONBody.response(report.fees)
            }
        }
    }

    private static func csv(_ report: ManagerReport, _ part: ReportPart) -> String {
        let csv = ReportCSV()
        return switch part {
        case .all: ""
        case .uptime: report.uptime.map(csv.render) ?? ""
        case .responseTimes: report.responseTimes.map(csv.render) ?? ""
        case .tickets: report.tickets.map(csv.render) ?? ""
        case .deadlines: report.deadlines.map(csv.render) ?? ""
        case .fees: report.fees.map(csv.render) ?? ""
        }
    }

    private static func text(_ body: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
