/// One person as the identity matcher sees them: either a record already in the person index or the
/// person named on a referral. Every field except `id` may be empty, because referrers rarely know everything.
///
/// Names are kept as typed; the matcher normalises case, accents and punctuation itself so that
/// "O'BRIEN" and "O'Brien" compare equal and the practitioner's screen shows what was actually recorded.
public struct PersonRecordForMatching: Sendable, Hashable {
    public var id: String
    public var firstName: String
    /// Space-separated, as most case systems hold them ("Anne Louise").
    public var middleNames: String
    public var lastName: String
    /// Aliases, previous surnames (married or adoptive) and names "also known as".
    public var otherNames: [String]
    public var dateOfBirth: SimpleDate?
    /// A date of birth as typed (YYYY-MM-DD) when it is not a valid `SimpleDate`, such as "9146-08-18" for
    /// 1946-08-18. Used only when `dateOfBirth` is nil: compared digit by digit, so the typo still counts.
    public var dateOfBirthAsEntered: String?
    public var sex: Gender?
    public var nhsNumber: String?
    public var postcode: String?
    public var address: String?

    public init(
        id: String, firstName: String = "", middleNames: String = "", lastName: String = "",
        otherNames: [String] = [], dateOfBirth: SimpleDate? = nil, dateOfBirthAsEntered: String? = nil,
        sex: Gender? = nil,
        nhsNumber: String? = nil, postcode: String? = nil, address: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.middleNames = middleNames
        self.lastName = lastName
        self.otherNames = otherNames
        self.dateOfBirth = dateOfBirth
        self.dateOfBirthAsEntered = dateOfBirthAsEntered
        self.sex = sex
        self.nhsNumber = nhsNumber
        self.postcode = postcode
        self.address = address
    }
}
