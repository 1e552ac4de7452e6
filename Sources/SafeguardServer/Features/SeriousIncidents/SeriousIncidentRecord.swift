import Fluent
import Foundation
import SafeguardCore

/// A serious incident notification as stored; ``SeriousIncidentNotification`` decides what it may become.
package final class SeriousIncidentRecord: Model, @unchecked Sendable {
    package static let schema = "serious_incidents"
    @ID package var id: UUID?
    /// "SIN-2026-0001": what the business unit and the national panel's form quote.
    @Field(key: "reference") package var reference: String
    @Parent(key: "person_id") package var person: Person
    @Parent(key: "raised_by") package var raisedBy: User
    @Parent(key: "raised_agency_id") package var raisedAgency: Agency
    @Field(key: "raised_at") package var raisedAt: Date
    @Field(key: "reason") package var reason: SeriousIncidentReason
    @Field(key: "incident_on") package var incidentOn: String
    @Field(key: "what_happened") package var whatHappened: String
    @Field(key: "child") package var child: String
    @Field(key: "place") package var place: String
    @OptionalField(key: "police_investigation") package var policeInvestigation: String?
    @Field(key: "police_details") package var policeDetails: String
    @Field(key: "linked_cases") package var linkedCases: String
    @OptionalField(key: "aware_on") package var awareOn: String?
    @Field(key: "status") package var status: SeriousIncidentStatus
    @OptionalField(key: "notified_on") package var notifiedOn: String?
    /// The business unit officer who told the national panel: the notifier on the form.
    @OptionalParent(key: "notified_by") package var notifiedBy: User?
    @Field(key: "late_reason") package var lateReason: String
    @Field(key: "not_notifiable_reason") package var notNotifiableReason: String
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var snapshot: PersonSnapshot {
        (try? JSONDecoder().decode(PersonSnapshot.self, from: Data(child.utf8)))
            ?? PersonSnapshot(
                name: "", dateOfBirth: nil, gender: "", ethnicity: "", disability: nil, address: nil, legalStatus: [],
                agencies: [],
                openReferrals: [], plans: [])
    }

    package var notification: SeriousIncidentNotification {
        var n = SeriousIncidentNotification(
            child: snapshot, reason: reason,
            incidentOn: SimpleDate(iso: incidentOn) ?? SimpleDate(raisedAt), whatHappened: whatHappened)
        n.place = place
        n.policeInvestigation = policeInvestigation.flatMap(PoliceInvestigation.init(rawValue:))
        n.policeDetails = policeDetails
        n.linkedCases = linkedCases
        n.awareOn = awareOn.flatMap(SimpleDate.init(iso:))
        return .stored(
            n, status: status,
            notifiedOn: notifiedOn.flatMap(SimpleDate.init(iso:)),
            lateReason: lateReason, notNotifiableReason: notNotifiableReason)
    }

    package func set(_ n: SeriousIncidentNotification, at now: Date) {
        child = String(decoding: (try? JSONEncoder().encode(n.child)) ?? Data("{}".utf8), as: UTF8.self)
        reason = n.reason
        incidentOn = n.incidentOn.iso
        whatHappened = n.whatHappened
        place = n.place
        policeInvestigation = n.policeInvestigation?.rawValue
        policeDetails = n.policeDetails
        linkedCases = n.linkedCases
        awareOn = n.awareOn?.iso
        status = n.status
        notifiedOn = n.notifiedOn?.iso
        lateReason = n.lateReason
        notNotifiableReason = n.notNotifiableReason
        updatedAt = now
    }
}

/// What the platform holds about the child, gathered for the notification from the person record, protection
/// records, agencies involved and referrals naming them.
package enum PersonSnapshotLoader {
    package static func load(_ person: Person, on db: Database, today: SimpleDate) async throws -> PersonSnapshot {
        let id = try person.requireID()
        let protections = try await ProtectionRecord.query(on: db).filter(\.$person.$id == id).all()
        let open = protections.filter { $0.endDate == nil }
        let referralIDs = try await ReferralSubject.query(on: db).filter(\.$person.$id == id).all().map(\.$referral.id)
        let referrals =
            referralIDs.isEmpty
            ? [] : try await Referral.query(on: db).filter(\.$id ~~ referralIDs).sort(\.$reference).all()
        let decisions =
            referralIDs.isEmpty
            ? []
            : try await ThresholdDecisionRecord.query(on: db).filter(\.$referral.$id ~~ referralIDs)
                .filter(\.$signedOffAt != nil).all()
        let involved = try await AgencyInvolvement.query(on: db).filter(\.$person.$id == id).filter(\.$endedOn == nil)
            .with(\.$agency).all()
        let others = try await OtherName.query(on: db).filter(\.$person.$id == id).all()
        let home = try await Residence.query(on: db).filter(\.$person.$id == id).filter(\.$toDate == nil).with(
            \.$address
        ).first()
        return PersonSnapshot(
            name: person.fullName, otherNames: others.map(\.name),
            dateOfBirth: person.dateOfBirth.flatMap(SimpleDate.init(iso:)),
            gender: Gender(rawValue: person.gender)?.displayName ?? person.gender, ethnicity: person.ethnicity,
            disability: person.disability,
            address: home?.address.singleLine,
            legalStatus: ChildLegalStatus.from(
                openProtections: open.map(\.kind),
                childInNeedDecision: decisions.contains { $0.referralOutcome == .childInNeedAssessment }),
            agencies: involved.map(\.agency.name).sorted(),
            openReferrals: referrals.filter { $0.status != .closed && $0.status != .draft }.map(\.reference),
            plans: protections.map { p in
                "\(p.kind.displayName) from \(SimpleDate(iso: p.startDate)?.longText ?? p.startDate)"
                    + (p.endDate.map { " to \(SimpleDate(iso: $0)?.longText ?? $0)" } ?? " (open)")
            })
    }
}
