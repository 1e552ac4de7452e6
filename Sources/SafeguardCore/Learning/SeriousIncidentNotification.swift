import Foundation

public enum SeriousIncidentReason: String, CaseIterable, Codable, Sendable {
    case death
    case seriousHarm = "serious-harm"

    public var displayName: String {
        switch self {
        case .death: "The child has died"
        case .seriousHarm: "The child has been seriously harmed"
        }
    }
}

public enum PoliceInvestigation: String, CaseIterable, Codable, Sendable {
    case yes, no
    case notKnown = "not-known"

    public var displayName: String {
        switch self {
        case .yes: "Yes"
        case .no: "No"
        case .notKnown: "Not known yet"
        }
    }
}

/// The child's legal status the notification asks for, read from the platform's protection records.
public enum ChildLegalStatus: String, CaseIterable, Codable, Sendable {
    case childInNeed = "child-in-need"
    case childProtectionPlan = "child-protection-plan"
    case lookedAfter = "looked-after"

    public var displayName: String {
        switch self {
        case .childInNeed: "Child in need"
        case .childProtectionPlan: "Child protection plan"
        case .lookedAfter: "Looked after"
        }
    }
}

extension ChildLegalStatus {
    /// From the platform's records: an open plan (unborn included), looked-after status, and a MASH decision
    /// for a child in need assessment that was signed off.
    public static func from(openProtections: [ProtectionKind], childInNeedDecision: Bool) -> [ChildLegalStatus] {
        var status: [ChildLegalStatus] = []
        if childInNeedDecision { status.append(.childInNeed) }
        if openProtections.contains(.childProtectionPlan) || openProtections.contains(.unbornPlan) {
            status.append(.childProtectionPlan)
        }
        if openProtections.contains(.lookedAfter) { status.append(.lookedAfter) }
        return status
    }
}

public enum SeriousIncidentStatus: String, CaseIterable, Codable, Sendable {
    /// A case worker has told the business unit; the notification is being completed.
    case raised
    /// The national panel has been told; the rapid review's clock is running.
    case notified
    /// The business unit found it does not meet the criteria, and said why.
    case notNotifiable = "not-notifiable"

    public var displayName: String {
        switch self {
        case .raised: "Raised: notification being completed"
        case .notified: "National panel notified"
        case .notNotifiable: "Not notifiable"
        }
    }
}

/// What the platform already held about the person when a notification or referral was raised: the
/// notification's "about the child" part (or a SAR referral's about the adult), so nobody types again what the
/// records say. Legal status is a child's; it is empty for an adult.
public struct PersonSnapshot: Codable, Sendable, Equatable {
    public var name: String
    public var otherNames: [String]
    public var dateOfBirth: SimpleDate?
    public var gender: String
    public var ethnicity: String
    public var disability: String?
    public var address: String?
    public var legalStatus: [ChildLegalStatus]
    public var agencies: [String]
    public var openReferrals: [String]
    public var plans: [String]

    public init(
        name: String, otherNames: [String] = [], dateOfBirth: SimpleDate?, gender: String, ethnicity: String,
        disability: String?,
        address: String?, legalStatus: [ChildLegalStatus], agencies: [String], openReferrals: [String], plans: [String]
    ) {
        self.name = name
        self.otherNames = otherNames
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.disability = disability
        self.address = address
        self.legalStatus = legalStatus
        self.agencies = agencies
        self.openReferrals = openReferrals
        self.plans = plans
    }
}

/// A serious incident notification (Children Act 2004 s16C): raised by any case worker about a child who
/// died or was seriously harmed where abuse or neglect is known or suspected, completed by the business unit,
/// and sent to the national Child Safeguarding Practice Review Panel within 5 working days of the local
/// authority becoming aware. Decides what raising needs, when it is complete, and its moves.
public struct SeriousIncidentNotification: Sendable, Equatable {
    public var child: PersonSnapshot
    public var reason: SeriousIncidentReason
    public var incidentOn: SimpleDate
    public var whatHappened: String
    // Completed by the business unit.
    public var place: String = ""
    public var policeInvestigation: PoliceInvestigation?
    public var policeDetails: String = ""
    public var linkedCases: String = ""
    public var awareOn: SimpleDate?
    public private(set) var status: SeriousIncidentStatus = .raised
    public private(set) var notifiedOn: SimpleDate?
    public private(set) var lateReason: String = ""
    public private(set) var notNotifiableReason: String = ""

    public init(child: PersonSnapshot, reason: SeriousIncidentReason, incidentOn: SimpleDate, whatHappened: String) {
        self.child = child
        self.reason = reason
        self.incidentOn = incidentOn
        self.whatHappened = whatHappened
    }

    /// Restores a stored notification as it was.
    public static func stored(
        _ base: SeriousIncidentNotification, status: SeriousIncidentStatus, notifiedOn: SimpleDate?, lateReason: String,
        notNotifiableReason: String
    ) -> SeriousIncidentNotification {
        var n = base
        n.status = status
        n.notifiedOn = notifiedOn
        n.lateReason = lateReason
        n.notNotifiableReason = notNotifiableReason
        return n
    }

