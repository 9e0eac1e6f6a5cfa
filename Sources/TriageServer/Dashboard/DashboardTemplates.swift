import Foundation
import Hummingbird
import Mustache
import NIOCore

/// The dashboard's Mustache templates, shipped as resources of this module (`Templates/`) and
/// parsed once. Pages extend `layout` (`{{<layout}}{{$body}}...{{/body}}{{/layout}}`); values are
/// written with `{{ }}`, which escapes HTML, so a summary holding `<script>` is shown as text.
struct DashboardTemplates: Sendable {
    private let library: MustacheLibrary

    /// The shipped templates, parsed on first use; a template that does not parse fails every page
    /// with a 500 naming it (the dashboard tests render each one).
    static let shipped: Result<DashboardTemplates, DashboardTemplateError> = Result { () throws(DashboardTemplateError) in
        try DashboardTemplates(resources: Bundle.module)
    }

    init(resources bundle: Bundle) throws(DashboardTemplateError) {
        guard let folder = bundle.url(forResource: "Templates", withExtension: nil) else {
            throw .missingFolder(bundle.bundlePath)
        }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "mustache" {
            let name = file.deletingPathExtension().lastPathComponent
            do {
                try library.register(String(contentsOf: file, encoding: .utf8), named: name)
            } catch {
                throw .unreadable(name, "\(error)")
            }
        }
        self.library = library
    }

    /// `page` rendered with the template `name`, as an HTML response.
    func response(_ name: String, _ page: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws(DashboardTemplateError)
        -> Response
    {
        guard let html = library.render(page, withTemplate: name) else { throw .unknownTemplate(name) }
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        fields[.contentSecurityPolicy] = Self.policy
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Only this page's own inline style and script, requests to this site, and no framing (a
    /// page of ours shown inside another site's frame could be clicked through unseen).
    static let policy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The shipped templates' response; a template problem becomes an error the problem middleware logs.
    static func response(_ name: String, _ page: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        try shipped.get().response(name, page, status: status, headers: headers)
    }
}

/// Why the dashboard's templates could not be used: a packaging or template-syntax fault.
enum DashboardTemplateError: Error, CustomStringConvertible {
    case missingFolder(String)
    case unreadable(String, String)
    case unknownTemplate(String)

    var description: String {
        switch self {
        case .missingFolder(let bundle): "the dashboard's Templates folder is missing from \(bundle); reinstall triage with its resource bundle"
        case .unreadable(let name, let problem): "the dashboard template \(name).mustache does not parse: \(problem)"
        case .unknownTemplate(let name): "no dashboard template named \(name).mustache"
        }
    }
}
