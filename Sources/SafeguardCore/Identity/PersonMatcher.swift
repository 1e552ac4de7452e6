import Foundation

/// Finds who a referral is about: ranks people in the index by Fellegi–Sunter match weight, with the
/// posterior probability and the reasons, and sorts the result into automatic match, possible matches
/// for a practitioner to check, or nobody.
///
/// Only records sharing a blocking key with the query are compared (see `BlockingKeys`), so a query
/// costs the same against a million people as against ten thousand, give or take the block sizes.
public struct PersonMatcher: Sendable {
    public let index: PersonIndex
    public let model: MatchModel
    /// Blocks bigger than this are skipped: a key shared by thousands of people (a very common name in
    /// one birth year) adds time without adding a record that the other keys would miss.
    public var maxBlockSize: Int

    public init(index: PersonIndex, model: MatchModel = .default, maxBlockSize: Int = 5_000) {
        self.index = index
        self.model = model
        self.maxBlockSize = maxBlockSize
    }

    /// Candidates for the person on a referral, most probable first. Records in `excluded` (by id) are
    /// left out before the probabilities are shared out: a record looking for its own duplicates must
    /// not find itself and take all the probability.
    public func candidates(
        for query: PersonRecordForMatching, limit: Int = 10, excluding excluded: Set<String> = []
    ) -> [MatchCandidate] {
        let snapshot = index.snapshot()
        let prepared = PreparedPerson(query)
        let comparator = RecordComparator(
            query: prepared, model: model, frequencies: snapshot.frequencies,
            indexSize: snapshot.count)
        var scored = compareWithBlocks(comparator, in: snapshot)
        if !excluded.isEmpty { scored.removeAll { excluded.contains(snapshot.ids[Int($0.0)]) } }
        guard !scored.isEmpty else { return [] }
        let total = scored.reduce(0.0) { $0 + exp2($1.vector.weight) }
        let top = scored.sorted { $0.vector.weight > $1.vector.weight }.prefix(max(limit, 0))
        return top.map { position, vector in
            let record = snapshot.records[Int(position)]
            return MatchCandidate(
                id: snapshot.ids[Int(position)],
                score: vector.weight,
                probability: model.posterior(
                    bayesFactor: exp2(vector.weight), totalBayesFactor: total,
                    indexSize: snapshot.count),
                reasons: comparator.reasons(record, vector))
        }
    }

    /// The decision band for a referral: an automatic match only when the best candidate's posterior
    /// probability reaches `model.matchThreshold`.
    public func decide(_ query: PersonRecordForMatching) -> MatchOutcome {
        let found = candidates(for: query, limit: 10)
        guard let best = found.first else { return .none }
        if best.probability >= model.matchThreshold { return .match(best) }
        let possible = found.filter { $0.probability >= model.possibleThreshold }
        return possible.isEmpty ? .none : .possible(possible)
    }

    /// Positions of the records sharing a blocking key with the query, each once.
    func blockedPositions(for query: PreparedPerson, in snapshot: IndexSnapshot) -> [Int32] {
        var positions: [Int32] = []
        for (key, kind) in BlockingKeys.queryKeys(query) {
            // "J Smith" is a fallback for first names too mistyped to sound alike; with a common surname it
            // would add thousands of comparisons for little gain.
            let cap = kind == .initialSurname ? maxBlockSize / 10 : maxBlockSize
            guard let block = snapshot.blocks[key], block.count <= cap else { continue }
            positions.append(contentsOf: block)
        }
        positions.sort()
        var unique = 0
        for i in positions.indices where i == 0 || positions[i] != positions[i - 1] {
            positions[unique] = positions[i]
            unique += 1
        }
        positions.removeLast(positions.count - unique)
        return positions
    }

    func compareWithBlocks(
        _ comparator: RecordComparator, in snapshot: IndexSnapshot
    ) -> [(position: Int32, vector: ComparisonVector)] {
        blockedPositions(for: comparator.query, in: snapshot).map { position in
            (position, comparator.compare(snapshot.records[Int(position)]))
        }
    }
}
