import Fluent
import SafeguardCore
import Vapor

/// `/protection-status-check`: in the style of CP-IS, health staff in unscheduled care look a child up by NHS
/// number, or by name and date of birth, and see only whether the child is on a child protection
/// plan, looked after, or (for an expectant mother) has an unborn plan, with the social care
/// contact. Every look-up with a status is told to the allocated social worker.
struct ProtectionStatusCheckController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.protectionStatusCheck, for: [.checkProtectionStatus], use: form)
        routes.post(.protectionStatusCheck, for: [.checkProtectionStatus], use: check)
        routes.post(.protectionStatusCheckNoticeSeen(.param("checkID")), for: .anyoneSignedIn, use: seen)
        // The page's address until December 2026: health staff have it bookmarked.
        routes.get(.formerProtectionStatusCheck, for: [.checkProtectionStatus], use: formerAddress)
    }

    func formerAddress(req: Request) async throws -> Response {
        try req.require(.checkProtectionStatus)
        return req.redirect(to: SiteURL.protectionStatusCheck.path, redirectType: .permanent)
    }

    struct Status: Sendable {
        var kind: ProtectionKind
        var since: String
        var contact: String
        var about: String?
    }

    func form(req: Request) async throws -> Response {
        try req.require(.checkProtectionStatus)
        return ProtectionStatusCheckView(fields: [:], errors: FormErrors(), result: nil).render(on: req)
    }

    func check(req: Request) async throws -> Response {
        let viewer = try req.require(.checkProtectionStatus)
        let f = try FormBody.fields(req)
        var errors = FormErrors()
        let setting = CareSetting(rawValue: f["setting"] ?? "")
        if setting == nil { errors.add("setting", "Select where you are seeing the child") }
        let person = try await Self.find(f, today: req.today, errors: &errors, on: req.db)
        guard errors.isEmpty, let person, let setting else {
            return ProtectionStatusCheckView(fields: f, errors: errors, result: nil).render(
                on: req, status: .unprocessableEntity)
        }
        let pid = try person.requireID()
        let now = req.now
        let records = try await Self.statuses(for: pid, today: req.today, on: req.db)
        try await req.audit.write(on: req.db) { db in
            var events = [
                viewer.event(
                    .view, "protection-status", pid.uuidString, reason: "health check: \(setting.rawValue)", on: req)
            ]
            if records.isEmpty {
                // A look-up with nothing to tell is still recorded, so the partnership can see who looked.
                let check = ProtectionStatusCheck()
                check.$person.id = pid
                check.$checkedBy.id = viewer.userID
                check.$agency.id = viewer.agencyID
                check.setting = setting.rawValue
                check.checkedAt = now
                try await check.create(on: db)
            }
            for r in records {
                let check = ProtectionStatusCheck()
                check.$person.id = pid
                check.$checkedBy.id = viewer.userID
                check.$agency.id = viewer.agencyID
                check.setting = setting.rawValue
                check.checkedAt = now
                check.$protection.id = try r.requireID()
                check.$socialWorker.id = r.$socialWorker.id
                try await check.create(on: db)
                try await ChronologyEntry(
                    personID: r.$person.id, occurredAt: now, agencyID: viewer.agencyID, category: "Health attendance",
                    summary:
                        "\(person.fullName) seen at \(viewer.agencyName) (\(setting.displayName)); status looked up by \(viewer.displayName)",
                    recordedBy: viewer.userID, visibility: .safeguarding
                ).create(on: db)
                events.append(
                    viewer.event(
                        .change, "protection", try r.requireID().uuidString,
                        reason: "social worker told of health look-up", on: req))
            }
            return ((), events)
        }
        let result = ProtectionStatusCheckView.Result(
            name: person.fullName,
            dateOfBirth: person.dob?.longText ?? person.expectedDob.map { "Due \($0.longText)" } ?? "Not known",
            statuses: records.map { r in
                Status(
                    kind: r.kind, since: r.start?.longText ?? r.startDate,
                    contact: r.socialWorker.contactLine,
                    about: r.$person.id == pid ? nil : r.person.fullName)
            })
        return ProtectionStatusCheckView(fields: [:], errors: FormErrors(), result: result).render(on: req)
    }

    /// The social worker marks a look-up notice as seen; it leaves their work list.
    func seen(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get("checkID", as: UUID.self),
            let check = try await ProtectionStatusCheck.find(id, on: req.db),
            check.$socialWorker.id == viewer.userID
        else { throw Abort(.notFound) }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            check.seenAt = now
            try await check.update(on: db)
            return ((), [viewer.event(.change, "status-check", id.uuidString, reason: "notice seen", on: req)])
        }
        return req.redirect(to: SiteURL.myWork.path, redirectType: .normal)
    }

    /// One person by exact NHS number, or by exact first name, last name and date of birth; a look-up that
    /// finds several asks for the NHS number instead of guessing.
    static func find(
        _ f: [String: String], today: SimpleDate, errors: inout FormErrors, on db: Database
    ) async throws -> Person? {
        let nhsText = f["nhs-number"] ?? ""
        if !nhsText.isEmpty {
            guard let nhs = try? NHSNumber(nhsText) else {
                errors.add("nhs-number", "Enter a valid 10-digit NHS number, like 943 476 5919")
                return nil
            }
            let found = try await Person.query(on: db).filter(\.$nhsNumber == nhs.digits).filter(
                \.$mergedInto.$id == nil
            ).all()
            if found.count != 1 {
                errors.add(
                    "nhs-number",
                    found.isEmpty
                        ? "No child has that NHS number here: check it, or search by name and date of birth"
                        : "More than one record has that NHS number: call the MASH")
            }
            return found.count == 1 ? found[0] : nil
        }
        let first = Person.key(f["first-name"] ?? "")
        let last = Person.key(f["last-name"] ?? "")
        let dob = FormDate.read(f, "dob", label: "date of birth", required: true, today: today, errors: &errors)
        if first.isEmpty { errors.add("first-name", "Enter the child's first name, or search by NHS number") }
        if last.isEmpty { errors.add("last-name", "Enter the child's last name, or search by NHS number") }
        guard errors.isEmpty, let dob else { return nil }
        let found = try await Person.query(on: db).filter(\.$firstNameKey == first).filter(\.$lastNameKey == last)
            .filter(\.$dateOfBirth == dob.iso).filter(\.$mergedInto.$id == nil).all()
        if found.count != 1 {
            errors.add(
                "first-name",
                found.isEmpty
                    ? "No child with that name and date of birth is recorded here: check the spelling, or use the NHS number"
                    : "More than one child has that name and date of birth: use the NHS number")
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Active records about the person, and the unborn plans of babies she is expecting.
    static func statuses(for pid: UUID, today: SimpleDate, on db: Database) async throws -> [ProtectionRecord] {
        let expecting = try await PersonRelationship.query(on: db).filter(\.$from.$id == pid).filter(
            \.$kind == RelationshipKind.mother.rawValue
        )
        .with(\.$to).all().filter { $0.to.expectedDob != nil && $0.to.dob == nil }.map(\.$to.id)
        let people = [pid] + expecting
        return try await ProtectionRecord.query(on: db).filter(\.$person.$id ~~ people).with(\.$person)
            .with(\.$socialWorker) { $0.with(\.$agency).with(\.$team) }.all()
            .filter { $0.isActive(on: today) && ($0.$person.id == pid || $0.kind == .unbornPlan) }
    }
}
