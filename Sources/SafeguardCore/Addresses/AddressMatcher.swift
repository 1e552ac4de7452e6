import Foundation

/// Decides whether a typed incident address is one of the known addresses in an index.
///
/// Each query is parsed, its block gathered from the index (see `AddressBlocking`), every address in the
/// block compared field by field (see `AddressComparison`), and the summed weight turned into a score.
/// The outcome is an automatic match only when the best candidate scores at or above `thresholds.match`,
/// breaks no precision rule, and leads the runner-up by `thresholds.margin`; two close candidates go to a
/// person instead, because choosing between neighbours is exactly where a wrong marker would be shown.
public struct AddressMatcher: Sendable {
    public let index: AddressIndex
    public let thresholds: AddressMatchThresholds

    /// The weight at which the score is 0.5: a prior log-odds against any one blocked address being the
    /// dwelling asked about. See `AddressMatchThresholds` for what weights reach which scores.
    static let priorWeight = 8.0

    public init(index: AddressIndex, thresholds: AddressMatchThresholds = .default) {
        self.index = index
        self.thresholds = thresholds
    }

    /// The closest known addresses, best first, at most `limit`; those that could not reach the review line
    /// are left out.
    public func candidates(address: String, postcode: String?, limit: Int = 5) -> [AddressCandidate] {
        Array(
            rank(address: address, postcode: postcode, explained: limit).ranked.prefix(max(0, limit)).map(\.candidate))
    }

    public func decide(address: String, postcode: String?) -> AddressMatchOutcome {
        let ranked = rank(address: address, postcode: postcode).ranked
        guard let best = ranked.first else { return .noMatch }
        let lead = ranked.count > 1 ? best.weight - ranked[1].weight : .infinity
        if !best.vetoed, best.candidate.score >= thresholds.match, lead >= thresholds.margin {
            return .match(best.candidate)
        }
        let shown = ranked.prefix(5).filter { $0.candidate.score >= thresholds.review }.map(\.candidate)
        return shown.isEmpty ? .noMatch : .needsReview(shown)
    }

    struct Scored {
        let candidate: AddressCandidate
        let weight: Double
        let vetoed: Bool
    }

    /// The addresses in the query's block that could matter, compared and sorted by weight, the first
    /// `explained` of them with reasons. `compared` is the block size, kept so tests can check that a query
    /// never scans the index.
    ///
    /// Candidates that could not reach the review line even if every text field agreed are dropped after
    /// the cheap postcode and number comparison. That is safe for the decision: an automatic match needs a
    /// weight at the match line, so anything below the review line is also more than `margin` behind it.
    func rank(address: String, postcode: String?, explained: Int = 5) -> (ranked: [Scored], compared: Int) {
        let query = ParsedAddress(address, postcode: postcode)
        let state = index.snapshot()
        let words = AddressQueryWords(query.words)
        let matchWeight = Self.weight(forScore: thresholds.match)
        let skipBelow = min(Self.weight(forScore: thresholds.review), matchWeight - thresholds.margin)
        let queryPostcode = query.postcodeKey.map(AddressPostcode.pack)
        var cache = AddressFieldCache()
        var kept: [(position: Int, weight: Double, vetoed: Bool)] = []
        var compared = 0
        func compare(_ block: [Int]) {
            compared += block.count
            for position in block {
                let c = AddressComparison(
                    query: query, queryPostcode: queryPostcode, words: words,
                    candidate: state.records[position], state: state,
                    fieldCache: &cache, explain: false, skipBelow: skipBelow)
                if !c.skipped { kept.append((position, c.weight, c.vetoed)) }
            }
        }
        let first = state.block(for: query, tier: 1)
        compare(first)
        // The wide second tier only when the first found no candidate clear of the match line by the margin:
        // a second-tier address shares neither postcode nor street with the query, so it cannot come within
        // the margin of one that does and agrees on everything.
        if !kept.contains(where: { !$0.vetoed && $0.weight >= matchWeight + thresholds.margin }) {
            compare(state.block(for: query, tier: 2, excluding: first))
        }
        kept.sort { ($0.weight, $1.position) > ($1.weight, $0.position) }  // ties: the earlier-filed first
        let ranked = kept.enumerated().map { rank, entry in
            let record = state.records[entry.position]
            var reasons: [String] = []
            if rank < explained {  // compared again, in words, only for the few that will be shown
                reasons =
                    AddressComparison(
                        query: query, queryPostcode: queryPostcode, words: words, candidate: record,
                        state: state, fieldCache: &cache, explain: true
                    ).reasons
            }
            var score = 1 / (1 + exp(-(entry.weight - Self.priorWeight)))
            // A broken precision rule caps the score below the match line, so a score never overstates.
            if entry.vetoed { score = min(score, thresholds.match - 0.05) }
            return Scored(
                candidate: AddressCandidate(id: record.id, score: score, reasons: reasons),
                weight: entry.weight, vetoed: entry.vetoed)
        }
        return (ranked, compared)
    }

    /// The weight at which the score reaches `score`: the logistic curve run backwards.
    static func weight(forScore score: Double) -> Double {
        let p = min(max(score, 1e-9), 1 - 1e-9)
        return priorWeight + log(p / (1 - p))
    }
}