    /// What raising needs: a reason, the day it happened (not in the future, not before the child was born),
    /// what happened, that abuse or neglect is known or suspected, and a child, not an adult.
    public static func raiseProblems(
        reason: SeriousIncidentReason?, incidentOn: SimpleDate?, whatHappened: String, abuseOrNeglect: Bool,
        dateOfBirth: SimpleDate?, today: SimpleDate
    ) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if reason == nil {
            problems.append(
                FieldProblem(field: "reason", message: "Say whether the child died or was seriously harmed"))
        }
        if let day = incidentOn {
            if day > today {
                problems.append(
                    FieldProblem(field: "incident-day", message: "The day it happened cannot be in the future"))
            } else if let born = dateOfBirth, day < born {
                problems.append(
                    FieldProblem(field: "incident-day", message: "The day it happened is before the child was born"))
            } else if let born = dateOfBirth, born.age(on: day) >= 18 {
                problems.append(
                    FieldProblem(
                        field: "incident-day",
                        message:
                            "They were \(born.age(on: day)) on that day: for an adult, refer for a Safeguarding Adults Review instead"
                    ))
            }
        } else {
            problems.append(
                FieldProblem(
                    field: "incident-day", message: "Enter the day it happened as day, month and year, like 2 11 2026"))
        }
        let words = whatHappened.split(whereSeparator: \.isWhitespace).count
        if words < 5 {
            problems.append(
                FieldProblem(field: "what-happened", message: "Say briefly what happened, in at least 5 words"))
        }
        if !abuseOrNeglect {
            problems.append(
                FieldProblem(
                    field: "abuse-or-neglect",
                    message:
                        "A notification is for when abuse or neglect is known or suspected: confirm that it is, or talk to your safeguarding lead"
                ))
        }
        return problems
    }

    /// What the business unit must add before the national panel can be told.
    public func completionProblems(today: SimpleDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if place.trimmingCharacters(in: .whitespacesAndNewlines).count < 3 {
            problems.append(FieldProblem(field: "place", message: "Say where it happened: a home, a hospital, a town"))
        }
        if policeInvestigation == nil {
            problems.append(FieldProblem(field: "police", message: "Say whether the police are investigating"))
        }
        if policeInvestigation == .yes && policeDetails.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(
                FieldProblem(
                    field: "police-details", message: "Give the police contact or reference for the investigation"))
        }
        if let aware = awareOn {
            if aware > today {
                problems.append(
                    FieldProblem(
                        field: "aware-day", message: "The day the local authority became aware cannot be in the future")
                )
            } else if aware < incidentOn {
                problems.append(
                    FieldProblem(
                        field: "aware-day",
                        message:
                            "The local authority cannot have become aware before it happened, on \(incidentOn.longText)"
                    ))
            }
        } else {
            problems.append(
                FieldProblem(
                    field: "aware-day",
                    message: "Enter the day the local authority became aware, which starts the 5 working days"))
        }
        return problems
    }

    /// What is wrong with a part-completed notification being saved: what is given must be right, but a field
    /// left empty is for later (the day of awareness can be saved first, to start the clock).
    public func savingProblems(today: SimpleDate) -> [FieldProblem] {
        completionProblems(today: today).filter { p in
            switch p.field {
            case "place": !place.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            case "police": false
            case "aware-day": awareOn != nil
            default: true
            }
        }
    }

    public var mayComplete: Bool { status == .raised }

    /// Records that the national panel was told on `day`; a late notification must say why.
    public mutating func recordNotified(
        on day: SimpleDate, lateReason reason: String, today: SimpleDate, calendar: WorkingCalendar
    ) throws(FieldProblem) {
        guard status == .raised else {
            throw FieldProblem(
                field: "notified-day",
                message: "This notification has already been \(status == .notified ? "sent" : "closed")")
        }
        if let first = completionProblems(today: today).first {
            throw FieldProblem(
                field: first.field,
                message:
                    "Complete the notification first: \(first.message.prefix(1).lowercased() + first.message.dropFirst())"
            )
        }
        guard day <= today else {
            throw FieldProblem(field: "notified-day", message: "The day the panel was told cannot be in the future")
        }
        guard let aware = awareOn, day >= aware else {
            throw FieldProblem(
                field: "notified-day",
                message: "The panel cannot have been told before the local authority became aware")
        }
        let clock: SeriousIncidentClock
        do { clock = try SeriousIncidentClock(awareOn: aware, notifiedOn: day, calendar: calendar) } catch {
            throw FieldProblem(
                field: "notified-day", message: "That day is beyond the bank holiday calendar: update it first")
        }
        if let problem = SeriousIncidentClock.latenessProblem(due: clock.notificationDue, doneOn: day, reason: reason) {
            throw FieldProblem(field: "late-reason", message: problem)
        }
        status = .notified
        notifiedOn = day
        lateReason = day > clock.notificationDue ? reason.trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    /// Closes a notification that does not meet the criteria (no abuse or neglect suspected after all, say).
    public mutating func closeAsNotNotifiable(reason: String) throws(FieldProblem) {
        guard status == .raised else {
            throw FieldProblem(field: "close-reason", message: "Only a notification not yet sent can be closed")
        }
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard r.count >= 20 else {
            throw FieldProblem(
                field: "close-reason",
                message:
                    "Say why it does not meet the criteria, in at least 20 characters: the case worker who raised it is told"
            )
        }
        status = .notNotifiable
        notNotifiableReason = r
    }

    /// The statutory clock, once the day of awareness is known.
    public func clock(calendar: WorkingCalendar) -> SeriousIncidentClock? {
        guard let awareOn else { return nil }
        return try? SeriousIncidentClock(awareOn: awareOn, notifiedOn: notifiedOn, calendar: calendar)
    }

    /// A looked-after child's death is also reported to the Secretary of State and Ofsted.
    public var alsoReportToOfsted: Bool { reason == .death && child.legalStatus.contains(.lookedAfter) }
}
