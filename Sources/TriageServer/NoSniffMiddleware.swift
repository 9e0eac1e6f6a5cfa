import Hummingbird

/// Adds `X-Content-Type-Options: nosniff` to every answer, errors included: a browser then never
/// guesses HTML in a JSON or CSV body, so a ticket summary holding `<script>` stays inert text
/// even when someone opens an API URL in a tab.
struct NoSniffMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}
