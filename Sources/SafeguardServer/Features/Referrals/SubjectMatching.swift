import SafeguardCore

/// The matching step of the referral page: who in the person index might a referral's subject be.
/// One function, so the MASH page (`SubjectCandidates.find`) and `safeguard bench people` time and score
/// exactly the same work.
package enum SubjectMatching {
    /// Candidates below this posterior probability are not worth a practitioner's look on the page.
    package static let minimumProbability = 0.01

    /// The people most likely to be `query`, most probable first, at most `limit`, each at least
    /// `minimumProbability` likely. The best candidate's probability does not depend on `limit`.
    package static func rank(
        _ query: PersonRecordForMatching, in index: PersonIndex, model: MatchModel = .default,
        limit: Int = 5, excluding excluded: Set<String> = []
    ) -> [MatchCandidate] {
        PersonMatcher(index: index, model: model).candidates(for: query, limit: limit, excluding: excluded)
            .filter { $0.probability >= minimumProbability }
    }
}
