import Fluent
import SafeguardCore
import Vapor

/// Recording that a man in a child's life was seen, assessed or checked with the police: the answer to the
/// "unseen men" finding, kept on the child's record where the next practitioner looks.
extension PeopleController {
    struct MaleCarerCheckForm: Content {
        var kind: String?
        var day: String?
        var month: String?
        var year: String?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case kind
            case day = "done-day"
            case month = "done-month"
            case year = "done-year"
            case note
        }

        func validate(today: SimpleDate) -> Result<(MaleCarerCheck, SimpleDate, String), FormErrorsBox> {
            var errors = FormErrors()
            let kind = kind.flatMap(MaleCarerCheck.init(rawValue:))
            if kind == nil { errors.add("kind", "Select what was done") }
            let d = (day ?? "").trimmed
            let m = (month ?? "").trimmed
            let y = (year ?? "").trimmed
            var date: SimpleDate?
            if let parsed = SimpleDate(day: d, month: m, year: y) {
                if parsed > today {
                    errors.add("done-day", "The date must be today or in the past")
                } else if let problem = EventDate.problem(with: parsed, label: "date", bornOn: nil, today: today) {
                    errors.add("done-day", problem)
                } else {
                    date = parsed
                }
            } else {
                errors.add("done-day", "Enter the date it was done, for example 27 3 2026")
            }
            let text = (note ?? "").trimmed
            if text.count > 1_000 { errors.add("note", "The note must be 1,000 characters or fewer") }
            guard let kind, let date, errors.isEmpty else { return .failure(FormErrorsBox(errors: errors)) }
            return .success((kind, date, text))
        }
    }

    /// The child, the man, and the viewer allowed to record about the child; 404 unless he cares for the child.
    private func maleCarer(_ req: Request) async throws -> (Viewer, Person, Person) {
        let (viewer, child, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        guard let manID = req.parameters.get("manID", as: UUID.self),
            let man = try await Person.find(manID, on: req.db),
            Gender(rawValue: man.gender) == .male,
            try await PersonRelationship.query(on: req.db).filter(\.$from.$id == manID).filter(
                \.$to.$id == child.requireID()
            ).all()
                .contains(where: { RelationshipKind(rawValue: $0.kind)?.isCaringRole == true })
        else { throw Abort(.notFound) }
        return (viewer, child, man)
    }

    func maleCarerCheckForm(req: Request) async throws -> Response {
        let (_, child, man) = try await maleCarer(req)
        return MaleCarerCheckView(
            child: child.fullName, childID: try child.requireID(), man: man.fullName, manID: try man.requireID(),
            form: MaleCarerCheckForm(), errors: FormErrors()
        ).render(on: req)
    }

    func recordMaleCarerCheck(req: Request) async throws -> Response {
        let (viewer, child, man) = try await maleCarer(req)
        let form = try req.content.decode(MaleCarerCheckForm.self)
        let childID = try child.requireID()
        let manID = try man.requireID()
        switch form.validate(today: req.today) {
        case .failure(let box):
            return MaleCarerCheckView(
                child: child.fullName, childID: childID, man: man.fullName, manID: manID, form: form, errors: box.errors
            )
            .render(on: req, status: .unprocessableEntity)
        case .success(let (kind, day, note)):
            let now = req.now
            try await req.audit.write(on: req.db) { db in
                try await MaleCarerCheckRecord(
                    childID: childID, manID: manID, kind: kind, doneOn: day, note: note,
                    agencyID: viewer.agencyID, userID: viewer.userID, at: now
                ).create(on: db)
                try await ChronologyEntry.onDay(
                    day, personID: childID, agencyID: viewer.agencyID, category: "Family",
                    summary: "\(man.fullName): \(kind.displayName.lowercased()) by \(viewer.agencyName)"
                        + (note.isEmpty ? "" : " (\(note))"),
                    recordedBy: viewer.userID, recordedAt: now
                ).create(on: db)
                return (
                    (),
                    [
                        viewer.event(
                            .change, "person", childID.uuidString, reason: "\(kind.rawValue) recorded for \(manID)",
                            on: req)
                    ]
                )
            }
            let card = PersonRecordView.slug("Men in \(child.firstName)'s life")
            return req.redirect(
                to: SiteURL.person(childID).with(query: [("done", "man-check")]) + "#" + card, redirectType: .normal)
        }
    }
}
