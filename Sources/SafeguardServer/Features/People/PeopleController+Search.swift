import Fluent
import SafeguardCore
import Vapor

extension PeopleController {
    /// The empty search page. A web address with names in it is not searched: names go in the body.
    func search(req: Request) async throws -> Response {
        let viewer = try req.require(.searchPeople)
        return PeopleSearchView(form: PeopleSearchForm(), errors: FormErrors(), results: nil).render(
            on: req, viewer: viewer)
    }

    func find(req: Request) async throws -> Response {
        let viewer = try req.require(.searchPeople)
        let form = try req.content.decode(PeopleSearchForm.self)
        let finder: PeopleFinder
        switch form.validate() {
        case .failure(let box):
            return PeopleSearchView(form: form, errors: box.errors, results: nil).render(
                on: req, viewer: viewer, status: .unprocessableEntity)
        case .success(let f): finder = f
        }
        let hits = try await finder.find(on: req)
        let page = ResultPage(requested: form.pageNumber, total: hits.count)
        let shown = Array(hits[page.range])
        let rows = try await Self.rows(for: shown, viewer: viewer, on: req)
        try await req.audit.record(
            viewer.event(.search, "person-search", form.auditDescription + " page=\(page.number)", on: req), on: req.db)
        return PeopleSearchView(form: form, errors: FormErrors(), results: .init(rows: rows, page: page)).render(
            on: req, viewer: viewer)
    }

    /// What a result row shows: enough to find the record, and no more for people the viewer may not open.
    static func rows(
        for hits: [PeopleFinder.Hit], viewer: Viewer, on req: Request
    ) async throws -> [PeopleSearchView.Row] {
        let ids = hits.map(\.personID)
        let people = Dictionary(
            uniqueKeysWithValues: try await Person.query(on: req.db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        let involved = Set(
            try await AgencyInvolvement.query(on: req.db).filter(\.$agency.$id == viewer.agencyID)
                .filter(\.$person.$id ~~ ids).filter(\.$endedOn == nil).all(\.$person.$id))
        let postcodes = try await CurrentAddresses.postcodes(for: ids, on: req.db)
        let today = req.today
        let alerts = Dictionary(
            grouping: try await ProtectionRecord.query(on: req.db).filter(\.$person.$id ~~ ids).all()
                .filter { $0.isActive(on: today) }, by: { $0.$person.id }
        ).mapValues { $0.map(\.kind) }
        return hits.compactMap { hit in
            guard let p = people[hit.personID] else { return nil }
            let id = hit.personID
            let mayOpen = viewer.may(.viewPerson, relationship: involved.contains(id) ? .agencyInvolved : .none)
            return PeopleSearchView.Row(
                id: id, name: p.fullName,
                dateOfBirth: p.dob?.longText ?? p.expectedDob.map { "Due \($0.longText)" } ?? "Not known",
                category: p.category(on: today),
                postcode: mayOpen
                    ? (postcodes[id] ?? "") : (postcodes[id].flatMap { try? UKPostcode($0).district } ?? ""),
                involved: involved.contains(id), mayOpen: mayOpen, alerts: alerts[id] ?? [], reasons: hit.reasons)
        }
    }
}
