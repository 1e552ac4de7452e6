import Fluent
import SafeguardCore
import Vapor

/// Serious incident notifications: a case worker raises a need-to-know from the child's record; the business
/// unit completes it from what the platform already holds, tells the national panel within 5 working days and
/// records when. ``SeriousIncidentNotification`` decides each step; this loads, saves, tells people and audits.
struct SeriousIncidentsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.personSeriousIncidentNew(.param("personID")), for: [.raiseSeriousIncident], use: raiseForm)
        routes.post(.personSeriousIncidentNew(.param("personID")), for: [.raiseSeriousIncident], use: raise)
        routes.get(.seriousIncidents, for: [.viewSeriousIncidents], use: list)
        routes.get(.seriousIncident(.param("incidentID")), for: [.viewSeriousIncidents], use: show)
        routes.get(.seriousIncidentJSON(.param("incidentID")), for: [.viewSeriousIncidents], use: json)
        routes.post(.seriousIncidentComplete(.param("incidentID")), for: [.manageSeriousIncidents], use: complete)
        routes.post(.seriousIncidentNotified(.param("incidentID")), for: [.manageSeriousIncidents], use: notified)
        routes.post(.seriousIncidentClose(.param("incidentID")), for: [.manageSeriousIncidents], use: close)
    }

    // MARK: Raising, from the child's record

    func raiseForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(
            .raiseSeriousIncident, personID: req.personID(), on: req, offerBreakGlass: true)
        let snapshot = try await PersonSnapshotLoader.load(person, on: req.db, today: req.today)
        return RaiseSeriousIncidentView(
            personID: person.id!, snapshot: snapshot, isAdult: Self.isAdult(person, today: req.today),
            fields: [:], errors: FormErrors()
        ).render(on: req)
    }

    func raise(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(
            .raiseSeriousIncident, personID: req.personID(), on: req, offerBreakGlass: true)
        var fields = try FormBody.fields(req)
        // A checkbox posts as "abuse-or-neglect[]"; the form reads it back under its own name.
        fields["abuse-or-neglect"] = try FormBody.list(req, "abuse-or-neglect").contains("yes") ? "yes" : nil
        let today = req.today
        let now = req.now
        let personID = person.id!
        let snapshot = try await PersonSnapshotLoader.load(person, on: req.db, today: today)
        let reason = SeriousIncidentReason(rawValue: fields["reason"] ?? "")
        let incidentOn = SimpleDate(
            day: fields["incident-day"] ?? "", month: fields["incident-month"] ?? "",
            year: fields["incident-year"] ?? "")
        let whatHappened = TypedText.cleaned(fields["what-happened"] ?? "")
        var errors = FormErrors()
        for p in SeriousIncidentNotification.raiseProblems(
            reason: reason, incidentOn: incidentOn, whatHappened: whatHappened,
            abuseOrNeglect: fields["abuse-or-neglect"] == "yes", dateOfBirth: snapshot.dateOfBirth, today: today)
        {
            errors.add(p.field, p.message)
        }
        if whatHappened.count > 4000 {
            errors.add("what-happened", "Keep it to 4,000 characters: the business unit will ask for more")
        }
        guard errors.isEmpty, let reason, let incidentOn else {
            return RaiseSeriousIncidentView(
                personID: personID, snapshot: snapshot, isAdult: Self.isAdult(person, today: today), fields: fields,
                errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let notification = SeriousIncidentNotification(
            child: snapshot, reason: reason, incidentOn: incidentOn, whatHappened: whatHappened)
        let emailConfigured = req.notifications.isConfigured
        try await req.audit.write(on: req.db) { db in
            let record = SeriousIncidentRecord()
            record.reference = try await YearlyReference.seriousIncident.next(
                SeriousIncidentRecord.self, \.$reference, year: today.year, on: db)
            record.$person.id = personID
            record.$raisedBy.id = viewer.userID
            record.$raisedAgency.id = viewer.agencyID
            record.raisedAt = now
            record.set(notification, at: now)
            try await record.create(on: db)
            // The business unit is told at once; the message names no child, as e-mail copies leave the platform.
            try await UserNotification.tell(
                try await UserNotification.businessUnit(on: db),
                subject: "Serious incident notification \(record.reference) raised",
                body:
                    "\(viewer.displayName) (\(viewer.agencyName)) has raised a serious incident notification. The national panel must be told within 5 working days of the local authority becoming aware.",
                link: .seriousIncident(record.id!), at: now, emailConfigured: emailConfigured, on: db)
            return (
                (),
                [
                    viewer.event(
                        .create, "serious-incident", record.id!.uuidString, reason: "raised for person \(personID)",
                        on: req)
                ]
            )
        }
        req.notifications.sendPending(app: req.application)
        return req.redirect(
            to: SiteURL.person(personID).with(query: [("done", PersonRecordView.Flash.seriousIncident.rawValue)]),
            redirectType: .normal)
    }

    static func isAdult(_ person: Person, today: SimpleDate) -> Bool {
        person.dateOfBirth.flatMap(SimpleDate.init(iso:)).map { $0.age(on: today) >= 18 } ?? false
    }

    // MARK: The business unit and the review groups

    func list(req: Request) async throws -> Response {
        let viewer = try req.require(.viewSeriousIncidents)
        let records = try await SeriousIncidentRecord.query(on: req.db).sort(\.$raisedAt, .descending).all()
        try await req.audit.record(viewer.event(.view, "serious-incidents", "list", on: req), on: req.db)
        return SeriousIncidentListView(
            rows: records.map { SeriousIncidentListing($0, today: req.today, calendar: req.safeguard.calendar) }
        ).render(on: req)
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.require(.viewSeriousIncidents)
        let record = try await Self.record(req)
        try await req.audit.record(viewer.event(.view, "serious-incident", record.id!.uuidString, on: req), on: req.db)
        return try await Self.page(record, viewer: viewer, on: req, fields: nil, errors: FormErrors())
            .render(on: req)
    }

    func complete(req: Request) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let record = try await Self.record(req)
        let id = record.id!
        let fields = try FormBody.fields(req)
        var n = record.notification
        var errors = FormErrors()
        if !n.mayComplete {
            errors.add(
                "place",
                "This notification has been \(n.status == .notified ? "sent" : "closed") and can no longer be changed")
        }
        n.place = TypedText.cleaned(fields["place"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        n.policeInvestigation = PoliceInvestigation(rawValue: fields["police"] ?? "")
        n.policeDetails = TypedText.cleaned(fields["police-details"] ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        n.linkedCases = TypedText.cleaned(fields["linked-cases"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let awareTyped = ["aware-day", "aware-month", "aware-year"].contains { !(fields[$0] ?? "").isEmpty }
        n.awareOn = SimpleDate(
            day: fields["aware-day"] ?? "", month: fields["aware-month"] ?? "", year: fields["aware-year"] ?? "")
        if awareTyped && n.awareOn == nil {
            errors.add("aware-day", "Enter the day the local authority became aware as a real date, like 2 11 2026")
        }
        for p in n.savingProblems(today: req.today) { errors.add(p.field, p.message) }
        guard errors.isEmpty else {
            return try await Self.page(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let completed = n
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(record) { $0.notification == record.notification }
            record.set(completed, at: now)
            try await record.update(on: db)
            return (
                (),
                [viewer.event(.change, "serious-incident", id.uuidString, reason: "notification completed", on: req)]
            )
        }
        return req.redirect(to: SiteURL.seriousIncident(id).with(query: [("done", "saved")]), redirectType: .normal)
    }

    func notified(req: Request) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let record = try await Self.record(req)
        let id = record.id!
        let fields = try FormBody.fields(req)
        var n = record.notification
        var errors = FormErrors()
        if let day = SimpleDate(
            day: fields["notified-day"] ?? "", month: fields["notified-month"] ?? "",
            year: fields["notified-year"] ?? "")
        {
            do throws(FieldProblem) {
                try n.recordNotified(
                    on: day, lateReason: TypedText.cleaned(fields["late-reason"] ?? ""), today: req.today,
                    calendar: req.safeguard.calendar)
            } catch {
                errors.add(
                    error.field == "notified-day" || error.field == "late-reason" ? error.field : "notified-day",
                    error.message)
            }
        } else {
            errors.add("notified-day", "Enter the day the national panel was told, like 2 11 2026")
        }
        guard errors.isEmpty else {
            return try await Self.page(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let sent = n
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(record) { $0.notification == record.notification }
            record.set(sent, at: now)
            record.$notifiedBy.id = viewer.userID
            try await record.update(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "serious-incident", id.uuidString,
                        reason: "national panel notified on \(sent.notifiedOn!.iso)"
                            + (sent.lateReason.isEmpty ? "" : " (late: \(sent.lateReason))"), on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.seriousIncident(id).with(query: [("done", "notified")]), redirectType: .normal)
    }

    func close(req: Request) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let record = try await Self.record(req)
        let id = record.id!
        let fields = try FormBody.fields(req)
        var n = record.notification
        let reason = TypedText.cleaned(fields["close-reason"] ?? "")
        do throws(FieldProblem) { try n.closeAsNotNotifiable(reason: reason) } catch {
            var errors = FormErrors()
            errors.add("close-reason", error.message)
            return try await Self.page(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let emailConfigured = req.notifications.isConfigured
        let raiser = record.$raisedBy.id
        let reference = record.reference
        let closed = n
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(record) { $0.notification == record.notification }
            record.set(closed, at: now)
            try await record.update(on: db)
            try await UserNotification(
                userID: raiser, subject: "Serious incident notification \(reference) closed",
                body:
                    "The business unit found it does not meet the criteria for notifying the national panel: \(closed.notNotifiableReason)",
                link: SiteURL.notifications.path, at: now, emailConfigured: emailConfigured
            ).create(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "serious-incident", id.uuidString,
                        reason: "closed as not notifiable: \(closed.notNotifiableReason)", on: req)
                ]
            )
        }
        req.notifications.sendPending(app: req.application)
        return req.redirect(to: SiteURL.seriousIncident(id).with(query: [("done", "closed")]), redirectType: .normal)
    }

    /// The notification as JSON, for the national panel's form or the partnership's own records.
    func json(req: Request) async throws -> Response {
        let viewer = try req.require(.viewSeriousIncidents)
        let record = try await Self.record(req)
        let notifier = try await record.$notifiedBy.get(on: req.db)
        var notifierAgency: String?
        if let notifier { notifierAgency = try await notifier.$agency.get(on: req.db).name }
        let dto = SeriousIncidentDTO(
            record,
            notifier: notifier.map { ($0.displayName, $0.userRole?.displayName ?? $0.role, notifierAgency ?? "") },
            calendar: req.safeguard.calendar)
        try await req.audit.record(
            viewer.event(.export, "serious-incident", record.id!.uuidString, reason: "notification JSON", on: req),
            on: req.db)
        let response = try await dto.encodeResponse(for: req)
        response.headers.replaceOrAdd(
            name: HTTPHeaders.Name.contentDisposition, value: "attachment; filename=\"\(record.reference).json\"")
        return response
    }

    static func record(_ req: Request) async throws -> SeriousIncidentRecord {
        guard let id = req.parameters.get("incidentID", as: UUID.self),
            let record = try await SeriousIncidentRecord.find(id, on: req.db)
        else {
            throw Abort(.notFound)
        }
        return record
    }

    /// For My work: what the business unit must do next about each open notification, most pressing first.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        guard viewer.may(.manageSeriousIncidents) else { return [] }
        let open = try await SeriousIncidentRecord.query(on: req.db).filter(
            \.$status == SeriousIncidentStatus.raised
        ).sort(\.$raisedAt).all()
        return open.map { r in
            let listing = SeriousIncidentListing(r, today: req.today, calendar: req.safeguard.calendar)
            return MyWorkController.Item(
                title: "Notify the national panel: \(r.reference) (\(listing.child))", url: .seriousIncident(r.id!),
                detail: listing.nextStep, urgent: listing.rag != .green)
        }
    }
}
