/// SplitMix64: small, fast and fully specified, so a seed gives the same demo data (and the same match model) on every
/// platform and toolchain. The helpers below deliberately avoid the standard library's
/// `random(in:using:)`, `shuffled` and `randomElement`, whose algorithms are not promised to stay
/// the same between Swift releases.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer below `bound`; the multiply-high bias is far below anything a demo shows.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with the given chance in a thousand; integers keep the outcome free of floating point.
    public mutating func chance(perThousand: Int) -> Bool { below(1000) < perThousand }

    public mutating func chance(percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks by integer weight; order of `items` is part of the contract, so results never depend
    /// on hashing.
    public mutating func pick<T>(weighted items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// A fresh generator whose stream depends on this one, so adding draws in one part of the
    /// generator does not reshuffle everything generated after it.
    public mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}
