import Yams

/// A place in a parsed YAML document: the node, the file it came from and its key path.
///
/// Every typed accessor (in `NodeCursor+Scalars.swift` and `NodeCursor+Collections.swift`) either
/// returns a value or records an error located at this node and returns nil, so a decoder reads
/// a whole file, keeps the defaults where a value was wrong, and reports every mistake at once.
///
/// ```swift
/// let map = root.mapping(allowedKeys: ["interval", "timeout"])
/// let interval = map?["interval"]?.duration(atLeast: .seconds(1)) ?? .seconds(60)
/// ```
struct NodeCursor {
    let node: Node
    let file: String
    /// `sites[2].checks[0].http.timeout`; empty at the document's root.
    let keyPath: String
    let errors: ErrorCollector

    /// The line of this node in its file.
    var line: Int? { node.mark?.line }

    /// Records `message` as an error at this node.
    func fail(_ message: String) {
        errors.add(file: file, line: line, keyPath: keyPath, message: message)
    }

    /// The key path of `key` inside this node, for errors about a key that is absent.
    func path(of key: String) -> String {
        keyPath.isEmpty ? key : "\(keyPath).\(key)"
    }

    /// The cursor of the value of `key` in this mapping.
    func child(_ key: String, _ node: Node) -> NodeCursor {
        NodeCursor(node: node, file: file, keyPath: path(of: key), errors: errors)
    }

    /// The cursor of the element at `index` in this list.
    func element(_ index: Int, _ node: Node) -> NodeCursor {
        NodeCursor(node: node, file: file, keyPath: "\(keyPath)[\(index)]", errors: errors)
    }

    /// `sites[0] (line 12)`: how one error names another place of the same file (a duplicate's first use).
    var reference: String {
        line.map { "\(keyPath) (line \($0))" } ?? keyPath
    }

    /// `file:line` of this node, to name a place in another file (a duplicate's first use).
    var location: String {
        line.map { "\(file):\($0)" } ?? file
    }

    /// Whether the node is an empty or null plain scalar (`key:`, `key: ~`, `key: null`), which
    /// YAML writers use for "nothing here": such a key counts as absent.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What the node is, for "is a list; write …" errors.
    var shape: String {
        switch node {
        case .scalar: "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
