/// What a disagreement between agencies is about, for the partnership's counts.
public enum DisagreementTheme: String, CaseIterable, Codable, Sendable {
    case thresholdDecision = "threshold-decision"
    case informationSharing = "information-sharing"
    case planOrClosure = "plan-or-closure"
    case assessment
    case attendance
    case roles = "roles-and-responsibilities"
    case other

    public var displayName: String {
        switch self {
        case .thresholdDecision: "A threshold or referral decision"
        case .informationSharing: "Information sharing"
        case .planOrClosure: "A plan, step-down or closure"
        case .assessment: "An assessment or its findings"
        case .attendance: "Attendance at meetings or conferences"
        case .roles: "Who should do what"
        case .other: "Something else"
        }
    }
}

/// One step of a disagreement: the stage it reached, when, when its time runs out, and what came of it.
public struct DisagreementStep: Codable, Sendable, Equatable {
    public let stage: Int
    public let startedOn: SimpleDate
    public let dueOn: SimpleDate
    public var endedOn: SimpleDate?
    public var outcome: String?
    public var resolved: Bool
    public var recordedBy: String?
}

/// A professional disagreement (escalation) between two agencies about a case: raised by a practitioner, moved
/// up the partnership's ``EscalationLadder`` until it is resolved, each stage's outcome recorded. Decides the
/// clocks, the moves and who may record each stage's outcome.
public struct ProfessionalDisagreement: Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case open, resolved }

    public let ladder: EscalationLadder
    public private(set) var steps: [DisagreementStep]
    public var status: Status { steps.last?.resolved == true ? .resolved : .open }

    public var current: DisagreementStep { steps[steps.count - 1] }
    public var currentStage: EscalationLadder.Stage { ladder.stages[min(current.stage, ladder.stages.count - 1)] }

    /// Opens at the first stage on `day`.
    public init(
        raisedOn day: SimpleDate, ladder: EscalationLadder, calendar: WorkingCalendar
    ) throws(WorkingCalendarError) {
        self.ladder = ladder
        steps = [
            DisagreementStep(
                stage: 0, startedOn: day, dueOn: try calendar.addingWorkingDays(ladder.stages[0].workingDays, to: day),
                endedOn: nil, outcome: nil, resolved: false, recordedBy: nil)
        ]
    }

    public init(steps: [DisagreementStep], ladder: EscalationLadder) {
        self.ladder = ladder
        self.steps = steps
    }

    /// What raising needs: another agency, a case, what the disagreement is about and what would resolve it.
    public static func raiseProblems(
        otherAgencyChosen: Bool, sameAgency: Bool, caseReference: String, theme: DisagreementTheme?,
        summary: String, resolution: String
    ) -> [FieldProblem] {
        var p: [FieldProblem] = []
        if !otherAgencyChosen {
            p.append(FieldProblem(field: "other-agency", message: "Choose the agency you disagree with"))
        } else if sameAgency {
            p.append(
                FieldProblem(
                    field: "other-agency",
                    message: "A disagreement inside your own agency goes to your manager, not here"))
        }
        let ref = caseReference.trimmingCharacters(in: .whitespacesAndNewlines)
        if ref.count < 3 || ref.count > 64 {
            p.append(
                FieldProblem(
                    field: "case-reference",
                    message:
                        "Give the case's reference as both agencies know it: a MASH or record reference, 3 to 64 characters"
                ))
        }
        if theme == nil { p.append(FieldProblem(field: "theme", message: "Choose what the disagreement is about")) }
        if summary.split(whereSeparator: \.isWhitespace).count < 10 {
            p.append(
                FieldProblem(field: "summary", message: "Say what you disagree about and why, in at least 10 words"))
        }
        if resolution.split(whereSeparator: \.isWhitespace).count < 3 {
            p.append(
                FieldProblem(field: "resolution", message: "Say what would resolve it for the child, in a few words"))
        }
        return p
    }

    /// Who may record the current stage's outcome: a case worker in either agency at the practitioner stage; a
    /// manager in either agency at the manager and senior stages (or the business unit at the senior one);
    /// only the business unit, for the chair, at the last.
    public func mayRecordOutcome(role: Role, isParty: Bool) -> Bool {
        guard status == .open else { return false }
        let managers: Set<Role> = [
            .teamManager, .mashManager, .policePublicProtection, .schoolDesignatedSafeguardingLead,
        ]
        switch currentStage.level {
        case .practitioner: return isParty && role.worksCases
        case .manager: return isParty && managers.contains(role)
        case .senior: return (isParty && managers.contains(role)) || role == .businessUnitOfficer
        case .chair: return role == .businessUnitOfficer
        }
    }

    /// Whether it waits on this user's work list: theirs to record now, and at the practitioners' stage only the
    /// raiser's to take forward, not every colleague's in the two agencies.
    public func awaits(role: Role, isParty: Bool, isRaiser: Bool) -> Bool {
        guard mayRecordOutcome(role: role, isParty: isParty) else { return false }
        return currentStage.level != .practitioner || isRaiser
    }

    /// Records the current stage's outcome: resolved ends it; not resolved moves it up a stage with a new clock.
    /// The last stage always resolves it: the chair's decision is final.
    public mutating func recordOutcome(
        _ outcome: String, resolved: Bool, on day: SimpleDate, by name: String,
        calendar: WorkingCalendar
    ) throws(FieldProblem) {
        guard status == .open else { throw FieldProblem(field: "outcome", message: "This disagreement is resolved") }
        let text = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.split(whereSeparator: \.isWhitespace).count >= 5 else {
            throw FieldProblem(
                field: "outcome", message: "Record what was discussed and decided at this stage, in at least 5 words")
        }
        guard day >= current.startedOn else {
            throw FieldProblem(field: "outcome", message: "The outcome cannot be before the stage began")
        }
        let last = current.stage == ladder.stages.count - 1
        var step = current
        step.endedOn = day
        step.outcome = text
        step.resolved = resolved || last
        step.recordedBy = name
        if !step.resolved {
            let next = current.stage + 1
            let due: SimpleDate
            do { due = try calendar.addingWorkingDays(ladder.stages[next].workingDays, to: day) } catch {
                throw FieldProblem(
                    field: "outcome", message: "That day is beyond the bank holiday calendar: update it first")
            }
            steps[steps.count - 1] = step
            steps.append(
                DisagreementStep(
                    stage: next, startedOn: day, dueOn: due, endedOn: nil, outcome: nil, resolved: false,
                    recordedBy: nil))
        } else {
            steps[steps.count - 1] = step
        }
    }

    /// The current stage's clock, for the RAG tag and My work.
    public func standing(today: SimpleDate, calendar: WorkingCalendar) -> SeriousIncidentClock.Standing {
        SeriousIncidentClock.standing(
            due: current.dueOn, doneOn: status == .resolved ? current.endedOn : nil, today: today, calendar: calendar)
    }

    /// The highest stage reached, from 0.
    public var highestStage: Int { steps.map(\.stage).max() ?? 0 }
}

