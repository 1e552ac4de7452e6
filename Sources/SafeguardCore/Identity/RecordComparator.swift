import Foundation

/// Compares one query with index records: picks a comparison level per field, weighs it with the model
/// (term-frequency adjusted for names and postcodes), and explains the result in words.
///
/// Built once per query so that everything depending only on the query (its names' frequencies, its
/// postcode's household count) is looked up once, not once per candidate.
struct RecordComparator: Sendable {
    let query: PreparedPerson
    let model: MatchModel
    private let weights: [Double]
    /// Term-frequency weights for exact agreement, straight and with first name and surname swapped.
    private let firstExact: (straight: Double, swapped: Double)
    private let surnameExact: (straight: Double, swapped: Double)
    private let sameHome: Double, samePostcode: Double
    /// Exact surname between people at the same address (see `MatchModel.surnameAtSameAddressU`).
    private let surnameAtSameAddress: Double

    init(query: PreparedPerson, model: MatchModel, frequencies: IndexFrequencies, indexSize: Int) {
        self.query = query
        self.model = model
        weights = ComparisonLevel.allCases.map { model.weight($0) }
        surnameAtSameAddress = log2(model.m[ComparisonLevel.surnameExact.rawValue] / model.surnameAtSameAddressU)
        func tf(_ level: ComparisonLevel, _ count: Int32?) -> Double {
            guard let count else { return model.weight(level) }
            return model.termFrequencyWeight(
                level, frequency: Double(count) / Double(max(indexSize, 1)), indexSize: indexSize)
        }
        firstExact = (
            tf(.firstExact, query.first.map { frequencies.firstName($0) }),
            tf(.firstExact, query.surname.map { frequencies.firstName($0) })
        )
        surnameExact = (
            tf(.surnameExact, query.surname.map { frequencies.surname($0) }),
            tf(.surnameExact, query.first.map { frequencies.surname($0) })
        )
        // Sharing a postcode with a big household is weaker evidence than sharing it with nobody else.
        let postcodeCount: Int32? = query.postcodeLength > 0 ? frequencies.postcode(query.postcode) : nil
        let uHome = model.u[ComparisonLevel.residenceSameHome.rawValue]
        let uPostcode = model.u[ComparisonLevel.residencePostcode.rawValue]
        let homeShare = uHome / (uHome + uPostcode)
        if let postcodeCount {
            let f = Double(postcodeCount) / Double(max(indexSize, 1))
            sameHome = model.termFrequencyWeight(.residenceSameHome, frequency: f * homeShare, indexSize: indexSize)
            samePostcode = model.termFrequencyWeight(.residencePostcode, frequency: f, indexSize: indexSize)
        } else {
            sameHome = model.weight(.residenceSameHome)
            samePostcode = model.weight(.residencePostcode)
        }
    }

    @inline(__always)
    private func weight(_ level: ComparisonLevel, swapped: Bool = false, sameAddress: Bool = false) -> Double {
        switch level {
        case .firstExact: swapped ? firstExact.swapped : firstExact.straight
        case .surnameExact: sameAddress ? surnameAtSameAddress : swapped ? surnameExact.swapped : surnameExact.straight
        case .residenceSameHome: sameHome
        case .residencePostcode: samePostcode
        default: weights[level.rawValue]
        }
    }

    private static let strongFirst: Set<ComparisonLevel> = [.firstExact, .firstEquivalent, .firstTypo]

