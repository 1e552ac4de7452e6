/// What the MASH decides to do about a referral.
public enum ReferralOutcome: String, CaseIterable, Codable, Sendable {
    case noFurtherAction = "no-further-action"
    case earlyHelp = "early-help"
    case childInNeedAssessment = "child-in-need-assessment"
    case strategyDiscussion = "strategy-discussion"
    case adultSection42Enquiry = "adult-section-42"
    case policeInvestigation = "police-investigation"
    case referToAnotherPartnership = "refer-to-another-partnership"

    public var displayName: String {
        switch self {
        case .noFurtherAction: "No further action: universal services"
        case .earlyHelp: "Early help"
        case .childInNeedAssessment: "Child in need assessment (section 17)"
        case .strategyDiscussion: "Strategy discussion (section 47)"
        case .adultSection42Enquiry: "Adult safeguarding enquiry (section 42)"
        case .policeInvestigation: "Police investigation"
        case .referToAnotherPartnership: "Refer to another partnership"
        }
    }

    /// Sections 17 and 47 of the Children Act 1989 concern children; section 42 of the Care
    /// Act concerns adults. The others fit either.
    public func fits(_ category: PersonCategory) -> Bool {
        switch self {
        case .childInNeedAssessment, .strategyDiscussion: category != .adult
        case .adultSection42Enquiry: category == .adult
        default: true
        }
    }
}
