/// Edit distances on normalised names. Names are short (rarely over 15 letters), so plain dynamic
/// programming on small buffers is faster than anything cleverer.
enum StringDistance {
    /// Optimal-string-alignment distance (Levenshtein plus adjacent transposition), the usual model of a
    /// single keying error: a letter substituted, dropped, added or two letters swapped. Returns
    /// `limit + 1` as soon as the distance must exceed `limit`, which keeps disagreeing pairs cheap.
    static func osa(_ a: [UInt8], _ b: [UInt8], limit: Int = 2) -> Int {
        let n = a.count
        let m = b.count
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 || m == 0 { return max(n, m) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buffer in
            // Three rows: two back (for transpositions), previous and current.
            var twoBack = 0
            var previous = m + 1
            var current = 2 * (m + 1)
            for j in 0...m {
                buffer[previous + j] = j
                buffer[twoBack + j] = j
            }
            for i in 1...n {
                buffer[current] = i
                var rowMin = i
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var d = min(buffer[previous + j] + 1, buffer[current + j - 1] + 1, buffer[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        d = min(d, buffer[twoBack + j - 2] + 1)
                    }
                    buffer[current + j] = d
                    rowMin = min(rowMin, d)
                }
                if rowMin > limit { return limit + 1 }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            return min(buffer[previous + m], limit + 1)
        }
    }

    /// Jaro–Winkler similarity in [0, 1], which rewards agreement at the start of a name where
    /// keying errors are rarer.
    static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return 0 }
        if a == b { return 1 }
        let window = max(0, max(n, m) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: n)
        var bMatched = [Bool](repeating: false, count: m)
        var matches = 0
        for i in 0..<n {
            let lo = max(0, i - window)
            let hi = min(m - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<n where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let md = Double(matches)
        let jaro = (md / Double(n) + md / Double(m) + (md - Double(transpositions / 2)) / md) / 3
        var prefix = 0
        while prefix < min(4, n, m) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
