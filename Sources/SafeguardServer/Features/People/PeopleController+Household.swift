import Fluent
import SafeguardCore
import Vapor

extension PeopleController {
    /// Records the viewer's agency as working with the person: after breaking the glass, this
    /// is how a worker who has just met a family gains lasting need to know.
    func recordInvolvement(req: Request) async throws -> Response {
        let (viewer, person, relationship) = try await PersonAccess.authorise(
            .recordInvolvement, personID: req.personID(), on: req)
        let id = try person.requireID()
        if relationship != .agencyInvolved {
            let today = req.today
            let now = req.now
            try await req.audit.write(on: req.db) { db in
                try await AgencyInvolvement(personID: id, agencyID: viewer.agencyID, startedOn: today.iso).create(
                    on: db)
                try await ChronologyEntry(
                    personID: id, occurredAt: now, agencyID: viewer.agencyID, category: "Involvement",
                    summary: "\(viewer.agencyName) started working with \(person.firstName)", recordedBy: viewer.userID
                ).create(on: db)
                return (
                    (), [viewer.event(.change, "person", id.uuidString, reason: "agency involvement recorded", on: req)]
                )
            }
        }
        return req.redirect(to: SiteURL.person(id).with(query: [("done", "involvement")]), redirectType: .normal)
    }

    func otherNameForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        return OtherNameFormView(
            personID: person.id!, personName: person.fullName, kind: "", name: "", errors: FormErrors()
        ).render(on: req)
    }

    func addOtherName(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        let kindText = (try? req.content.get(String.self, at: "kind")) ?? ""
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmed
        var errors = FormErrors()
        let kind = OtherNameKind(rawValue: kindText)
        if kind == nil { errors.add("kind", "Select what kind of name this is") }
        if name.isEmpty || !TypedText.hasVisibleCharacter(name) {
            errors.add("name", "Enter the other name")
        } else if name.count > 200 {
            errors.add("name", "Name must be 200 characters or fewer")
        }
        guard let kind, errors.isEmpty else {
            return OtherNameFormView(
                personID: person.id!, personName: person.fullName, kind: kindText, name: name, errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let id = try person.requireID()
        try await req.audit.write(on: req.db) { db in
            try await OtherName(personID: id, kind: kind, name: name).create(on: db)
            return ((), [viewer.event(.change, "person", id.uuidString, reason: "other name added", on: req)])
        }
        try await req.safeguard.personIndex.refresh([id], on: req.db)
        return req.redirect(to: SiteURL.person(id).with(query: [("done", "othername")]), redirectType: .normal)
    }

    func addressForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        return AddressFormView(
            personID: person.id!, personName: person.fullName, form: AddressForm(), offered: [], errors: FormErrors()
        ).render(on: req)
    }

    /// Files the person at the address typed. A home already recorded is reused, or offered when the
    /// matcher is unsure, so one home never becomes two rows with two police markers.
    func addAddress(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.editPerson, personID: req.personID(), on: req)
        let form = try req.content.decode(AddressForm.self)
        let id = try person.requireID()
        func again(_ errors: FormErrors, offered: [PossibleHome] = []) -> Response {
            AddressFormView(personID: id, personName: person.fullName, form: form, offered: offered, errors: errors)
                .render(on: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
        }
        let v: AddressForm.Valid
        switch form.validate(today: req.today) {
        case .failure(let box): return again(box.errors)
        case .success(let valid): v = valid
        }
        let reuse: UUID?
        switch KnownHomes.placement(for: try await KnownHomes.lookup(v.typedHome, on: req.db), choice: .init(form.home))
        {
        case .ask(let offered):
            var errors = FormErrors()
            if form.homeAsked == "yes" {
                errors.add("home", "Select the home this is, or that it is a different address")
            }
            return again(errors, offered: offered)
        case .reuse(let existing): reuse = existing
        case .create: reuse = nil
        }
        let current = try await Residence.query(on: req.db).filter(\.$person.$id == id).filter(\.$toDate == nil).all()
        if let reuse, current.contains(where: { $0.$address.id == reuse }) {
            var errors = FormErrors()
            errors.add(
                "address-line1",
                "\(person.firstName) already lives at this address: enter the address they have moved to")
            return again(errors)
        }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            // Moving in somewhere ends the current residence the day before, so history has no overlaps.
            for r in current where r.fromDate < v.from.iso {
                r.toDate = v.dayBefore.iso
                try await r.update(on: db)
            }
            let addressID = try await KnownHomes.addressID(reusing: reuse, typed: v.typedHome, on: db)
            try await Residence(personID: id, addressID: addressID, from: v.from.iso, to: nil).create(on: db)
            try await ChronologyEntry.onDay(
                v.from, personID: id, agencyID: viewer.agencyID, category: "Address",
                summary: "Moved to a new address on \(v.from.longText)", recordedBy: viewer.userID, recordedAt: now
            ).create(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "person", id.uuidString,
                        reason: reuse == nil ? "address added" : "address added: an existing home", on: req)
                ]
            )
        }
        try await req.safeguard.personIndex.refresh([id], on: req.db)
        return req.redirect(
            to: SiteURL.person(id).with(query: [("done", reuse == nil ? "address" : "address-shared")]),
            redirectType: .normal)
    }
}
