/// Comparison levels for first names, surnames and middle names.
///
/// Each function returns the strongest level that applies, or nil when either side is missing, and an
/// optional detail for the practitioner (computed only when `explain` is set, because building strings
/// in the hot loop would dominate query time).
enum NameComparison {
    /// Names this short are too often different people's initials or nicknames to call a 1-letter
    /// difference a typo ("Jo"/"Al").
    static let minimumTypoLength = 3

    static func firstName(
        _ qf: PreparedName?, qMiddles: [PreparedName], qOthers: [PreparedName],
        _ rf: PreparedName?, rMiddles: [PreparedName], rOthers: [PreparedName],
        explain: Bool = false
    ) -> (ComparisonLevel, String?)? {
        guard let qf, let rf else { return nil }
        if qf.sameText(rf) { return (.firstExact, nil) }
        if qf.isVariant(of: rf) {
            return (
                .firstEquivalent, explain ? "nickname or other spelling (\(qf.displayName) → \(rf.displayName))" : nil
            )
        }
        if min(qf.text.count, rf.text.count) >= minimumTypoLength, StringDistance.osa(qf.text, rf.text, limit: 1) <= 1 {
            return (.firstTypo, explain ? "1 letter different (\(qf.displayName) → \(rf.displayName))" : nil)
        }
        // Known by a middle name, or by an alias on file.
        for alt in rMiddles + rOthers where alt.text.count > 1 && (qf.sameText(alt) || qf.isVariant(of: alt)) {
            return (.firstMiddleOrAlias, explain ? "matches middle or other name \(alt.displayName)" : nil)
        }
        for alt in qMiddles + qOthers where alt.text.count > 1 && (rf.sameText(alt) || rf.isVariant(of: alt)) {
            return (
                .firstMiddleOrAlias,
                explain ? "recorded first name \(rf.displayName) given as a middle or other name" : nil
            )
        }
        if qf.text.count > 1 && rf.text.count > 1
            && (qf.phoneticHash == rf.phoneticHash || StringDistance.jaroWinkler(qf.text, rf.text) >= 0.88)
        {
            return (.firstSimilar, explain ? "similar spelling (\(qf.displayName) → \(rf.displayName))" : nil)
        }
        if (qf.text.count == 1 || rf.text.count == 1) && qf.text[0] == rf.text[0] {
            return (.firstInitial, nil)
        }
        return (.firstDisagrees, explain ? "disagrees (\(qf.displayName) ≠ \(rf.displayName))" : nil)
    }

    static func surname(
        _ qs: PreparedName?, qOthers: [PreparedName], _ rs: PreparedName?, rOthers: [PreparedName],
        explain: Bool = false
    ) -> (ComparisonLevel, String?)? {
        guard let qs, let rs else { return nil }
        if qs.sameText(rs) { return (.surnameExact, nil) }
        if min(qs.text.count, rs.text.count) >= minimumTypoLength, StringDistance.osa(qs.text, rs.text, limit: 1) <= 1 {
            return (.surnameTypo, explain ? "1 letter different (\(qs.displayName) → \(rs.displayName))" : nil)
        }
        // Married, divorced or adopted: the old surname survives among the other names.
        for alt in rOthers where qs.sameText(alt) {
            return (.surnamePrevious, explain ? "matches other name \(alt.displayName) on the record" : nil)
        }
        for alt in qOthers where rs.sameText(alt) {
            return (.surnamePrevious, explain ? "recorded surname \(rs.displayName) given as a previous name" : nil)
        }
        if qs.phoneticHash == rs.phoneticHash || StringDistance.jaroWinkler(qs.text, rs.text) >= 0.88 {
            return (.surnameSimilar, explain ? "similar spelling (\(qs.displayName) → \(rs.displayName))" : nil)
        }
        return (.surnameDisagrees, explain ? "disagrees (\(qs.displayName) ≠ \(rs.displayName))" : nil)
    }

    /// When the first name was found among the other record's middle names (or the other way round),
    /// the given names left over on each side, so that "Abigail Jacqueline" against "Jacqueline Abigail"
    /// still compares the second given name rather than discarding it.
    static func remainingGivenNames(
        _ qf: PreparedName?, _ qMiddles: [PreparedName], _ rf: PreparedName?,
        _ rMiddles: [PreparedName]
    ) -> ([PreparedName], [PreparedName]) {
        guard let qf, let rf else { return (qMiddles, rMiddles) }
        if let k = rMiddles.firstIndex(where: { qf.sameText($0) || qf.isVariant(of: $0) }) {
            var rest = rMiddles
            rest.remove(at: k)
            return (qMiddles, [rf] + rest)
        }
        if let k = qMiddles.firstIndex(where: { rf.sameText($0) || rf.isVariant(of: $0) }) {
            var rest = qMiddles
            rest.remove(at: k)
            return ([qf] + rest, rMiddles)
        }
        return (qMiddles, rMiddles)
    }

    /// Middle names are often dropped or cut to initials, so only their presence on both sides is evidence.
    static func middleNames(_ q: [PreparedName], _ r: [PreparedName]) -> ComparisonLevel? {
        guard !q.isEmpty, !r.isEmpty else { return nil }
        if q.count == r.count && zip(q, r).allSatisfy({ $0.sameText($1) }) { return .middleExact }
        // Initials ("A L") against full names ("Anne Louise"), in order, either way round.
        func initialsFit(_ short: [PreparedName], _ long: [PreparedName]) -> Bool {
            short.count <= long.count
                && zip(short, long).allSatisfy {
                    $0.text.count == 1 ? $0.text[0] == $1.text[0] : $0.sameText($1)
                }
        }
        if initialsFit(q, r) || initialsFit(r, q) { return .middleConsistent }
        for a in q where a.text.count > 1 {
            for b in r where a.sameText(b) || a.isVariant(of: b) { return .middleConsistent }
        }
        return .middleDisagrees
    }
}
