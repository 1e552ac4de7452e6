import Foundation

/// One agency's summary of its involvement with the child or adult a review is about (Working Together 2023:
/// "day 1 agency templates sent, days 2–10 agency summaries"; for a SAR, the information the panel gathers).
/// The business unit asks one named contributor in each agency; the contributor drafts, then sends it; the
/// business unit may chase it when it is late, or return a sent summary saying what more it needs.
public struct AgencySummary: Sendable, Equatable {
    public enum Stage: String, CaseIterable, Codable, Sendable {
        /// Asked for; nothing written yet.
        case requested
        /// The contributor has saved a draft the business unit cannot yet read.
        case drafted
        /// Sent to the business unit: the review reads it.
        case submitted
        /// Sent back with what more is needed; the contributor edits and sends it again.
        case returned

        public var displayName: String {
            switch self {
            case .requested: "Requested"
            case .drafted: "Being written"
            case .submitted: "Received"
            case .returned: "Returned for more"
            }
        }
    }

    /// The shortest account of an agency's involvement worth sending; "Not known to us" is a whole answer.
    public static let involvementMinimum = 10
    public static let maximumLength = 20_000

    public var requestedOn: SimpleDate
    public var due: SimpleDate
    /// What the business unit asks this agency to cover (a period, a question); may be empty.
    public var ask: String
    public private(set) var stage: Stage = .requested
    public private(set) var involvement = ""
    /// The agency's dated events as the contributor typed them, one a line (``AgencySummaryChronology``).
    public private(set) var chronologyText = ""
    /// What the agency reflects went well, and what might have been done differently.
    public private(set) var analysis = ""
    public private(set) var submittedOn: SimpleDate?
    public private(set) var returnNote = ""
    public private(set) var chasedOn: [SimpleDate] = []

    public init(requestedOn: SimpleDate, due: SimpleDate, ask: String) {
        self.requestedOn = requestedOn
        self.due = due
        self.ask = ask
    }

    /// As stored: every field, with no rule re-run.
    public static func stored(
        requestedOn: SimpleDate, due: SimpleDate, ask: String, stage: Stage, involvement: String,
        chronologyText: String,
        analysis: String, submittedOn: SimpleDate?, returnNote: String, chasedOn: [SimpleDate]
    ) -> AgencySummary {
        var s = AgencySummary(requestedOn: requestedOn, due: due, ask: ask)
        s.stage = stage
        s.involvement = involvement
        s.chronologyText = chronologyText
        s.analysis = analysis
        s.submittedOn = submittedOn
        s.returnNote = returnNote
        s.chasedOn = chasedOn
        return s
    }

    /// The contributor may write while it is theirs: not once it has been sent and not returned.
    public var mayWrite: Bool { stage != .submitted }

    /// The due date for a summary asked for on `requestedOn`: `workingDays` later, never after the review's own
    /// due date (a rapid review's day 15 leaves no room for a summary that comes after it), never before the
    /// next working day.
    public static func due(
        requestedOn: SimpleDate, workingDays: Int, reviewDue: SimpleDate?, calendar: WorkingCalendar
    ) throws(WorkingCalendarError) -> SimpleDate {
        let planned = try calendar.addingWorkingDays(workingDays, to: requestedOn)
        guard let reviewDue, reviewDue < planned else { return planned }
        let earliest = try calendar.addingWorkingDays(1, to: requestedOn)
        return max(reviewDue, earliest)
    }

    /// Saves what is typed as a draft; it is checked for length and dated lines, not for completeness.
    public mutating func saveDraft(involvement: String, chronology: String, analysis: String) throws(FieldProblem) {
        guard mayWrite else {
            throw FieldProblem(
                field: "involvement",
                message: "This summary has been sent; the business unit can return it if more is needed")
        }
        try Self.checkLengths(involvement: involvement, chronology: chronology, analysis: analysis)
        if case .failure(let problem) = AgencySummaryChronology.parse(chronology) { throw problem }
        self.involvement = involvement
        self.chronologyText = chronology
        self.analysis = analysis
        if stage == .requested { stage = .drafted }
    }

    /// Sends the summary to the business unit: the account of involvement is needed; the chronology's lines must
    /// each start with a date; the reflection is needed when the agency was involved at all.
    public mutating func submit(
        involvement: String, chronology: String, analysis: String, on day: SimpleDate
    ) throws(FieldProblem) {
        guard mayWrite else { throw FieldProblem(field: "involvement", message: "This summary has already been sent") }
        try Self.checkLengths(involvement: involvement, chronology: chronology, analysis: analysis)
        guard involvement.count >= Self.involvementMinimum else {
            throw FieldProblem(
                field: "involvement",
                message:
                    "Say what your agency's involvement was, or \"Not known to us\" (at least \(Self.involvementMinimum) characters)"
            )
        }
        let lines: [AgencySummaryChronology.Line]
        switch AgencySummaryChronology.parse(chronology) {
        case .failure(let problem): throw problem
        case .success(let parsed): lines = parsed
        }
        if !lines.isEmpty && analysis.count < Self.involvementMinimum {
            throw FieldProblem(
                field: "analysis",
                message:
                    "Say what went well and what might have been done differently (at least \(Self.involvementMinimum) characters)"
            )
        }
        self.involvement = involvement
        self.chronologyText = chronology
        self.analysis = analysis
        stage = .submitted
        submittedOn = day
    }

