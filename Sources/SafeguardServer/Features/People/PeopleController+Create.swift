import Fluent
import SafeguardCore
import Vapor

extension PeopleController {
    func newPerson(req: Request) async throws -> Response {
        try req.require(.createPerson)
        return PersonFormView(form: PersonForm(), errors: FormErrors(), personID: nil).render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.require(.createPerson)
        let form = try req.content.decode(PersonForm.self)
        let valid: PersonForm.Valid
        switch form.validate(today: req.today) {
        case .success(let v): valid = v
        case .failure(let box):
            return PersonFormView(form: form, errors: box.errors, personID: nil).render(
                on: req, status: .unprocessableEntity)
        }
        var reuse: UUID?
        if let typed = valid.typedHome {
            switch KnownHomes.placement(for: try await KnownHomes.lookup(typed, on: req.db), choice: .init(form.home)) {
            case .ask(let offered):
                var errors = FormErrors()
                if form.homeAsked == "yes" {
                    errors.add("home", "Select the home this is, or that it is a different address")
                }
                return PersonFormView(form: form, errors: errors, personID: nil, offered: offered)
                    .render(on: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
            case .reuse(let id): reuse = id
            case .create: reuse = nil
            }
        }
        let person = try await PersonWriter.create(valid, reusingHome: reuse, by: viewer, on: req)
        return req.redirect(to: SiteURL.person(person).with(query: [("done", "created")]), redirectType: .normal)
    }

    func edit(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        var form = PersonForm(person: person)
        form.openedAs = form.shownStamp.stamp
        return PersonFormView(form: form, errors: FormErrors(), personID: person.id).render(on: req)
    }

    /// Saves the details unless a colleague saved them after this form was opened (``OpenedAs``): then nothing is
    /// saved, and the form comes back with what was typed, what is saved now, and the stamp to save over it.
    func update(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        var form = try req.content.decode(PersonForm.self)
        form.addressLine1 = nil
        form.addressLine2 = nil
        form.addressTown = nil
        form.addressPostcode = nil
        switch form.validate(today: req.today) {
        case .failure(let box):
            return PersonFormView(form: form, errors: box.errors, personID: person.id).render(
                on: req, status: .unprocessableEntity)
        case .success(let valid):
            let id = try person.requireID()
            let sent = form.openedAs
            let saved = try await req.audit.write(on: req.db) { db -> (PersonEditOutcome, [AuditEvent]) in
                let stored = try await db.lockedForWrite(Person.self, id)
                let storedForm = PersonForm(person: stored)
                if case .changedMeanwhile(let now) = OpenedAs.decide(sent: sent, storedNow: storedForm.shownStamp) {
                    // Their details are shown beside the typed ones: a read of the record.
                    return (.changedMeanwhile(storedForm, now), [viewer.event(.view, "person", id.uuidString, on: req)])
                }
                valid.apply(to: stored)
                try await stored.update(on: db)
                try await ChronologyEntry(
                    personID: id, occurredAt: req.now, agencyID: viewer.agencyID, category: "Record",
                    summary: "Personal details changed", recordedBy: viewer.userID
                ).create(on: db)
                return (.saved, [viewer.event(.change, "person", id.uuidString, on: req)])
            }
            switch saved {
            case .changedMeanwhile(let stored, let now):
                form.openedAs = now.stamp
                return PersonFormView(
                    form: form, errors: FormErrors(), personID: id, meanwhile: form.differences(from: stored)
                )
                .render(on: req, status: .conflict)
            case .saved:
                try await req.safeguard.personIndex.refresh([id], on: req.db)
                return req.redirect(to: SiteURL.person(id).with(query: [("done", "updated")]), redirectType: .normal)
            }
        }
    }
}

private enum PersonEditOutcome: Sendable {
    case saved
    /// The details as saved now, and their stamp.
    case changedMeanwhile(PersonForm, OpenedAs)
}

/// Creating a person: the record, its first address, the creating agency's involvement and
/// the first chronology entry, in one transaction with its audit entry. The web form and the
/// API both come here.
enum PersonWriter {
    static func create(
        _ v: PersonForm.Valid, reusingHome home: UUID?, by viewer: Viewer, on req: Request
    ) async throws -> UUID {
        try await create(
            v, reusingHome: home, agencyID: viewer.agencyID, userID: viewer.userID, auditUser: viewer.userID.uuidString,
            on: req)
    }

    /// `home` is the recorded home the address was found to be (see ``KnownHomes``); nil files a new address row.
    static func create(
        _ v: PersonForm.Valid, reusingHome home: UUID?, agencyID: UUID, userID: UUID?, auditUser: String,
        on req: Request
    ) async throws -> UUID {
        let now = req.now
        let today = req.today
        let created = try await req.audit.write(on: req.db) { db in
            let person = Person()
            v.apply(to: person)
            try await person.create(on: db)
            let id = try person.requireID()
            if let typed = v.typedHome {
                let addressID = try await KnownHomes.addressID(reusing: home, typed: typed, on: db)
                try await Residence(personID: id, addressID: addressID, from: today.iso, to: nil).create(on: db)
            }
            try await AgencyInvolvement(personID: id, agencyID: agencyID, startedOn: today.iso).create(on: db)
            let agencyName = try await Agency.find(agencyID, on: db)?.name ?? "An agency"
            try await ChronologyEntry(
                personID: id, occurredAt: now, agencyID: agencyID, category: "Record",
                summary: "Record created by \(agencyName)", recordedBy: userID
            ).create(on: db)
            let event = AuditEvent(
                userID: auditUser, agencyID: agencyID.uuidString, action: .create, recordType: "person",
                recordID: id.uuidString, sourceAddress: req.sourceAddress)
            return (id, [event])
        }
        try await req.safeguard.personIndex.refresh([created], on: req.db)
        return created
    }
}
