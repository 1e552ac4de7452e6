import SafeguardCore
import Vapor

extension ProtectionController {
    /// The start form, with the social workers worded as the page offers them. Needs each worker's agency loaded.
    static func formView(
        _ person: Person, fields: [String: String], categories: [String], workers: [User], errors: FormErrors
    ) throws -> ProtectionFormView {
        ProtectionFormView(
            person: try PersonHeading(person), fields: fields, categories: categories,
            workers: try workers.map { .init(id: try $0.requireID(), label: "\($0.displayName), \($0.agency.name)") },
            errors: errors)
    }

    /// The record's page. Needs the social worker loaded as `load` does, and each marker with its address.
    static func recordView(
        _ r: ProtectionRecord, person: Person, markers: [PlaceOfInterestMarker], today: SimpleDate,
        calendar: WorkingCalendar, mayChange: Bool
    ) throws -> ProtectionView {
        let record = ProtectionView.Record(
            id: try r.requireID(), kind: r.kind, isActive: r.isActive(on: today),
            started: r.start?.longText ?? r.startDate, end: r.end, endReason: r.endReason,
            categories: r.categoryList, socialWorker: r.socialWorker.contactLine,
            strategyDiscussion: r.strategyDiscussionDate.flatMap(SimpleDate.init(iso:)),
            initialConference: r.initialConferenceDate.flatMap(SimpleDate.init(iso:)),
            lastReview: r.lastReviewDate.flatMap(SimpleDate.init(iso:)))
        return ProtectionView(
            record: record, person: try PersonHeading(person),
            markers: try markers.map { m in
                ProtectionView.Marker(
                    id: try m.requireID(), address: m.address.singleLine, reason: m.reason,
                    started: SiteFormat.dateTime(m.startedAt),
                    ended: m.endedAt.map { SiteFormat.dateTime($0) + (m.endReason.map { " (\($0))" } ?? "") })
            },
            today: today, calendar: calendar, mayChange: mayChange, errors: FormErrors())
    }
}
