/// The kinds of organisation that make up a safeguarding partnership (DOMAIN.md, "Who works together").
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    case police
    case childrensSocialCare = "childrens-social-care"
    case adultSocialCare = "adult-social-care"
    case acuteTrust = "nhs-acute-trust"
    case communityTrust = "nhs-community-trust"
    case mentalHealthTrust = "nhs-mental-health-trust"
    case integratedCareBoard = "icb"
    case school
    case probation
    case districtCouncil = "district-council"
    case housing
    case fireAndRescue = "fire-and-rescue"
    case youthJustice = "youth-justice"
    case voluntarySector = "voluntary-sector"

    public var displayName: String {
        switch self {
        case .police: "Police"
        case .childrensSocialCare: "Children's social care"
        case .adultSocialCare: "Adult social care"
        case .acuteTrust: "NHS acute trust"
        case .communityTrust: "NHS community trust"
        case .mentalHealthTrust: "NHS mental health trust"
        case .integratedCareBoard: "Integrated Care Board"
        case .school: "School or college"
        case .probation: "Probation"
        case .districtCouncil: "District or borough council"
        case .housing: "Housing"
        case .fireAndRescue: "Fire and rescue"
        case .youthJustice: "Youth justice"
        case .voluntarySector: "Voluntary sector"
        }
    }

    /// The three statutory safeguarding partners share equal duty.
    public var isStatutoryPartner: Bool {
        self == .police || self == .integratedCareBoard || self == .childrensSocialCare || self == .adultSocialCare
    }
}
