import Foundation

public enum ActionStatus: String, CaseIterable, Codable, Sendable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    /// The owner says it is done, with evidence; the case review sub-group has still to sign it off.
    case completed
    case signedOff = "signed-off"

    public var displayName: String {
        switch self {
        case .notStarted: "Not started"
        case .onTrack: "On track"
        case .atRisk: "At risk"
        case .completed: "Completed: awaiting sign-off"
        case .signedOff: "Signed off"
        }
    }

    /// What the owner may set while the action is under way.
    public static let progress: [ActionStatus] = [.notStarted, .onTrack, .atRisk]
}

/// Something an agency does toward the evidence, with when and by whom.
public struct ActionEvidence: Codable, Sendable, Equatable {
    public let text: String
    public let addedOn: SimpleDate
    public let addedBy: String
    /// Stored file ids attached with this piece of evidence.
    public var files: [String]

    public init(text: String, addedOn: SimpleDate, addedBy: String, files: [String] = []) {
        self.text = text
        self.addedOn = addedOn
        self.addedBy = addedBy
        self.files = files
    }
}

/// One SMART action on a recommendation: one owning agency and person, a due date, the impact it should have
/// (planned from the start), evidence, and sign-off by the case review sub-group. Decides its RAG, its moves
/// and who may make them.
public struct PlanAction: Sendable, Equatable {
    public var description: String
    public var impactMeasure: String
    public var dueOn: SimpleDate
    public private(set) var status: ActionStatus
    public private(set) var progressNote: String
    public private(set) var evidence: [ActionEvidence]
    public private(set) var impactAchieved: String
    public private(set) var completedOn: SimpleDate?
    public private(set) var signedOffOn: SimpleDate?
    public private(set) var signedOffBy: String?
    public private(set) var returnedNote: String

    public init(
        description: String, impactMeasure: String, dueOn: SimpleDate, status: ActionStatus = .notStarted,
        progressNote: String = "",
        evidence: [ActionEvidence] = [], impactAchieved: String = "", completedOn: SimpleDate? = nil,
        signedOffOn: SimpleDate? = nil,
        signedOffBy: String? = nil, returnedNote: String = ""
    ) {
        self.description = description
        self.impactMeasure = impactMeasure
        self.dueOn = dueOn
        self.status = status
        self.progressNote = progressNote
        self.evidence = evidence
        self.impactAchieved = impactAchieved
        self.completedOn = completedOn
        self.signedOffOn = signedOffOn
        self.signedOffBy = signedOffBy
        self.returnedNote = returnedNote
    }

    /// SMART from the start: what will be done, how its impact will be seen, an owner, and a due date not yet past.
    public static func problems(
        description: String, impactMeasure: String, ownerChosen: Bool, dueOn: SimpleDate?, today: SimpleDate
    ) -> [FieldProblem] {
        var p: [FieldProblem] = []
        if description.split(whereSeparator: \.isWhitespace).count < 5 {
            p.append(FieldProblem(field: "description", message: "Say what will be done, in at least 5 words"))
        }
        if impactMeasure.split(whereSeparator: \.isWhitespace).count < 5 {
            p.append(
                FieldProblem(
                    field: "impact",
                    message:
                        "Say how the impact will be measured, in at least 5 words: plan the evidence from the start"))
        }
        if !ownerChosen { p.append(FieldProblem(field: "owner", message: "Choose the person who owns the action")) }
        if let dueOn {
            if dueOn < today { p.append(FieldProblem(field: "due-day", message: "The due date cannot be in the past")) }
        } else {
            p.append(
                FieldProblem(field: "due-day", message: "Enter the due date as day, month and year, like 31 3 2027"))
        }
        return p
    }

    public var isFinished: Bool { status == .completed || status == .signedOff }
    public func isOverdue(today: SimpleDate) -> Bool { !isFinished && today > dueOn }

