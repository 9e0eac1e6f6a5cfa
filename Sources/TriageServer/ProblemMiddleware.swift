import Hummingbird
import Logging

/// Turns whatever a route throws (or the router's own 404) into a problem document; an unknown
/// error is logged with its request and answered as a bare 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let problem = Problem.from(error) { return try problem.response(from: request, context: context) }
            context.logger.error(
                "api.failed", metadata: ["http.path": "\(request.uri.path)", "error": "\(error)"]
            )
            return try Problem(.internalServerError, detail: "the server failed; its log says why")
                .response(from: request, context: context)
        }
    }
}
