/// The fields the matcher compares. Postcode and address are one field (`residence`) because they move
/// together: counting both as independent evidence would double-count every household.
public enum MatchField: Int, CaseIterable, Sendable {
    case firstName, surname, middleNames, dateOfBirth, sex, nhsNumber, residence

    /// How the field is named in reasons shown to practitioners.
    public var displayName: String {
        switch self {
        case .firstName: "first name"
        case .surname: "surname"
        case .middleNames: "middle names"
        case .dateOfBirth: "date of birth"
        case .sex: "sex"
        case .nhsNumber: "NHS number"
        case .residence: "postcode and address"
        }
    }
}
