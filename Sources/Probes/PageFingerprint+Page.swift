import TriageCore

extension PageFingerprint {
    /// The fingerprint of a page's words: for each of the 64 functions, the smallest hash over
    /// the page's consecutive word pairs (its single word when it has one; no words leaves every
    /// value at its maximum, so two empty pages agree).
    ///
    /// The seeds and the mixing function are part of the `mh1:` format: baselines pasted into
    /// probe files depend on them, so a change to either needs a new prefix.
    init(words: PageText) {
        let hashes = words.wordHashes
        let shingles = hashes.count < 2 ? hashes : zip(hashes, hashes.dropFirst()).map { Self.mix($0 &* 31 ^ $1) }
        var minimums = [UInt64](repeating: .max, count: Self.size)
        for shingle in shingles {
            for position in 0..<Self.size {
                minimums[position] = min(minimums[position], Self.mix(shingle ^ Self.seeds[position]))
            }
        }
        self.init(values: minimums.map { UInt16($0 >> 48) })
    }

    /// One seed per hash function, fixed by the format.
    private static let seeds: [UInt64] = (0..<UInt64(size)).map { mix($0 &+ 0x9E37_79B9_7F4A_7C15) }

    /// SplitMix64's finaliser: spreads every input bit over the whole output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
