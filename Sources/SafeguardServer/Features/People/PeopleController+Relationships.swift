import Fluent
import SafeguardCore
import Vapor

extension PeopleController {
    func relationshipForm(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmed
        let candidates = try await relationshipCandidates(for: person, query: q, viewer: viewer, on: req)
        return RelationshipFormView(
            personID: person.id!, personName: person.fullName, query: q, candidates: candidates,
            other: "", kind: "", direction: "", errors: FormErrors()
        ).render(on: req)
    }

    func addRelationship(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        let id = try person.requireID()
        let otherText = (try? req.content.get(String.self, at: "other")) ?? ""
        let kindText = (try? req.content.get(String.self, at: "kind")) ?? ""
        let direction = (try? req.content.get(String.self, at: "direction")) ?? ""
        var errors = FormErrors()
        let kind = RelationshipKind(rawValue: kindText)
        var other: Person?
        if let otherID = UUID(uuidString: otherText), otherID != id {
            other = try await Person.find(otherID, on: req.db)
        }
        if other == nil { errors.add("other", "Select the person they are related to") }
        if kind == nil { errors.add("kind", "Select the relationship") }
        if direction != "other-is" && direction != "this-is" && !(kind?.isSymmetric ?? false) {
            errors.add("direction", "Select which way round the relationship goes")
        }
        if let other, let otherID = other.id {
            let rel = try await PersonAccess.relationship(of: viewer, to: otherID, on: req)
            if !viewer.may(.viewPerson, relationship: rel) {
                errors.add("other", "You cannot link to a record you are not allowed to see")
            }
        }
        guard let kind, let other, errors.isEmpty else {
            let candidates = try await relationshipCandidates(for: person, query: "", viewer: viewer, on: req)
            return RelationshipFormView(
                personID: id, personName: person.fullName, query: "", candidates: candidates, other: otherText,
                kind: kindText, direction: direction, errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        let otherID = try other.requireID()
        let (from, to) = direction == "this-is" ? (id, otherID) : (otherID, id)
        let exists =
            try await PersonRelationship.query(on: req.db).filter(\.$from.$id == from).filter(\.$to.$id == to)
            .filter(\.$kind == kind.rawValue).count() > 0
        if !exists {
            let now = req.now
            try await req.audit.write(on: req.db) { db in
                try await PersonRelationship(fromID: from, toID: to, kind: kind.rawValue).create(on: db)
                for pid in [id, otherID] {
                    try await ChronologyEntry(
                        personID: pid, occurredAt: now, agencyID: viewer.agencyID, category: "Family",
                        summary: "Relationship recorded: \(kind.displayName.lowercased())", recordedBy: viewer.userID
                    ).create(on: db)
                }
                return (
                    (),
                    [
                        viewer.event(.change, "person", id.uuidString, reason: "relationship added", on: req),
                        viewer.event(.change, "person", otherID.uuidString, reason: "relationship added", on: req),
                    ]
                )
            }
        }
        return req.redirect(to: SiteURL.person(id).with(query: [("done", "relationship")]), redirectType: .normal)
    }

    /// People living at the same address, and anyone found by the search box.
    private func relationshipCandidates(
        for person: Person, query: String, viewer: Viewer, on req: Request
    ) async throws -> [(UUID, String)] {
        let id = try person.requireID()
        let addressIDs = try await Residence.query(on: req.db).filter(\.$person.$id == id).filter(\.$toDate == nil).all(
            \.$address.$id)
        let housemateIDs = try await Residence.query(on: req.db).filter(\.$address.$id ~~ addressIDs).filter(
            \.$toDate == nil
        ).all(\.$person.$id)
        // The household by name, so the list reads the same on every visit (and on every server).
        var people = try await Person.query(on: req.db).filter(\.$id ~~ housemateIDs).filter(\.$id != id)
            .sort(\.$lastName).sort(\.$firstName).all()
        if !query.isEmpty {
            people += try await PersonSearch(text: query).run(on: req.db, limit: 20).filter { $0.id != id }
            try await req.audit.record(viewer.event(.search, "person-search", "name=\(query)", on: req), on: req.db)
        }
        var seen = Set<UUID>()
        return people.compactMap { p in
            guard let pid = p.id, seen.insert(pid).inserted else { return nil }
            return (pid, "\(p.fullName)" + (p.dob.map { ", born \($0.longText)" } ?? ""))
        }
    }
}
