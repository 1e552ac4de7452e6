import Fluent
import SafeguardCore
import Vapor

/// The review an agency's summary is for: a child's rapid review, or an adult's Safeguarding Adults Review.
/// Both ask agencies the same way (Care Act guidance: the SAR panel "gathers information from agencies the same
/// way as a rapid review"), so the asking, chasing, writing and the merged chronology are built once, here.
package struct ReviewSubject {
    package enum Key: Equatable {
        case rapidReview(UUID)
        case sar(UUID)
    }

    package var key: Key
    /// "SIN-2026-0002" or "SAR-2026-0001".
    package var reference: String
    package var personID: UUID
    package var person: PersonSnapshot
    /// What the contributor is told happened, and when: enough to find the right records, no more.
    package var eventDay: SimpleDate
    /// The rapid review's own due date; a SAR has no statutory clock.
    package var reviewDue: SimpleDate?
    /// The review is still gathering: a rapid review not yet submitted, a SAR the panel decided to hold.
    package var isGathering: Bool

    package var kindName: String {
        switch key {
        case .rapidReview: "rapid review"
        case .sar: "Safeguarding Adults Review"
        }
    }

    /// Who may read the review, its summaries and its chronology.
    package var readAction: Action { key.readAction }
}

extension ReviewSubject.Key {
    /// Who may open the review: its readers are asked for before the review is looked up.
    package var readAction: Action {
        switch self {
        case .rapidReview: .viewSeriousIncidents
        case .sar: .viewSARs
        }
    }
}

extension ReviewSubject {
    package var page: SiteURL {
        switch key {
        case .rapidReview(let id): .rapidReview(id)
        case .sar(let id): .sar(id)
        }
    }

    package var askURL: SiteURL {
        switch key {
        case .rapidReview(let id): .rapidReviewSummaries(id)
        case .sar(let id): .sarSummaries(id)
        }
    }

    package var chronologyURL: SiteURL {
        switch key {
        case .rapidReview(let id): .rapidReviewChronology(id)
        case .sar(let id): .sarChronology(id)
        }
    }

    package var chronologyCSVURL: SiteURL {
        switch key {
        case .rapidReview(let id): .rapidReviewChronologyCSV(id)
        case .sar(let id): .sarChronologyCSV(id)
        }
    }

    /// The summaries asked for, oldest first.
    package func summaries(on db: Database) async throws -> [AgencySummaryRecord] {
        let q = AgencySummaryRecord.query(on: db).with(\.$agency).with(\.$contributor)
        switch key {
        case .rapidReview(let id): q.filter(\.$incident.$id == id)
        case .sar(let id): q.filter(\.$sar.$id == id)
        }
        // In agency order, as the page lists them; the agency's name is on the joined row, so sorted here.
        return try await q.all().sorted { $0.agency.name < $1.agency.name }
    }

    /// The review from the route's `incidentID` or `sarID`.
    /// The review the path names, once the viewer's role may ever read such a review (so a role that may not is told
    /// so, never whether the review exists).
    package static func fromRoute(_ req: Request) async throws -> ReviewSubject {
        let key: Key
        if let id = req.parameters.get("incidentID", as: UUID.self) {
            key = .rapidReview(id)
        } else if let id = req.parameters.get("sarID", as: UUID.self) {
            key = .sar(id)
        } else {
            throw Abort(.notFound)
        }
        try req.requireEver(key.readAction)
        return try await load(key, on: req)
    }

    package static func load(_ key: Key, on req: Request) async throws -> ReviewSubject {
        try await load(key, on: req.db, calendar: req.safeguard.calendar)
    }

    package static func load(_ key: Key, on db: Database, calendar: WorkingCalendar) async throws -> ReviewSubject {
        switch key {
        case .rapidReview(let id):
            guard let incident = try await SeriousIncidentRecord.find(id, on: db) else { throw Abort(.notFound) }
            let n = incident.notification
            guard n.status == .notified, let due = n.clock(calendar: calendar)?.rapidReviewDue else {
                throw Abort(
                    .conflict, reason: "Agencies are asked for summaries once the national panel has been notified")
            }
            let review =
                try await RapidReviewRecord.query(on: db).filter(\.$incident.$id == id).first()?.review ?? RapidReview()
            return ReviewSubject(
                key: key, reference: incident.reference, personID: incident.$person.id, person: n.child,
                eventDay: n.incidentOn,
                reviewDue: due, isGathering: review.mayEdit)
        case .sar(let id):
            guard let sar = try await SARReferralRecord.find(id, on: db) else { throw Abort(.notFound) }
            return ReviewSubject(
                key: key, reference: sar.reference, personID: sar.$person.id,
                person: sar.snapshot
                    ?? PersonSnapshot(
                        name: "", dateOfBirth: nil, gender: "", ethnicity: "", disability: nil, address: nil,
                        legalStatus: [], agencies: [], openReferrals: [], plans: []),
                eventDay: SimpleDate(sar.raisedAt), reviewDue: nil, isGathering: sar.referral.gathersInformation)
        }
    }
}
