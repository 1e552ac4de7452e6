/// What a strategy discussion must have. Working Together asks for social care, police and
/// health at least; a discussion without one of them is recorded but flagged, because the
/// missing agency's knowledge is exactly what reviews later find was not shared.
public enum StrategyDiscussionRules {
    public enum StatutoryPartner: String, CaseIterable, Sendable {
        case socialCare = "social care", police, health

        func isMet(by kind: AgencyKind) -> Bool {
            switch self {
            case .socialCare: kind == .childrensSocialCare || kind == .adultSocialCare
            case .police: kind == .police
            case .health: [.acuteTrust, .communityTrust, .mentalHealthTrust, .integratedCareBoard].contains(kind)
            }
        }
    }

    /// The statutory partners not among the attending agencies' kinds.
    public static func missingPartners(attending: [AgencyKind]) -> [StatutoryPartner] {
        StatutoryPartner.allCases.filter { partner in !attending.contains(where: partner.isMet(by:)) }
    }

    /// The initial child protection conference falls within 15 working days of the strategy
    /// discussion that started the section 47 enquiry.
    public static let conferenceWithinWorkingDays = 15

    public static func conferenceDue(
        heldOn: SimpleDate, calendar: WorkingCalendar
    ) throws(WorkingCalendarError) -> SimpleDate {
        try calendar.addingWorkingDays(conferenceWithinWorkingDays, to: heldOn)
    }
}
