import Foundation

/// A check's start offset within its interval, from a hash of its id (FNV-1a, stable across
/// runs, unlike Swift's seeded `hashValue`): checks spread evenly and keep their slot after a restart.
enum StableOffset {
    static func within(_ interval: Duration, for id: String) -> Duration {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let fraction = Double(hash % 1_000_000) / 1_000_000
        return .seconds(double: interval.inSeconds * fraction)
    }
}
