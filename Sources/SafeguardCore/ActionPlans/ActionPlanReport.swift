/// One line of the composite plan: an action with what it answers, who owns it and where it stands.
public struct ActionPlanEntry: Sendable, Equatable {
    public var id: String
    public var source: String
    public var sourceReference: String
    public var recommendation: String
    public var recommendationStatus: RecommendationStatus
    public var agency: String
    public var owner: String
    public var action: PlanAction

    public init(
        id: String, source: String, sourceReference: String, recommendation: String,
        recommendationStatus: RecommendationStatus,
        agency: String, owner: String, action: PlanAction
    ) {
        self.id = id
        self.source = source
        self.sourceReference = sourceReference
        self.recommendation = recommendation
        self.recommendationStatus = recommendationStatus
        self.agency = agency
        self.owner = owner
        self.action = action
    }
}

/// The composite plan's filters: agency, review, status and overdue, each optional.
public struct ActionPlanFilter: Sendable, Equatable {
    public var agency: String?
    public var source: String?
    public var status: ActionStatus?
    public var overdueOnly = false

    public init(agency: String? = nil, source: String? = nil, status: ActionStatus? = nil, overdueOnly: Bool = false) {
        self.agency = agency
        self.source = source
        self.status = status
        self.overdueOnly = overdueOnly
    }

    public func includes(_ e: ActionPlanEntry, today: SimpleDate) -> Bool {
        (agency.map { $0 == e.agency } ?? true) && (source.map { $0 == e.sourceReference } ?? true)
            && (status.map { $0 == e.action.status } ?? true) && (!overdueOnly || e.action.isOverdue(today: today))
    }
}

public enum ActionPlanReport {
    /// The plan as CSV: what a board paper or an agency's own tracker takes.
    public static func csvLines(
        _ entries: [ActionPlanEntry], today: SimpleDate, calendar: WorkingCalendar
    ) -> [[String]] {
        [
            [
                "Source", "Recommendation", "Recommendation status", "Action", "Agency", "Owner", "Due", "Status",
                "RAG", "Overdue", "Impact measure",
                "Evidence items", "Impact achieved", "Signed off",
            ]
        ]
            + entries.map { e in
                let a = e.action
                return [
                    e.source, e.recommendation, e.recommendationStatus.displayName, a.description, e.agency, e.owner,
                    a.dueOn.iso, a.status.displayName,
                    a.rag(today: today, calendar: calendar)?.label ?? "", a.isOverdue(today: today) ? "yes" : "no",
                    a.impactMeasure,
                    String(a.evidence.count), a.impactAchieved,
                    a.signedOffOn.map { "\($0.iso) by \(a.signedOffBy ?? "")" } ?? "",
                ]
            }
    }

    /// Counts by status, for the plan's summary line: "12 actions: 3 overdue, 2 awaiting sign-off, 4 signed off".
    public static func summary(_ entries: [ActionPlanEntry], today: SimpleDate) -> String {
        let overdue = entries.filter { $0.action.isOverdue(today: today) }.count
        let awaiting = entries.filter { $0.action.status == .completed }.count
        let done = entries.filter { $0.action.status == .signedOff }.count
        return
            "\(entries.count) action\(entries.count == 1 ? "" : "s"): \(overdue) overdue, \(awaiting) awaiting sign-off, \(done) signed off"
    }
}
