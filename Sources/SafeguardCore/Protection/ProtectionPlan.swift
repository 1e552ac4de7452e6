/// What a child's social care status is, as the police and emergency departments need to know it
/// (CP-IS shows the same three).
public enum ProtectionKind: String, CaseIterable, Codable, Sendable {
    /// A child protection plan agreed at an initial child protection conference.
    case childProtectionPlan = "child-protection-plan"
    /// A pre-birth (unborn) child protection plan.
    case unbornPlan = "unborn-plan"
    /// Looked after by the local authority (section 20 or a care order).
    case lookedAfter = "looked-after"

    public var displayName: String {
        switch self {
        case .childProtectionPlan: "Child protection plan"
        case .unbornPlan: "Unborn child protection plan"
        case .lookedAfter: "Looked after child"
        }
    }

    /// The record in running text: "End the child protection plan", "End the looked-after status".
    public var recordName: String {
        switch self {
        case .childProtectionPlan: "child protection plan"
        case .unbornPlan: "unborn child protection plan"
        case .lookedAfter: "looked-after status"
        }
    }

    /// Plans have categories, conferences and reviews; looked-after status has none of them.
    public var isPlan: Bool { self != .lookedAfter }
}

/// The category of a child protection plan. The conference chooses one or more; a review may change it.
public enum ProtectionCategory: String, CaseIterable, Codable, Sendable {
    case physicalAbuse = "physical-abuse"
    case emotionalAbuse = "emotional-abuse"
    case sexualAbuse = "sexual-abuse"
    case neglect

    public var displayName: String {
        switch self {
        case .physicalAbuse: "Physical abuse"
        case .emotionalAbuse: "Emotional abuse"
        case .sexualAbuse: "Sexual abuse"
        case .neglect: "Neglect"
        }
    }

    /// "multiple" when more than one is chosen, as the national returns count it.
    public static func returnCategory(_ chosen: Set<ProtectionCategory>) -> String {
        chosen.count == 1 ? chosen.first!.rawValue : chosen.isEmpty ? "" : "multiple"
    }
}

/// The child protection clocks of Working Together: the initial conference within 15 working days of
/// the strategy discussion that started the section 47 enquiry, the first review within 3 months of
/// the conference, then reviews at most every 6 months.
public enum ChildProtectionClocks {
    public static let firstReviewWithinMonths = 3
    public static let laterReviewsWithinMonths = 6

    public static func initialConferenceDue(
        strategyDiscussion: SimpleDate, calendar: WorkingCalendar
    ) throws(WorkingCalendarError) -> SimpleDate {
        try StrategyDiscussionRules.conferenceDue(heldOn: strategyDiscussion, calendar: calendar)
    }

    /// When the next review conference is due: 3 months after the initial conference, or 6 months after
    /// the last review.
    public static func nextReviewDue(initialConference: SimpleDate, lastReview: SimpleDate?) -> SimpleDate {
        if let lastReview { return lastReview.adding(months: laterReviewsWithinMonths) }
        return initialConference.adding(months: firstReviewWithinMonths)
    }
}

extension SimpleDate {
    /// The same day `months` later, or the month's last day when it is shorter (31 August + 6 months is
    /// 28 or 29 February): a review is never due later than the calendar month allows.
    public func adding(months: Int) -> SimpleDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        return SimpleDate(year: y, month: m, day: min(day, SimpleDate.daysIn(month: m, year: y)))!
    }
}
