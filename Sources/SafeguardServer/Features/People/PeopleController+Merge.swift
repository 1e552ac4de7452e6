import Fluent
import SafeguardCore
import Vapor

/// Merging duplicate records, from the record the MASH practitioner is looking at: the matcher
/// suggests the likely duplicates, the practitioner chooses which record to keep and says why.
/// Every merge can be undone from the record kept.
extension PeopleController {
    struct MergeForm: Content {
        var other: String?
        var otherID: String?
        var keep: String?
        var reason: String?
    }

    func mergeForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.mergePeople, personID: req.personID(), on: req)
        return try await MergeView(
            person: PersonHeading(person), candidates: Self.likelyDuplicates(of: person, on: req), form: MergeForm(),
            errors: FormErrors()
        )
        .render(on: req)
    }

    func merge(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.mergePeople, personID: req.personID(), on: req)
        let form = try req.content.decode(MergeForm.self)
        var errors = FormErrors()
        let chosen = [form.otherID, form.other].compactMap { $0?.trimmed }.first { !$0.isEmpty } ?? ""
        var other: Person?
        if chosen.isEmpty {
            errors.add("other", "Select the record that is the same person, or enter its reference")
        } else if let otherID = UUID(uuidString: chosen.components(separatedBy: "/").last ?? chosen),
            otherID != person.id
        {
            other = try await Person.find(otherID, on: req.db)
            if other == nil {
                errors.add(
                    "other",
                    "No record has that reference: copy it from the end of the record's address, like /people/…")
            }
            if other?.$mergedInto.id != nil {
                errors.add(
                    "other", "That record has already been merged into another: use the record it was merged into")
            }
        } else {
            errors.add(
                "other",
                "Enter the other record's reference, like 3F2504E0-4F89-11D3-9A0C-0305E82C3301; it cannot be this record"
            )
        }
        if form.keep != "this" && form.keep != "other" { errors.add("keep", "Select which record to keep") }
        let reason = (form.reason ?? "").trimmed
        if reason.count < 10 {
            errors.add(
                "reason",
                "Say why these are the same person, for example the NHS number and date of birth match (at least 10 characters)"
            )
        }
        guard errors.isEmpty, let other else {
            return try await MergeView(
                person: PersonHeading(person), candidates: Self.likelyDuplicates(of: person, on: req), form: form,
                errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let (keep, duplicate) = form.keep == "this" ? (person, other) : (other, person)
        let keptID = try keep.requireID()
        let dupID = try duplicate.requireID()
        let now = req.now
        do {
            _ = try await req.audit.write(on: req.db) { db in
                let merge = try await PersonMerger.merge(
                    keep: keptID, duplicate: dupID, reason: reason, by: viewer.userID,
                    agencyID: viewer.agencyID, now: now, on: db)
                return (
                    try merge.requireID(),
                    [
                        viewer.event(
                            .change, "person", keptID.uuidString, reason: "merged duplicate \(dupID): \(reason)",
                            on: req),
                        viewer.event(
                            .change, "person", dupID.uuidString, reason: "merged into \(keptID): \(reason)", on: req),
                    ]
                )
            }
        } catch let problem as PersonMerger.Problem {
            errors.add("other", problem.message)
            return try await MergeView(
                person: PersonHeading(person), candidates: Self.likelyDuplicates(of: person, on: req), form: form,
                errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        try await req.safeguard.personIndex.refresh([keptID, dupID], on: req.db)
        return req.redirect(to: SiteURL.person(keptID).with(query: [("done", "merged")]), redirectType: .normal)
    }

    func undoMergeForm(req: Request) async throws -> Response {
        let (merge, _) = try await Self.mergeToUndo(req)
        return try UndoMergeView(merge: .init(merge), reason: "", errors: FormErrors()).render(on: req)
    }

    func undoMerge(req: Request) async throws -> Response {
        let (merge, viewer) = try await Self.mergeToUndo(req)
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmed
        guard reason.count >= 10 else {
            var errors = FormErrors()
            errors.add("reason", "Say why the records are different people (at least 10 characters)")
            return try UndoMergeView(merge: .init(merge), reason: reason, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let keptID = merge.$kept.id
        let dupID = merge.$merged.id
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            try await PersonMerger.undo(merge, reason: reason, by: viewer.userID, now: now, on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "person", keptID.uuidString, reason: "merge with \(dupID) undone: \(reason)", on: req),
                    viewer.event(
                        .change, "person", dupID.uuidString, reason: "merge into \(keptID) undone: \(reason)", on: req),
                ]
            )
        }
        try await req.safeguard.personIndex.refresh([keptID, dupID], on: req.db)
        return req.redirect(to: SiteURL.person(dupID).with(query: [("done", "unmerged")]), redirectType: .normal)
    }

    /// The merge, if it stands and the viewer may merge the record it kept.
    static func mergeToUndo(_ req: Request) async throws -> (PersonMerge, Viewer) {
        try req.requireEver(.mergePeople)
        guard let id = req.parameters.get("mergeID", as: UUID.self),
            let merge = try await PersonMerge.query(on: req.db).filter(\.$id == id).with(\.$kept).with(\.$merged).with(
                \.$mergedBy
            ).first()
        else {
            throw Abort(.notFound)
        }
        let (viewer, _, _) = try await PersonAccess.authorise(.mergePeople, personID: merge.$kept.id, on: req)
        guard merge.undoneAt == nil else { throw Abort.redirect(to: SiteURL.person(merge.$merged.id).path) }
        return (merge, viewer)
    }

    /// The matcher's view of who else this record might be: the same code that ranks a referral's subjects.
    static func likelyDuplicates(of person: Person, on req: Request) async throws -> [MergeView.Candidate] {
        let id = try person.requireID()
        let names = try await OtherName.query(on: req.db).filter(\.$person.$id == id).all().map(\.name)
        let address = try await Residence.query(on: req.db).filter(\.$person.$id == id).filter(\.$toDate == nil).with(
            \.$address
        ).first()?.address
        let query = PersonIndexHolder.record(person, otherNames: names, address: address)
        let index = try await req.safeguard.personIndex.index(on: req.db)
        let ranked = SubjectMatching.rank(query, in: index, limit: 5, excluding: [id.uuidString])
        let people = try await Person.query(on: req.db).filter(\.$id ~~ ranked.compactMap { UUID(uuidString: $0.id) })
            .all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!.uuidString, $0) })
        let postcodes = try await CurrentAddresses.postcodes(for: people.compactMap(\.id), on: req.db)
        return ranked.compactMap { c in
            guard let p = byID[c.id] else { return nil }
            return MergeView.Candidate(
                id: p.id!, name: p.fullName, dateOfBirth: p.dob?.longText ?? "Not known",
                postcode: postcodes[p.id!] ?? "", nhsNumber: p.nhsNumber.flatMap { try? NHSNumber($0).formatted },
                probability: c.probability)
        }
    }
}

extension UndoMergeView.Merge {
    /// Needs the kept and merged records and who merged them loaded, as `mergeToUndo` does.
    init(_ m: PersonMerge) throws {
        self.init(
            id: try m.requireID(), keptID: m.$kept.id, kept: m.kept.fullName, merged: m.merged.fullName,
            when: SiteFormat.dateTime(m.mergedAt), by: m.mergedBy.displayName, reason: m.reason)
    }
}
