import Fluent
import SafeguardCore
import Vapor

/// A person's whole chronology, filtered by kind and agency, to read, print or download as CSV. The filters
/// are in the web address (kinds and agency names, never a person's details) so a filtered view can be shared.
extension PeopleController {
    func chronology(req: Request) async throws -> Response {
        let (viewer, person, relationship) = try await PersonAccess.authorise(
            .viewPerson, personID: req.personID(), on: req, offerBreakGlass: true)
        let id = try person.requireID()
        let chronology = try await PersonChronology.load(personID: id, viewer: viewer, on: req.db)
        let filter = Self.chronologyFilter(req)
        try await req.audit.record(
            viewer.event(.view, "person", id.uuidString, reason: "chronology", on: req), on: req.db)
        return ChronologyView(
            personID: id, personName: person.fullName, chronology: chronology, filter: filter,
            mayDownload: viewer.may(.exportPerson, relationship: relationship), query: req.url.query ?? ""
        ).render(on: req)
    }

    func chronologyCSV(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.exportPerson, personID: req.personID(), on: req)
        let id = try person.requireID()
        let events = try await PersonChronology.load(personID: id, viewer: viewer, on: req.db).filtered(
            Self.chronologyFilter(req))
        try await req.audit.record(
            viewer.event(.export, "person", id.uuidString, reason: "chronology CSV, \(events.count) entries", on: req),
            on: req.db)
        let iso = ISO8601DateFormatter()
        let csv = try CSVTable.document(
            header: ["happened", "date_only", "kind", "agency", "summary", "recorded_by", "recorded_at"],
            rows: events.map { e in
                [
                    e.dateOnly ? SimpleDate(e.when).iso : iso.string(from: e.when), e.dateOnly ? "yes" : "no",
                    e.category, e.agency, e.summary, e.by,
                    iso.string(from: e.recordedAt),
                ]
            })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"chronology.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    struct ChronologyQuery: Decodable {
        var kind: [String]?
        var agency: [String]?
    }

    static func chronologyFilter(_ req: Request) -> ChronologyRules.Filter {
        let q = try? req.query.decode(ChronologyQuery.self)
        return ChronologyRules.Filter(categories: q?.kind ?? [], agencies: q?.agency ?? [])
    }
}