    /// Red when overdue; amber when at risk, or not started with 10 working days or fewer left; green otherwise.
    /// A completed action awaiting sign-off is green; a signed-off one is not rated.
    public func rag(today: SimpleDate, calendar: WorkingCalendar) -> RAGRating? {
        switch status {
        case .signedOff: return nil
        case .completed: return .green
        default:
            if isOverdue(today: today) { return .red }
            if status == .atRisk { return .amber }
            if status == .notStarted && calendar.workingDays(from: today, to: dueOn) <= 10 { return .amber }
            return .green
        }
    }

    public mutating func updateProgress(_ new: ActionStatus, note: String) throws(FieldProblem) {
        guard !isFinished else {
            throw FieldProblem(
                field: "status", message: "This action is \(status == .signedOff ? "signed off" : "awaiting sign-off")")
        }
        guard ActionStatus.progress.contains(new) else {
            throw FieldProblem(field: "status", message: "Choose not started, on track or at risk")
        }
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if new == .atRisk && n.count < 10 {
            throw FieldProblem(field: "note", message: "Say what puts it at risk, in at least 10 characters")
        }
        status = new
        progressNote = n
    }

    public mutating func addEvidence(
        _ text: String, on day: SimpleDate, by name: String, files: [String] = []
    ) throws(FieldProblem) {
        guard status != .signedOff else { throw FieldProblem(field: "evidence", message: "This action is signed off") }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.count >= 10 else {
            throw FieldProblem(
                field: "evidence", message: "Describe the evidence in at least 10 characters, with or without a file")
        }
        evidence.append(ActionEvidence(text: t, addedOn: day, addedBy: name, files: files))
    }

    /// The owner says it is done: there must be evidence, and a word on the impact against the planned measure.
    public mutating func complete(on day: SimpleDate, impactAchieved impact: String) throws(FieldProblem) {
        guard !isFinished else {
            throw FieldProblem(field: "impact-achieved", message: "This action is already completed")
        }
        guard !evidence.isEmpty else {
            throw FieldProblem(field: "impact-achieved", message: "Add evidence before marking the action completed")
        }
        let i = impact.trimmingCharacters(in: .whitespacesAndNewlines)
        guard i.count >= 10 else {
            throw FieldProblem(
                field: "impact-achieved",
                message: "Say what impact it has had against the measure, in at least 10 characters")
        }
        status = .completed
        completedOn = day
        impactAchieved = i
        returnedNote = ""
    }

    public mutating func signOff(on day: SimpleDate, by name: String) throws(FieldProblem) {
        guard status == .completed else {
            throw FieldProblem(field: "sign-off", message: "Only a completed action can be signed off")
        }
        status = .signedOff
        signedOffOn = day
        signedOffBy = name
    }

    /// The sub-group is not satisfied: back to the owner, on track, with what more is needed.
    public mutating func returnToOwner(_ note: String) throws(FieldProblem) {
        guard status == .completed else {
            throw FieldProblem(field: "return-note", message: "Only a completed action can be returned")
        }
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard n.count >= 10 else {
            throw FieldProblem(field: "return-note", message: "Say what more is needed, in at least 10 characters")
        }
        status = .onTrack
        completedOn = nil
        returnedNote = n
    }

    /// Progress and evidence are the owner's (or the business unit's, keeping the plan up to date); sign-off is
    /// the case review sub-group's, never the owner's own.
    public static func mayUpdate(isOwner: Bool, role: Role) -> Bool { isOwner || role == .businessUnitOfficer }
    public static func maySignOff(memberships: Set<ReviewGroup>, isOwner: Bool) -> Bool {
        memberships.contains(.caseReviewSubGroup) && !isOwner
    }
}

/// Which actions a viewer's composite plan shows: everything for those who oversee the plan, their own
/// agency's for everyone else.
public enum ActionPlanScope: Equatable, Sendable {
    case all
    case agency

    public static func of(role: Role, memberships: Set<ReviewGroup>) -> ActionPlanScope {
        if [.businessUnitOfficer, .boardMember, .auditor, .partnershipAdmin].contains(role) { return .all }
        return memberships.isDisjoint(with: ReviewGroup.childReviewers) ? .agency : .all
    }
}
