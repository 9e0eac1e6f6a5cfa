import Yams

/// Reads of lists and mappings, and the strict key check that makes a typo an error instead of
/// a setting silently ignored.
extension NodeCursor {
    /// The elements of a list, each with its `[index]` in the key path.
    func list() -> [NodeCursor]? {
        guard case .sequence(let sequence) = node else {
            fail("is \(shape); write a list, one \"- \" item per line or [a, b]")
            return nil
        }
        return sequence.enumerated().map { element($0.offset, $0.element) }
    }

    /// One value or a list of them, for keys where one is the common case (`status: 200`).
    func oneOrMany() -> [NodeCursor]? {
        if case .scalar = node { return [self] }
        return list()
    }

    /// The entries of a mapping, in the order written, without checking which keys are allowed.
    func mapping() -> MapCursor? {
        guard case .mapping(let mapping) = node else {
            fail("is \(shape); write keys and values here (key: value)")
            return nil
        }
        var entries: [MapCursor.Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                let keyCursor = NodeCursor(node: key, file: file, keyPath: keyPath, errors: errors)
                keyCursor.fail("has a key that is \(keyCursor.shape); keys are plain names, such as interval")
                continue
            }
            entries.append(MapCursor.Entry(key: scalar.string, line: key.mark?.line, value: child(scalar.string, value)))
        }
        return MapCursor(cursor: self, entries: entries)
    }

    /// The entries of a mapping whose keys must all be among `allowedKeys`.
    func mapping(allowedKeys: [String]) -> MapCursor? {
        guard let map = mapping() else { return nil }
        map.rejectUnknownKeys(allowed: allowedKeys)
        return map
    }
}

/// A mapping being read: look keys up, require some, reject the unknown ones.
struct MapCursor {
    struct Entry {
        let key: String
        /// The line of the key itself, where an unknown-key error points.
        let line: Int?
        let value: NodeCursor
    }

    let cursor: NodeCursor
    let entries: [Entry]

    /// The value of `key`; nil when the key is absent or its value empty (`key:` or `key: ~`),
    /// so an empty value means "use the default" everywhere.
    subscript(key: String) -> NodeCursor? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    /// The value of `key`, or an error that shows how to write it, such as `customer: acme`.
    func required(_ key: String, example: String) -> NodeCursor? {
        if let value = self[key] { return value }
        if let entry = entries.first(where: { $0.key == key }) {
            entry.value.fail("is empty; write a value, such as \(key): \(example)")
        } else {
            cursor.errors.add(
                file: cursor.file, line: cursor.line, keyPath: cursor.path(of: key),
                message: "is required; add it, such as \(key): \(example)"
            )
        }
        return nil
    }

    /// Records an error for every key outside `allowed`, with the closest allowed key as a
    /// suggestion and the whole list, so the admin sees what can be written here. A key of
    /// `misplaced` is a known key written at the wrong level; its error says where it belongs.
    func rejectUnknownKeys(allowed: [String], misplaced: [String: String] = [:]) {
        for entry in entries where !allowed.contains(entry.key) {
            if let place = misplaced[entry.key] {
                cursor.errors.add(
                    file: cursor.file, line: entry.line, keyPath: entry.value.keyPath,
                    message: "is not allowed here; \(entry.key) belongs \(place)"
                )
            } else {
                reportUnknown(entry, allowed: allowed, allowedText: "allowed keys: \(allowed.joined(separator: ", "))")
            }
        }
    }

    /// An unknown-key error at `entry`'s key: `unknown key; did you mean "checks"? allowed keys: …`.
    func reportUnknown(_ entry: Entry, allowed: [String], allowedText: String) {
        let hint = KeySuggestion.didYouMean(entry.key, among: allowed)
        cursor.errors.add(file: cursor.file, line: entry.line, keyPath: entry.value.keyPath, message: "unknown key; \(hint)\(allowedText)")
    }
}

extension NodeCursor {
    /// The top-level mapping of a file; anything else there is an error that shows the expected shape.
    func documentMapping(allowedKeys: [String], example: String) -> MapCursor? {
        guard case .mapping = node else {
            fail("the file holds \(shape); write keys and values at the top level, such as \(example)")
            return nil
        }
        return mapping(allowedKeys: allowedKeys)
    }

    /// The value at `keys` below this node, or nil, recording nothing: for rules across fields,
    /// run after those fields decoded cleanly, that point at the value the admin wrote.
    func find(_ keys: String...) -> NodeCursor? {
        var cursor = self
        for key in keys {
            guard case .mapping(let mapping) = cursor.node,
                let value = mapping.first(where: { $0.key.string == key })?.value
            else { return nil }
            cursor = cursor.child(key, value)
            if cursor.isNull { return nil }
        }
        return cursor
    }
}
