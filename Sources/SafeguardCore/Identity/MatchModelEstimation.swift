import Foundation

extension MatchModel {
    /// Fits the model to the index in use without any labelled pairs, in the usual Fellegi–Sunter way:
    ///
    /// - **u** from random pairs of index records, which are almost all different people. Levels seen
    ///   fewer than `minimumCount` times keep `start`'s u, because a handful of chance agreements is too
    ///   little to estimate from.
    /// - **m** and the prior `inIndexProbability` by expectation–maximisation over the blocked pairs of
    ///   a sample of queries (referrals as received). The E-step treats each query's candidates as
    ///   competing for one match, so a true match's housemates (same surname and address) are explained
    ///   away instead of teaching the model that households are matches. u stays fixed.
    ///
    /// - **u for a shared surname at one address** from pairs of index records at the same address.
    ///
    /// The thresholds are kept from `start`: they are probabilities, so they need no re-tuning.
    public static func estimated(
        from index: PersonIndex, queries: [PersonRecordForMatching],
        start: MatchModel = .default, randomPairs: Int = 500_000,
        maxQueries: Int = 20_000, iterations: Int = 30, minimumCount: Int = 5,
        minimumM: Double = 0.001,
        seed: UInt64 = 1
    ) -> MatchModel {
        let snapshot = index.snapshot()
        guard snapshot.count >= 2 else { return start }
        var rng = SeededRandom(seed: seed)  // SplitMix64: the same model for the same data on every platform
        let levelCount = ComparisonLevel.allCases.count
        var model = start

        // u: random pairs.
        var seen = [Int](repeating: 0, count: levelCount)
        var present = [Int](repeating: 0, count: MatchField.allCases.count)
        for _ in 0..<randomPairs {
            let a = rng.below(snapshot.count)
            let b = rng.below(snapshot.count)
            guard a != b else { continue }
            let comparator = RecordComparator(
                query: snapshot.records[a], model: start,
                frequencies: snapshot.frequencies, indexSize: snapshot.count)
            let v = comparator.compare(snapshot.records[b])
            for field in MatchField.allCases {
                if let level = v[field] {
                    seen[level.rawValue] += 1
                    present[field.rawValue] += 1
                }
            }
        }
        for level in ComparisonLevel.allCases where seen[level.rawValue] >= minimumCount {
            model.u[level.rawValue] = Double(seen[level.rawValue]) / Double(present[level.field.rawValue])
        }

        // Surname agreement among different people at one address: pairs of index records at the same
        // postcode, which are different people (an index holds each person once).
        var byPostcode: [UInt64: [Int]] = [:]
        for (position, record) in snapshot.records.enumerated() where record.postcodeLength > 0 && record.surname != nil
        {
            byPostcode[record.postcode, default: []].append(position)
        }
        var atAddress = 0
        var sharedSurname = 0
        for group in byPostcode.values where group.count > 1 {
            for i in 0..<min(group.count, 20) {
                for j in (i + 1)..<min(group.count, 20) {
                    let a = snapshot.records[group[i]]
                    let b = snapshot.records[group[j]]
                    guard IdentifierComparison.residence(a, b)?.isSameAddress == true else { continue }
                    atAddress += 1
                    if a.surname!.sameText(b.surname!) { sharedSurname += 1 }
                }
            }
        }
        if atAddress >= 20 {
            model.surnameAtSameAddressU = (Double(sharedSurname) + 1) / (Double(atAddress) + 2)
        }

        // Blocked pairs of a sample of queries, compared once. A pair's weight under any m is
        // Σ log2(m/u) over its levels plus a fixed part (term-frequency corrections, swapped names).
        var sample = queries
        if sample.count > maxQueries {
            for i in 0..<maxQueries { sample.swapAt(i, i + rng.below(sample.count - i)) }
            sample.removeLast(sample.count - maxQueries)
        }
        let matcher = PersonMatcher(index: index, model: model)
        var pairs: [(levels: SIMD8<Int8>, fixed: Double)] = []
        var groupEnds: [Int] = []
        for query in sample {
            let comparator = RecordComparator(
                query: PreparedPerson(query), model: model,
                frequencies: snapshot.frequencies, indexSize: snapshot.count)
            for (_, v) in matcher.compareWithBlocks(comparator, in: snapshot) {
                pairs.append((v.levels, v.weight - model.levelWeightSum(v.levels)))
            }
            groupEnds.append(pairs.count)
        }
        guard !pairs.isEmpty else { return model }

        let prior0 = model.inIndexProbability
        var pi = prior0
        for _ in 0..<iterations {
            var matchMass = [Double](repeating: 0, count: levelCount)
            var fieldMass = [Double](repeating: 0, count: MatchField.allCases.count)
            var expectedMatches = 0.0
            let logW = (0..<levelCount).map { log2(model.m[$0] / model.u[$0]) }
            let prior = pi / Double(snapshot.count)
            var begin = 0
            var factors: [Double] = []
            for end in groupEnds {
                factors.removeAll(keepingCapacity: true)
                var total = 0.0
                for k in begin..<end {
                    var w = pairs[k].fixed
                    for f in 0..<MatchField.allCases.count where pairs[k].levels[f] >= 0 {
                        w += logW[Int(pairs[k].levels[f])]
                    }
                    let bf = exp2(min(w, 1000))
                    factors.append(bf)
                    total += bf
                }
                let denominator = (1 - pi) + prior * total
                for (offset, bf) in factors.enumerated() {
                    let p = prior * bf / denominator
                    guard p > 1e-9 else { continue }
                    expectedMatches += p
                    let levels = pairs[begin + offset].levels
                    for f in 0..<MatchField.allCases.count where levels[f] >= 0 {
                        matchMass[Int(levels[f])] += p
                        fieldMass[f] += p
                    }
                }
                begin = end
            }
            // M-step with a light pull towards the starting m, so a level never observed among matches
            // keeps a small positive probability instead of an infinite negative weight.
            let pseudo = 1.0
            for level in ComparisonLevel.allCases {
                let f = level.field.rawValue
                model.m[level.rawValue] =
                    (matchMass[level.rawValue] + pseudo * start.m[level.rawValue]) / (fieldMass[f] + pseudo)
            }
            // No outcome is treated as impossible for the same person: data-entry surprises happen (sex
            // recorded differently by two agencies, a wholly wrong date), and one must not veto a match.
            for field in MatchField.allCases {
                let levels = ComparisonLevel.levels(of: field)
                for level in levels { model.m[level.rawValue] = max(model.m[level.rawValue], minimumM) }
                let total = levels.reduce(0) { $0 + model.m[$1.rawValue] }
                for level in levels { model.m[level.rawValue] /= total }
            }
            pi = min(max(expectedMatches / Double(groupEnds.count), 0.01), 0.99)
        }
        model.inIndexProbability = pi
        return model
    }

    /// Σ log2(m/u) over the levels present, without term-frequency adjustment.
    func levelWeightSum(_ levels: SIMD8<Int8>) -> Double {
        var w = 0.0
        for f in 0..<MatchField.allCases.count where levels[f] >= 0 {
            w += log2(m[Int(levels[f])] / u[Int(levels[f])])
        }
        return w
    }
}
