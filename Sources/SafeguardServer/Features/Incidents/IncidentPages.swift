import Foundation
import SafeguardCore

/// What the incident alert pages show, as plain values: built from the records by the controller, rendered by the
/// views, and made by hand in `IncidentViewTests` without a database.
enum IncidentPages {
    /// The information management team's queue.
    struct Queue: Sendable {
        struct Waiting: Sendable {
            var id: UUID
            var reference: String
            var type: String
            var address: String
            var match: IncidentMatch
            var received: String
        }
        struct Checked: Sendable {
            var id: UUID
            var reference: String
            var outcome: String
            var by: String
            var when: String
        }
        /// The last 30 days' counts and timeliness, label and figure.
        var facts: [(label: String, value: String)]
        var waiting: [Waiting]
        var checked: [Checked]
    }

    /// One incident as the officer checks it.
    struct Incident: Sendable {
        struct Child: Sendable {
            var personID: UUID
            var name: String
            var status: String
            var socialWorker: String
        }
        struct Home: Sendable {
            var id: UUID
            var whose: String
            var howUsed: String
            var lead: String
        }
        struct Decision: Sendable {
            var child: String
            var socialWorker: String
            var decision: String
        }
        var id: UUID
        var reference: String
        var from: String
        var occurred: String
        var type: String
        var addressTyped: String
        var summary: String
        var received: String
        var matchedAddress: String?
        var match: IncidentMatch
        var score: Double?
        var reasons: [String]
        var review: IncidentReview
        /// "Forwarded by Sam Okafor on 3 March 2026, 2:15pm: …", once checked.
        var reviewedBy: String
        var reviewedAt: String
        var children: [Child]
        var homes: [Home]
        var decisions: [Decision]
    }

    /// A forwarded incident as the child's social worker sees it.
    struct Alert: Sendable {
        var id: UUID
        var childName: String
        var childFirstName: String
        var reference: String
        var occurred: String
        var type: String
        var address: String
        var summary: String
        var forwarded: String
        var decision: IncidentAlertDecision
        var decidedBy: String
        var decidedAt: String
        /// The MASH referral asking the police for the details, once asked.
        var detailsReferral: String?
    }
}

extension IncidentPages.Incident {
    init(_ i: PoliceIncident, marked: [PlaceOfInterestMarker], alerts: [IncidentAlert], cuckooed: [CuckooedHome]) {
        self.init(
            id: i.id!, reference: i.reference, from: i.agency.name, occurred: SiteFormat.dateTime(i.occurredAt),
            type: i.incidentType,
            addressTyped: i.addressText + (i.postcode.map { ", \($0)" } ?? ""), summary: i.summary,
            received: SiteFormat.dateTime(i.receivedAt),
            matchedAddress: i.matchedAddress?.singleLine, match: i.matchOutcome, score: i.matchScore,
            reasons: i.matchReasons.split(separator: "\n").map(String.init), review: i.review,
            reviewedBy: i.reviewedBy?.displayName ?? "", reviewedAt: i.reviewedAt.map(SiteFormat.dateTime) ?? "",
            children: marked.map { m in
                Child(
                    personID: m.protection.$person.id, name: m.protection.person.fullName,
                    status: m.protection.kind.displayName,
                    socialWorker: m.protection.socialWorker.displayName)
            },
            homes: cuckooed.map { h in
                Home(
                    id: h.id!, whose: h.person.fullName, howUsed: h.kindList.map(\.displayName).joined(separator: "; "),
                    lead: h.lead.displayName)
            },
            decisions: alerts.map { a in
                Decision(
                    child: a.person.fullName, socialWorker: a.socialWorker.displayName,
                    decision: a.decision?.displayName ?? "Waiting")
            })
    }
}

extension IncidentPages.Alert {
    init(_ a: IncidentAlert) {
        let i = a.incident
        self.init(
            id: a.id!, childName: a.person.fullName, childFirstName: a.person.firstName, reference: i.reference,
            occurred: SiteFormat.dateTime(i.occurredAt), type: i.incidentType, address: i.addressText,
            summary: i.summary,
            forwarded: SiteFormat.dateTime(a.forwardedAt), decision: a.decisionState,
            decidedBy: a.decidedBy?.displayName ?? "",
            decidedAt: a.decidedAt.map(SiteFormat.dateTime) ?? "", detailsReferral: a.detailsReferral?.reference)
    }
}