    /// The business unit sends a received summary back, saying what more it needs.
    public mutating func returnForMore(note: String) throws(FieldProblem) {
        guard stage == .submitted else {
            throw FieldProblem(field: "return-note", message: "Only a summary the agency has sent can be returned")
        }
        guard note.count >= 10 else {
            throw FieldProblem(field: "return-note", message: "Say what more the review needs (at least 10 characters)")
        }
        guard note.count <= 2_000 else {
            throw FieldProblem(field: "return-note", message: "Keep it to 2,000 characters or fewer")
        }
        returnNote = note
        stage = .returned
        submittedOn = nil
    }

    /// The business unit chases a summary not yet sent once it is due; once a working day at most, so a
    /// double click or a second officer does not send the contributor two reminders.
    public mutating func chase(on today: SimpleDate) throws(FieldProblem) {
        if let problem = chaseProblem(on: today) { throw problem }
        chasedOn.append(today)
    }

    /// Whether the business unit may chase it `today`: the pages offer the button exactly when ``chase(on:)`` would take it.
    public func mayChase(on today: SimpleDate) -> Bool { chaseProblem(on: today) == nil }

    private func chaseProblem(on today: SimpleDate) -> FieldProblem? {
        guard mayWrite else {
            return FieldProblem(field: "chase", message: "This summary has been received; there is nothing to chase")
        }
        guard today >= due else { return FieldProblem(field: "chase", message: "It is not due until \(due.longText)") }
        guard chasedOn.last != today else {
            return FieldProblem(field: "chase", message: "It was already chased today")
        }
        return nil
    }

    /// Its clock on `today`: done once sent, otherwise days left or late.
    public func standing(today: SimpleDate, calendar: WorkingCalendar) -> SeriousIncidentClock.Standing {
        SeriousIncidentClock.standing(due: due, doneOn: submittedOn, today: today, calendar: calendar)
    }

    /// The parsed chronology of a summary, for the review's merged chronology.
    public var chronology: [AgencySummaryChronology.Line] {
        (try? AgencySummaryChronology.parse(chronologyText).get()) ?? []
    }

    private static func checkLengths(involvement: String, chronology: String, analysis: String) throws(FieldProblem) {
        for (field, text) in [("involvement", involvement), ("chronology", chronology), ("analysis", analysis)]
        where text.count > maximumLength {
            throw FieldProblem(field: field, message: "Keep this to 20,000 characters or fewer")
        }
    }

    /// Who may be named to write an agency's summary: someone who works cases in that agency.
    public static func mayContribute(role: Role) -> Bool { role.worksCases }

    /// The business unit passes a summary not yet sent to someone else in the same agency (the contributor is away,
    /// or has left); what they drafted goes with it. A sent summary is returned first.
    public func checkPassing(
        to newContributor: String?, from current: String, inSameAgency: Bool, role: Role?
    ) throws(FieldProblem) {
        guard stage != .submitted else {
            throw FieldProblem(
                field: "contributor",
                message: "This summary has been sent: return it first if someone else should change it")
        }
        guard let newContributor, !newContributor.isEmpty else {
            throw FieldProblem(field: "contributor", message: "Choose who writes it now")
        }
        guard newContributor != current else {
            throw FieldProblem(field: "contributor", message: "Choose someone other than the person asked now")
        }
        guard inSameAgency, let role, Self.mayContribute(role: role) else {
            throw FieldProblem(field: "contributor", message: "Choose someone in the same agency who works cases")
        }
    }
}

/// The business unit's choice of contributors, one per agency, from a form of checkboxes.
public enum AgencySummaryRequests {
    public struct Contributor: Sendable, Equatable {
        public var userID: String
        public var agencyID: String
        public var agencyName: String

        public init(userID: String, agencyID: String, agencyName: String) {
            self.userID = userID
            self.agencyID = agencyID
            self.agencyName = agencyName
        }
    }

    /// What the business unit may ask every agency to cover: optional, and short enough to read.
    public static func askProblem(_ ask: String) -> FieldProblem? {
        ask.count > 2_000 ? FieldProblem(field: "ask", message: "Keep what you ask to 2,000 characters or fewer") : nil
    }

    /// The contributors chosen, checked: at least one, one per agency, none from an agency already asked.
    public static func choose(
        _ chosen: [String], from offered: [Contributor], alreadyAsked: Set<String>
    ) throws(FieldProblem) -> [Contributor] {
        let picked = offered.filter { chosen.contains($0.userID) }
        guard !picked.isEmpty, picked.count == Set(chosen).count else {
            throw FieldProblem(field: "contributors", message: "Choose who writes each agency's summary")
        }
        var seen: Set<String> = []
        for c in picked {
            if alreadyAsked.contains(c.agencyID) {
                throw FieldProblem(
                    field: "contributors", message: "\(c.agencyName) has already been asked for its summary")
            }
            guard seen.insert(c.agencyID).inserted else {
                throw FieldProblem(
                    field: "contributors",
                    message: "Choose one contributor for \(c.agencyName): each agency writes one summary")
            }
        }
        return picked
    }
}
