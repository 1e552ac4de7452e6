/// Finds a candidate's field (street, town, building name) among the words of a typed address.
///
/// Typed addresses put words in the wrong part, run them together ("FOSTERCLOSE", "STJOHNS COURT") and
/// misspell them, so a field is compared, spaces removed, with every run of one to four consecutive query
/// words, spaces removed, by edit distance. The best run gives the similarity and the words it explains.
struct AddressFieldMatch: Equatable {
    /// 1 − distance / longer length, in [0, 1]; 0 when nothing is close.
    var similarity: Double
    /// Bit i set when query word i is part of the best run.
    var covered: UInt64

    static let none = AddressFieldMatch(similarity: 0, covered: 0)
}

/// A field of a known address prepared for comparison: its bytes, and its core without a trailing street
/// type ("SCOTT" of "SCOTT TERRACE") for typists who leave the type out.
struct AddressField {
    let text: String
    let bytes: [UInt8]
    let histogram: UInt64
    let core: [UInt8]?
    let coreHistogram: UInt64
    /// The first word of a name of two or more ("ROSE" of "ROSE COTTAGE"): typists shorten names.
    let firstWord: [UInt8]?

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8.filter { $0 != 32 })
        histogram = AddressQueryWords.histogram(bytes)
        let words = text.split(separator: " ")
        if words.count >= 2, let last = words.last, AddressVocabulary.streetTypes.contains(String(last)) {
            core = Array(words.dropLast().joined().utf8)
        } else {
            core = nil
        }
        coreHistogram = AddressQueryWords.histogram(core ?? [])
        if words.count >= 2, words[0].count >= 3, !AddressVocabulary.stopWords.contains(String(words[0])) {
            firstWord = Array(words[0].utf8)
        } else {
            firstWord = nil
        }
    }
}

/// The query side: every run of up to four words, joined, computed once per query.
struct AddressQueryWords {
    struct Run {
        let start: Int, end: Int  // word indices, inclusive
        let bytes: [UInt8]
        let histogram: UInt64
        /// The word after the run is a street type, so matching a street's core alone would ignore it.
        let typeFollows: Bool
    }
    let words: [String]
    let runs: [Run]

    static let maxRun = 4

    init(_ words: [String]) {
        let words = Array(words.prefix(64))
        self.words = words
        let bytes = words.map { Array($0.utf8) }
        var runs: [Run] = []
        for i in bytes.indices {
            var joined: [UInt8] = []
            for j in i..<min(bytes.count, i + Self.maxRun) {
                joined += bytes[j]
                let typeFollows = j + 1 < words.count && AddressVocabulary.streetTypes.contains(words[j + 1])
                runs.append(
                    Run(start: i, end: j, bytes: joined, histogram: Self.histogram(joined), typeFollows: typeFollows))
            }
        }
        self.runs = runs
    }

    /// The best run for a field. A run matching only the field's core is discounted (×0.85) and not allowed
    /// when the typist did write a (different) street type after it: "JOHNSON ROAD" is not "JOHNSON WAY".
    /// With `asName`, a lone word equal to the name's first word counts as close (0.75): "ROSE" for
    /// "ROSE COTTAGE". Not for streets or towns, whose first words ("NORTH", "LAKE") say little.
    func match(_ field: AddressField, asName: Bool = false) -> AddressFieldMatch {
        // Most fields that are present are typed exactly: find those without computing any distance.
        for run in runs where run.bytes.count == field.bytes.count && run.bytes == field.bytes {
            return AddressFieldMatch(similarity: 1, covered: Self.mask(run.start, run.end))
        }
        var best = AddressFieldMatch.none
        for run in runs {
            // Each edit changes the letter counts by at most two, so counts far apart rule a run out cheaply.
            var sim = Self.farApart(field.histogram, field.bytes, run) ? 0 : Self.similarity(field.bytes, run.bytes)
            if let core = field.core, !run.typeFollows, sim < 0.85, !Self.farApart(field.coreHistogram, core, run) {
                sim = max(sim, 0.85 * Self.similarity(core, run.bytes))
            }
            if asName, sim < 0.75, run.start == run.end, let first = field.firstWord, first == run.bytes {
                sim = 0.75
            }
            if sim > best.similarity
                || (sim == best.similarity && sim > 0 && run.end - run.start < popCount(best.covered) - 1)
            {
                best = AddressFieldMatch(similarity: sim, covered: Self.mask(run.start, run.end))
            }
        }
        return best
    }

    private func popCount(_ x: UInt64) -> Int { x.nonzeroBitCount }

    static func mask(_ start: Int, _ end: Int) -> UInt64 {
        var mask: UInt64 = 0
        for k in start...end { mask |= 1 << UInt64(k) }
        return mask
    }

    /// The query words a match covered, for the reasons shown to a reviewer.
    func text(of m: AddressFieldMatch) -> String {
        words.indices.filter { m.covered & (1 << UInt64($0)) != 0 }.map { words[$0] }.joined(separator: " ")
    }

    /// True when the lengths, or the letters each has that the other lacks, prove the edit distance above
    /// the 40 % `similarity` allows. One edit adds or removes at most two letters from that set, so the
    /// test costs one XOR where the distance costs a table.
    static func farApart(_ letters: UInt64, _ bytes: [UInt8], _ run: Run) -> Bool {
        let limit = max(1, max(bytes.count, run.bytes.count) * 2 / 5)
        if abs(bytes.count - run.bytes.count) > limit { return true }
        return ((letters ^ run.histogram).nonzeroBitCount + 1) / 2 > limit
    }

    /// The set of characters present, one bit each (A–Z, then digits and others folded together).
    static func histogram(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0
        for b in bytes { h |= 1 << UInt64(b >= 65 && b <= 90 ? b - 65 : 26 + b % 32) }
        return h
    }

    /// 1 − OSA distance / longer length, computing the distance only while it can stay under 40 % of the
    /// length: below that similarity a field counts as absent anyway.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 0 }
        if a == b { return 1 }
        let limit = max(1, longer * 2 / 5)
        if abs(a.count - b.count) > limit { return 0 }
        let d = StringDistance.osa(a, b, limit: limit)
        return d > limit ? 0 : 1 - Double(d) / Double(longer)
    }
}

/// The field matches of one query, by field id. A query meets a handful of distinct fields, so a linear
/// scan of two small arrays beats hashing.
struct AddressFieldCache {
    var keys: [Int] = []
    var matches: [AddressFieldMatch] = []

    func find(_ key: Int) -> AddressFieldMatch? {
        for i in keys.indices where keys[i] == key { return matches[i] }
        return nil
    }
}
