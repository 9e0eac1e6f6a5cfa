import Foundation
import Hummingbird

/// One page of a long API list (`GET tickets`, `GET queue`): the total matching, the page's
/// limit and offset, `next` (the next page's URL, null on the last page) and the items under
/// `itemsKey`, so every paged route answers in one shape.
struct PageJSON<Item: Encodable>: Encodable {
    var itemsKey: String
    var total: Int
    var limit: Int
    var offset: Int
    var next: String?
    var items: [Item]

    /// The page of `items` at `offset`, linking to the same request's next page while there is one.
    init(_ request: Request, itemsKey: String, total: Int, limit: Int, offset: Int, items: [Item]) {
        self.itemsKey = itemsKey
        self.total = total
        self.limit = limit
        self.offset = offset
        self.items = items
        next = offset + items.count < total ? Self.link(request, offset: offset + items.count) : nil
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    /// `next` is written even when null, so clients can loop `while next != null`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(total, forKey: Key("total"))
        try container.encode(limit, forKey: Key("limit"))
        try container.encode(offset, forKey: Key("offset"))
        try container.encode(next, forKey: Key("next"))
        try container.encode(items, forKey: Key(itemsKey))
    }

    /// The same request's path and query with another offset.
    private static func link(_ request: Request, offset: Int) -> String {
        var components = URLComponents()
        components.path = request.uri.path
        let kept = Query(request).parameters.filter { $0.key != "offset" }.sorted { $0.key < $1.key }
        components.queryItems = kept.map { URLQueryItem(name: $0.key, value: $0.value) } + [URLQueryItem(name: "offset", value: "\(offset)")]
        return components.string ?? request.uri.path
    }
}