/// The partnership's view across disagreements: how many reached each stage, between which agencies, about what.
public struct DisagreementFigures: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let raisingAgency: String
        public let otherAgency: String
        public let theme: DisagreementTheme
        public let highestStage: Int
        public let resolved: Bool

        public init(
            raisingAgency: String, otherAgency: String, theme: DisagreementTheme, highestStage: Int, resolved: Bool
        ) {
            self.raisingAgency = raisingAgency
            self.otherAgency = otherAgency
            self.theme = theme
            self.highestStage = highestStage
            self.resolved = resolved
        }
    }

    public struct Count: Sendable, Equatable {
        public let label: String
        public let total: Int
        public let resolved: Int
    }

    public let total: Int
    /// By the highest stage reached, in ladder order (every stage listed, zero or not).
    public let byStage: [Count]
    /// By pair of agencies, whichever raised it ("Police and Children's Services"), most first.
    public let byAgencyPair: [Count]
    public let byTheme: [Count]

    public init(_ entries: [Entry], ladder: EscalationLadder) {
        total = entries.count
        func count(_ label: String, _ of: [Entry]) -> Count {
            Count(label: label, total: of.count, resolved: of.filter(\.resolved).count)
        }
        byStage = ladder.stages.enumerated().map { i, s in count(s.name, entries.filter { $0.highestStage == i }) }
        let pairs = Dictionary(grouping: entries) { e in
            [e.raisingAgency, e.otherAgency].sorted().joined(separator: " and ")
        }
        byAgencyPair = pairs.map { count($0.key, $0.value) }.sorted { ($0.total, $1.label) > ($1.total, $0.label) }
        byTheme = DisagreementTheme.allCases.compactMap { t in
            let of = entries.filter { $0.theme == t }
            return of.isEmpty ? nil : count(t.displayName, of)
        }.sorted { $0.total > $1.total }
    }

    public var csvLines: [[String]] {
        [["Measure", "Group", "Disagreements", "Resolved"]]
            + byStage.map { ["Highest stage reached", $0.label, String($0.total), String($0.resolved)] }
            + byAgencyPair.map { ["Agencies", $0.label, String($0.total), String($0.resolved)] }
            + byTheme.map { ["Theme", $0.label, String($0.total), String($0.resolved)] }
    }
}
