import Foundation
import TicketStore
import TriageCore

/// Reads an archive (see `ArchiveLine`) into an empty store, in batches of rows, each batch its
/// own transaction: memory and SQLite's write-ahead log stay flat whatever the archive's size.
///
/// An import is not one transaction: one that stops half way (a damaged line, a lost connection)
/// leaves part of the archive in the store, and says so. Since an import goes only into an empty
/// store, running it again is refused until the store is emptied (a new SQLite file, or the
/// database dropped and created again): a partial store can never pass for a whole one.
///
/// ```swift
/// let totals = try await StoreImporter(store: store, target: "postgres:...").importArchive(from: .standardInput)
/// ```
public struct StoreImporter: Sendable {
    let store: any StoreArchive
    /// The store's description for errors (never a password).
    let target: String
    let batchSize: Int

    public init(store: any StoreArchive, target: String, batchSize: Int = 1000) {
        self.store = store
        self.target = target
        self.batchSize = batchSize
    }

    /// Imports the archive read from `handle`; returns what it held.
    ///
    /// - Throws: `ArchiveError` naming the line at fault, or the store that is not empty;
    ///   `TicketStoreError` when the store fails.
    public func importArchive(from handle: FileHandle) async throws -> ArchiveTotals {
        try await refuseUnlessEmpty()
        var reader = LineReader(handle)
        let first: ArchiveLine?
        do { first = try line(from: &reader) } catch is ArchiveError { first = nil }
        try await checkHeader(first)
        var batch = ImportBatch(store: store)
        do {
            while let next = try line(from: &reader) {
                if case .end(let expected) = next {
                    try batch.check(expected, line: reader.lineNumber)
                    guard try reader.next() == nil else {
                        throw ArchiveError.damaged(line: reader.lineNumber, "a line after the end line")
                    }
                    try await batch.finish()
                    return batch.totals
                }
                try batch.add(next, line: reader.lineNumber)
                if batch.pending >= batchSize { try await batch.flush() }
            }
            throw ArchiveError.truncated(after: reader.lineNumber)
        } catch var error as ArchiveError where batch.written > 0 {
            error.message += "; \(batch.written) rows were imported before it, so \(target) holds part of the archive: "
                + "empty it (a new SQLite file, or drop and create the database) before importing again"
            throw error
        }
    }

    /// The next line, decoded; nil at the end.
    private func line(from reader: inout LineReader) throws -> ArchiveLine? {
        guard let data = try reader.next() else { return nil }
        do {
            return try ArchiveLine.decoder.decode(ArchiveLine.self, from: data)
        } catch let error as DecodingError {
            throw ArchiveError.damaged(line: reader.lineNumber, Self.describe(error))
        }
    }

    private func refuseUnlessEmpty() async throws {
        let contents = try await store.archiveContents()
        guard contents.tickets == 0, contents.results == 0, contents.accounts == 0 else {
            throw ArchiveError(
                line: nil,
                message: "\(target) is not empty (it holds \(contents.tickets) tickets\(contents.results > 0 ? " and probe results" : "")"
                    + "\(contents.accounts > 0 ? " and \(contents.accounts) accounts" : "")), "
                    + "and an import goes only into an empty store; import into a new SQLite file or a newly created "
                    + "PostgreSQL database (createdb), which every command migrates when it opens it"
            )
        }
    }

    private func checkHeader(_ first: ArchiveLine?) async throws {
        guard case .header(let header)? = first, header.format == ArchiveHeader.formatName else {
            throw ArchiveError(
                line: 1, message: "this is not a triage store archive (its first line is no archive header); "
                    + "make one with triage store export"
            )
        }
        guard ArchiveHeader.readableVersions.contains(header.version) else {
            throw ArchiveError(
                line: 1, message: "the archive's format is version \(header.version), and this release reads version "
                    + "\(ArchiveHeader.currentVersion); import it with the release of triage that exported it, or a newer one"
            )
        }
        let known = Set(try await store.appliedMigrations())
        let unknown = header.migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw ArchiveError(
                line: 1, message: "the archive comes from a store migrated by a newer release of triage (migrations "
                    + unknown.joined(separator: ", ") + " are unknown here); import it with that release"
            )
        }
    }

    /// A decoding error in a few words: the field at fault and what was wrong with it.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .dataCorrupted(let context): return "not a valid archive line\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "the field \"\(key.stringValue)\" is missing\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "a wrong value\(path(context)): \(context.debugDescription)"
        @unknown default: return "not a valid archive line: \(error)"
        }
    }
}
