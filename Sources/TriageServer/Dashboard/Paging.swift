import Foundation
import Hummingbird

/// One page of a long dashboard list (10,000 open tickets or sites): which slice to show, and the
/// links to the pages around it, keeping the request's filters.
struct Paging {
    static let size = 100

    var page: Int
    var pages: Int
    var total: Int
    var previous: String?
    var next: String?

    /// The page `?page=` asks for (from 1) of `total` items; a page past the end shows the last.
    init(_ request: Request, total: Int) throws {
        self.total = total
        pages = max(1, (total + Self.size - 1) / Self.size)
        page = min(try Self.requested(request), pages)
        previous = page > 1 ? Self.link(request, page: page - 1) : nil
        next = page < pages ? Self.link(request, page: page + 1) : nil
    }

    /// The page `?page=` asks for, from 1, before it is known how many pages there are.
    static func requested(_ request: Request) throws -> Int {
        try Query(request).integer("page", in: 1...Int(Int32.max), default: 1)
    }

    /// The indices of this page's items.
    var range: Range<Int> { min(total, (page - 1) * Self.size)..<min(total, page * Self.size) }

    /// The same path and filters, another page.
    private static func link(_ request: Request, page: Int) -> String {
        var components = URLComponents()
        components.path = request.uri.path
        let kept = Query(request).parameters.filter { $0.key != "page" && !$0.value.isEmpty }.sorted { $0.key < $1.key }
        components.queryItems = kept.map { URLQueryItem(name: $0.key, value: $0.value) } + [URLQueryItem(name: "page", value: "\(page)")]
        return components.string ?? request.uri.path
    }
}
