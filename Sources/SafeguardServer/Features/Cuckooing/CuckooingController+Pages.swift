import SafeguardCore
import Vapor

extension CuckooingController {
    /// The form, with the person's homes and the possible leads worded as the page offers them.
    static func formView(
        _ person: Person, homes: [Address], leads: [User], fields: [String: String], kinds: [String],
        errors: FormErrors
    ) throws -> CuckooingFormView {
        CuckooingFormView(
            person: try PersonHeading(person),
            homes: try homes.map { .init(id: try $0.requireID(), label: $0.singleLine) },
            leads: try leads.map { .init(id: try $0.requireID(), label: $0.displayName) },
            fields: fields, kinds: kinds, errors: errors)
    }

    /// The home's page. Needs the home loaded as `load` does, and each notice with its incident.
    static func homeView(
        _ h: CuckooedHome, notices: [CuckooingNotice], viewer: Viewer, mayChange: Bool, errors: FormErrors
    ) throws -> CuckooedHomeView {
        let home = CuckooedHomeView.Home(
            id: try h.requireID(), person: try PersonHeading(h.person), address: h.address.singleLine,
            isActive: h.isActive, endedAt: h.endedAt.map(SiteFormat.dateTime) ?? "", endReason: h.endReason ?? "",
            howUsed: h.kindList.map(\.displayName).joined(separator: "; "), confidence: h.confidence.displayName,
            summary: h.summary, lead: h.lead.contactLine,
            recorded: "\(h.recordedBy.displayName), \(h.agency.name), \(SiteFormat.dateTime(h.recordedAt))")
        return CuckooedHomeView(
            home: home,
            notices: try notices.map { n in
                CuckooedHomeView.Notice(
                    id: try n.requireID(), reference: n.incident.reference, type: n.incident.incidentType,
                    occurred: SiteFormat.dateTime(n.incident.occurredAt), summary: n.incident.summary,
                    readAt: n.seenAt.map(SiteFormat.dateTime), mayMarkRead: n.$lead.id == viewer.userID)
            },
            mayChange: mayChange, errors: errors)
    }
}
