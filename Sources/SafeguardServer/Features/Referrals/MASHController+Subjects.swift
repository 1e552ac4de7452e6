import Fluent
import SafeguardCore
import Vapor

extension MASHController {
    /// Links a referral's subject to an existing person, or creates the person from what the
    /// referrer said. Either way the referring agency becomes involved and the referral joins
    /// the person's chronology.
    func linkSubject(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.load(req, .recordDecision)
        let id = try referral.requireID()
        guard let sid = req.parameters.get("subjectID", as: UUID.self),
            let subject = try await ReferralSubject.query(on: req.db).filter(\.$id == sid).filter(\.$referral.$id == id)
                .first()
        else {
            throw Abort(.notFound)
        }
        let choice = (try FormBody.fields(req))["person"] ?? ""
        let now = req.now
        let today = req.today
        var chosen: Person?
        if choice != "new" {
            guard let pid = UUID(uuidString: choice), let p = try await Person.find(pid, on: req.db),
                p.$mergedInto.id == nil
            else {
                throw Abort(.badRequest, reason: "Choose a person from the list, or create a new record.")
            }
            chosen = p
        }
        let existing = chosen
        let agencyName = try await Agency.find(referral.$referrerAgency.id, on: req.db)?.name ?? "an agency"
        let linked = try await req.audit.write(on: req.db) { db in
            // Two "create a new record" presses at once would otherwise make two people of one subject.
            try await db.holdUnchanged(subject) { $0.$person.id == subject.$person.id }
            let person: Person
            var events: [AuditEvent] = []
            if let existing {
                person = existing
            } else {
                person = Person()
                person.firstName = subject.firstName
                person.middleNames = ""
                person.lastName = subject.lastName
                person.firstNameKey = Person.key(subject.firstName)
                person.lastNameKey = Person.key(subject.lastName)
                person.dateOfBirth = subject.dateOfBirth
                person.gender = subject.gender
                person.ethnicity = "Not known"
                person.nhsNumber = subject.nhsNumber
                person.language = "Not known"
                try await person.create(on: db)
                events.append(
                    viewer.event(
                        .create, "person", person.id!.uuidString, reason: "from referral \(referral.reference)", on: req
                    ))
            }
            let pid = try person.requireID()
            subject.$person.id = pid
            try await subject.update(on: db)
            for agency in Set([referral.$referrerAgency.id, viewer.agencyID]) {
                let involved =
                    try await AgencyInvolvement.query(on: db).filter(\.$person.$id == pid).filter(
                        \.$agency.$id == agency
                    ).count() > 0
                if !involved {
                    try await AgencyInvolvement(personID: pid, agencyID: agency, startedOn: today.iso).create(on: db)
                }
            }
            try await ChronologyEntry(
                personID: pid, occurredAt: referral.submittedAt ?? now, agencyID: referral.$referrerAgency.id,
                category: "Referral",
                summary:
                    "Referral \(referral.reference) to the MASH from \(agencyName): \(referral.concernList.map(\.displayName).joined(separator: ", "))",
                recordedBy: viewer.userID, visibility: .safeguarding
            ).create(on: db)
            events.append(
                viewer.event(.change, "referral", id.uuidString, reason: "subject linked to person \(pid)", on: req))
            return (pid, events)
        }
        try await req.safeguard.personIndex.refresh([linked], on: req.db)
        return req.redirect(to: SiteURL.referral(id).path, redirectType: .normal)
    }
}
