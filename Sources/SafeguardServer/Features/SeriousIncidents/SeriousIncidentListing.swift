import Foundation
import SafeguardCore
import Vapor

/// One notification as a list or My work shows it: whose, where it stands, and what is due next with its RAG.
struct SeriousIncidentListing: Sendable {
    var id: UUID
    var reference: String
    var child: String
    var reason: SeriousIncidentReason
    var raisedAt: Date
    var status: SeriousIncidentStatus
    /// "Notify the panel by 24 December 2026 (2 working days left)", "Rapid review due by 15 January 2027", …
    var nextStep: String
    var rag: RAGRating?
}

// In an extension, so a test can build a listing from its parts too.
extension SeriousIncidentListing {
    init(_ record: SeriousIncidentRecord, today: SimpleDate, calendar: WorkingCalendar) {
        let n = record.notification
        id = record.id!
        reference = record.reference
        child = n.child.name
        reason = n.reason
        raisedAt = record.raisedAt
        status = n.status
        (nextStep, rag) = Self.next(n, today: today, calendar: calendar)
    }

    static func next(
        _ n: SeriousIncidentNotification, today: SimpleDate, calendar: WorkingCalendar
    ) -> (String, RAGRating?) {
        switch n.status {
        case .notNotifiable:
            return ("Closed: does not meet the criteria", nil)
        case .raised:
            guard let clock = n.clock(calendar: calendar) else {
                return ("Record the day the local authority became aware: it starts the 5 working days", .amber)
            }
            let standing = SeriousIncidentClock.standing(
                due: clock.notificationDue, doneOn: nil, today: today, calendar: calendar)
            return (
                "Notify the national panel by \(clock.notificationDue.longText) (\(Self.words(standing)))", standing.rag
            )
        case .notified:
            guard let clock = n.clock(calendar: calendar), let due = clock.rapidReviewDue else {
                return ("National panel notified", nil)
            }
            let standing = SeriousIncidentClock.standing(due: due, doneOn: nil, today: today, calendar: calendar)
            return ("Rapid review due by \(due.longText) (\(Self.words(standing)))", standing.rag)
        }
    }

    static func words(_ s: SeriousIncidentClock.Standing) -> String {
        switch s {
        case .done(let onTime): onTime ? "done on time" : "done late"
        case .due(let left): left == 0 ? "due today" : "\(left) working day\(left == 1 ? "" : "s") left"
        case .overdue(let days): "overdue by \(days) working day\(days == 1 ? "" : "s")"
        }
    }
}

/// The notification as JSON: what the national panel's form asks for, in the platform's words.
struct SeriousIncidentDTO: Content {
    struct Notifier: Content {
        var name: String
        var role: String
        var authority: String
        var notifiedOn: String?
    }
    struct Child: Content {
        var name: String
        var otherNames: [String]
        var dateOfBirth: String?
        var gender: String
        var ethnicity: String
        var disability: String?
        var address: String?
        var legalStatus: [String]
        var agenciesInvolved: [String]
        var openReferrals: [String]
        var plans: [String]
    }
    var reference: String
    var status: String
    var reason: String
    var incidentDate: String
    var whatHappened: String
    var place: String
    var policeInvestigation: String?
    var policeDetails: String
    var linkedCases: String
    var localAuthorityAwareOn: String?
    var notificationDue: String?
    var notifier: Notifier?
    var lateReason: String?
    var alsoReportToSecretaryOfStateAndOfsted: Bool
    var child: Child

    init(
        _ record: SeriousIncidentRecord, notifier: (name: String, role: String, authority: String)?,
        calendar: WorkingCalendar
    ) {
        let n = record.notification
        let c = n.child
        reference = record.reference
        status = n.status.rawValue
        reason = n.reason.rawValue
        incidentDate = n.incidentOn.iso
        whatHappened = n.whatHappened
        place = n.place
        policeInvestigation = n.policeInvestigation?.rawValue
        policeDetails = n.policeDetails
        linkedCases = n.linkedCases
        localAuthorityAwareOn = n.awareOn?.iso
        notificationDue = n.clock(calendar: calendar)?.notificationDue.iso
        self.notifier = notifier.map {
            Notifier(name: $0.name, role: $0.role, authority: $0.authority, notifiedOn: n.notifiedOn?.iso)
        }
        lateReason = n.lateReason.isEmpty ? nil : n.lateReason
        alsoReportToSecretaryOfStateAndOfsted = n.alsoReportToOfsted
        child = Child(
            name: c.name, otherNames: c.otherNames, dateOfBirth: c.dateOfBirth?.iso, gender: c.gender,
            ethnicity: c.ethnicity,
            disability: c.disability, address: c.address, legalStatus: c.legalStatus.map(\.rawValue),
            agenciesInvolved: c.agencies,
            openReferrals: c.openReferrals, plans: c.plans)
    }
}
