import Foundation
import Hummingbird
import NIOCore
import TriageApp
import TriageMetrics

/// What a running daemon adds to the API (`triage run --http`): `/metrics` for Prometheus, and the
/// reload an admin asks for instead of sending SIGHUP.
extension APIRoutes {
    func addOperationRoutes(_ registry: RouteRegistry) {
        if let metrics {
            // At the root, where Prometheus looks; scraped with the viewer token of a
            // `bearer_token` (or `authorization`) scrape setting.
            registry.on(.get, "/metrics", role: .viewer) { _, _, _ in
                let text: String
                do {
                    text = try await metrics.exposition()
                } catch {
                    throw Problem(.serviceUnavailable, detail: "the ticket store cannot be read for the ticket gauges: \(error)")
                }
                return Response(
                    status: .ok, headers: [.contentType: TriageMetrics.contentType],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text))
                )
            }
        }
        if let reloader {
            registry.on(.post, "config/reload", role: .admin) { _, _, account in
                switch await reloader.reload(by: account.name) {
                case .applied(let changes):
                    return try JSONBody.response(ReloadJSON(applied: true, summary: changes.summary, errors: []))
                case .rejected(let errors):
                    return try JSONBody.response(
                        ReloadJSON(applied: false, summary: "configuration rejected, the previous one stays in force", errors: errors),
                        status: .unprocessableContent
                    )
                }
            }
        }
    }
}

/// The answer to `POST config/reload`: applied with what changed, or not applied with each error
/// as `file:line: key.path: message; fix`.
struct ReloadJSON: Encodable {
    var applied: Bool
    var summary: String
    var errors: [String]
}