    func compare(_ r: PreparedPerson) -> ComparisonVector {
        let q = query
        var v = ComparisonVector()
        // Residence first: whether the two share an address changes what a shared surname is worth.
        let residence = IdentifierComparison.residence(q, r)
        let sameAddress = residence?.isSameAddress ?? false
        var first = NameComparison.firstName(
            q.first, qMiddles: q.middles, qOthers: q.others,
            r.first, rMiddles: r.middles, rOthers: r.others)?.0
        var surname = NameComparison.surname(q.surname, qOthers: q.others, r.surname, rOthers: r.others)?.0
        var nameWeight = (first.map { weight($0) } ?? 0) + (surname.map { weight($0, sameAddress: sameAddress) } ?? 0)
        // Surname typed in the first-name box and vice versa: try the crossed reading when the straight
        // one is not already a clear agreement.
        if q.first != nil && q.surname != nil
            && !(surname == .surnameExact && first.map(Self.strongFirst.contains) == true)
        {
            let crossedFirst = NameComparison.firstName(
                q.surname, qMiddles: q.middles, qOthers: q.others,
                r.first, rMiddles: r.middles, rOthers: r.others)?.0
            let crossedSurname = NameComparison.surname(q.first, qOthers: q.others, r.surname, rOthers: r.others)?.0
            let crossedWeight =
                (crossedFirst.map { weight($0, swapped: true) } ?? 0)
                + (crossedSurname.map { weight($0, swapped: true, sameAddress: sameAddress) } ?? 0)
                + model.swappedNamesWeight
            if crossedWeight > nameWeight {
                first = crossedFirst
                surname = crossedSurname
                nameWeight = crossedWeight
                v.namesSwapped = true
            }
        }
        v[.firstName] = first
        v[.surname] = surname
        var total = nameWeight
        // With the given names in a different order, compare the ones left after pairing the first name.
        let (qMiddles, rMiddles) =
            first == .firstMiddleOrAlias
            ? NameComparison.remainingGivenNames(v.namesSwapped ? q.surname : q.first, q.middles, r.first, r.middles)
            : (q.middles, r.middles)
        if let level = NameComparison.middleNames(qMiddles, rMiddles) {
            v[.middleNames] = level
            total += weights[level.rawValue]
        }
        if let level = IdentifierComparison.dateOfBirth(q.dob, r.dob) {
            v[.dateOfBirth] = level
            total += weights[level.rawValue]
        }
        if let level = IdentifierComparison.sex(q.sex, r.sex) {
            v[.sex] = level
            total += weights[level.rawValue]
        }
        if let level = IdentifierComparison.nhsNumber(q.nhs, r.nhs) {
            v[.nhsNumber] = level
            total += weights[level.rawValue]
        }
        if let residence {
            v[.residence] = residence
            total += weight(residence)
        }
        v.weight = total
        return v
    }

    /// One reason per field, strongest evidence first; missing fields last with no weight.
    func reasons(_ r: PreparedPerson, _ v: ComparisonVector) -> [MatchReason] {
        let q = query
        var reasons: [MatchReason] = []
        let (qf, qs) = v.namesSwapped ? (q.surname, q.first) : (q.first, q.surname)
        if v.namesSwapped {
            reasons.append(
                MatchReason(field: "names", outcome: "first name and surname swapped", weight: model.swappedNamesWeight)
            )
        }
        for field in MatchField.allCases {
            guard let level = v[field] else {
                reasons.append(MatchReason(field: field.displayName, outcome: "missing", weight: 0))
                continue
            }
            var outcome = level.outcome
            let sameAddress = v[.residence]?.isSameAddress ?? false
            switch field {
            case .firstName:
                outcome =
                    NameComparison.firstName(
                        qf, qMiddles: q.middles, qOthers: q.others, r.first,
                        rMiddles: r.middles, rOthers: r.others, explain: true)?.1 ?? outcome
            case .surname:
                outcome =
                    NameComparison.surname(qs, qOthers: q.others, r.surname, rOthers: r.others, explain: true)?.1
                    ?? (level == .surnameExact && sameAddress ? "exact, but shared by the household" : outcome)
            default: break
            }
            reasons.append(
                MatchReason(
                    field: field.displayName, outcome: outcome,
                    weight: weight(level, swapped: v.namesSwapped, sameAddress: sameAddress)))
        }
        return reasons.sorted { abs($0.weight) > abs($1.weight) }
    }
}
