import Foundation

/// One check's results in `[from, to)`: a piece of a batched read (`ResultRollupStore.results(in:)`),
/// so a report asks for the edge hours of thousands of incidents in a few round trips.
public struct ResultRange: Sendable, Hashable {
    public var checkID: String
    public var from: Date
    public var to: Date

    public init(checkID: String, from: Date, to: Date) {
        self.checkID = checkID
        self.from = from
        self.to = to
    }
}
