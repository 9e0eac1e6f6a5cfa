import ArgumentParser
import Foundation
import TriageApp
import TriageCore

/// `triage store export`: the whole store as an archive, to grow from SQLite to PostgreSQL (or back).
struct ExportStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every ticket, event, delivery, account, API token digest and probe result of the store as an archive (JSON Lines).",
        discussion: """
            Stop `triage run` first, so the archive is one consistent state. Roll-ups are not exported: \
            they are rebuilt from the results; nor are browser sessions: people sign in again. Example: \
            triage store export --store var/triage.sqlite | triage store import --store postgres://triage@db/triage
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .shortAndLong, help: "The archive file to write (replaced); standard output when omitted.")
    var output: String?

    func run() async throws {
        let location = try options.readStoreLocation()
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                throw ValidationError("cannot write \(output); choose a file in a folder this user may write to")
            }
            handle = file
        } else {
            handle = .standardOutput
        }
        let totals = try await StoreTransfer.export(location, to: handle, clock: SystemClock())
        FileHandle.standardError.write(Data("Exported \(totals) from \(location).\n".utf8))
    }
}

/// `triage store import`: an archive into an empty store.
struct ImportStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read an archive made by `triage store export` into an empty store.",
        discussion: """
            The store must hold no tickets, no results and no accounts (a new SQLite file, or a newly created PostgreSQL \
            database); tickets, events and deliveries keep their ids, and new tickets get ids after them.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .shortAndLong, help: "The archive file to read; standard input when omitted.")
    var input: String?

    func run() async throws {
        let location = try options.readStoreLocation()
        let handle: FileHandle
        if let input {
            guard let file = FileHandle(forReadingAtPath: input) else {
                throw ValidationError("cannot read \(input); give the path of an archive made by triage store export")
            }
            handle = file
        } else {
            handle = .standardInput
        }
        let totals = try await StoreTransfer.importArchive(into: location, from: handle, clock: SystemClock())
        print("Imported \(totals) into \(location).")
    }
}
