/// Every outcome a field comparison can have, in the Fellegi–Sunter sense: for each level the model holds
/// m = P(level | same person) and u = P(level | different people). A missing value on either side has no
/// level at all, so it contributes nothing rather than counting against the candidate.
///
/// Levels within a field are ordered from strongest agreement to disagreement; a comparison takes the
/// first level that applies.
public enum ComparisonLevel: Int, CaseIterable, Sendable {
    case firstExact, firstEquivalent, firstTypo, firstMiddleOrAlias, firstSimilar, firstInitial, firstDisagrees
    case surnameExact, surnameTypo, surnamePrevious, surnameSimilar, surnameDisagrees
    case middleExact, middleConsistent, middleDisagrees
    case dobExact, dobDayMonthSwapped, dobTransposed, dobOneOff, dobSameYear, dobDisagrees
    case sexAgrees, sexDisagrees
    case nhsExact, nhsNear, nhsDisagrees
    case residenceSameHome, residencePostcode, residenceNearPostcodeSameAddress, residenceSameAddress,
        residenceNearPostcode, residenceDistrict, residenceDisagrees

    public var field: MatchField {
        switch self {
        case .firstExact, .firstEquivalent, .firstTypo, .firstMiddleOrAlias, .firstSimilar, .firstInitial,
            .firstDisagrees:
            .firstName
        case .surnameExact, .surnameTypo, .surnamePrevious, .surnameSimilar, .surnameDisagrees: .surname
        case .middleExact, .middleConsistent, .middleDisagrees: .middleNames
        case .dobExact, .dobDayMonthSwapped, .dobTransposed, .dobOneOff, .dobSameYear, .dobDisagrees: .dateOfBirth
        case .sexAgrees, .sexDisagrees: .sex
        case .nhsExact, .nhsNear, .nhsDisagrees: .nhsNumber
        default: .residence
        }
    }

    /// The outcome in words; comparisons may add detail such as which nickname was recognised.
    public var outcome: String {
        switch self {
        case .firstExact, .surnameExact, .middleExact, .dobExact, .nhsExact: "exact"
        case .firstEquivalent: "nickname or other spelling"
        case .firstTypo, .surnameTypo: "1 letter different"
        case .firstMiddleOrAlias: "matches a middle or other name"
        case .firstSimilar, .surnameSimilar: "similar spelling"
        case .firstInitial: "initial only"
        case .surnamePrevious: "matches a previous or other surname"
        case .middleConsistent: "consistent (initials or one name shared)"
        case .dobDayMonthSwapped: "day and month swapped"
        case .dobTransposed: "2 digits transposed"
        case .dobOneOff: "1 digit or 1 day different"
        case .dobSameYear: "same year only"
        case .sexAgrees: "agrees"
        case .nhsNear: "1 digit different or 2 transposed"
        case .residenceSameHome: "same postcode and address"
        case .residencePostcode: "same postcode, address differs or missing"
        case .residenceNearPostcodeSameAddress: "same address, postcode 1 character different"
        case .residenceSameAddress: "same address, postcode differs or missing"
        case .residenceNearPostcode: "postcode 1 character different"
        case .residenceDistrict: "same postcode district only"
        case .firstDisagrees, .surnameDisagrees, .middleDisagrees, .dobDisagrees, .sexDisagrees, .nhsDisagrees,
            .residenceDisagrees:
            "disagrees"
        }
    }

    /// Levels whose u-probability depends on the value itself (a shared "Smith" is weaker evidence than a
    /// shared "Przybylski"); the matcher replaces the model's average u with the value's frequency in the index.
    var usesTermFrequency: Bool {
        self == .firstExact || self == .surnameExact || self == .residenceSameHome || self == .residencePostcode
    }

    /// Residence levels meaning the two records give the same address (any postcode agreement aside).
    var isSameAddress: Bool {
        self == .residenceSameHome || self == .residenceNearPostcodeSameAddress || self == .residenceSameAddress
    }

    /// All levels of one field, strongest first.
    static func levels(of field: MatchField) -> [ComparisonLevel] {
        allCases.filter { $0.field == field }
    }
}
