import Fluent
import SafeguardCore
import Vapor

/// Recording a strategy discussion about a referral.
struct StrategyDiscussionsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.referralStrategyDiscussion(.param("referralID")), for: [.recordStrategyDiscussion], use: form)
        routes.post(.referralStrategyDiscussion(.param("referralID")), for: [.recordStrategyDiscussion], use: record)
    }

    func form(req: Request) async throws -> Response {
        let (_, referral) = try await MASHController.load(req, .recordStrategyDiscussion)
        return try await Self.formPage(referral, fields: [:], chosen: [], errors: FormErrors(), on: req)
    }

    func record(req: Request) async throws -> Response {
        let (viewer, referral) = try await MASHController.load(req, .recordStrategyDiscussion)
        let id = try referral.requireID()
        let f = try FormBody.fields(req)
        let chosen = try FormBody.list(req, "agencies").compactMap(UUID.init(uuidString:))
        var errors = FormErrors()
        let heldAt = Self.instant(
            day: f["held-day"], month: f["held-month"], year: f["held-year"], time: f["held-time"])
        if heldAt == nil {
            errors.add("held-day", "Enter the date and time it was held, for example 27 3 2026 and 14:30")
        } else if heldAt! > req.now {
            errors.add("held-day", "The discussion must have happened already: record it afterwards")
        }
        let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ chosen).all()
        let missing = StrategyDiscussionRules.missingPartners(attending: agencies.map(\.kind))
        if agencies.isEmpty {
            errors.add("agencies", "Select the agencies that took part")
        } else if !missing.isEmpty {
            errors.add(
                "agencies",
                "A strategy discussion needs social care, police and health: \(missing.map(\.rawValue).joined(separator: " and ")) did not take part"
            )
        }
        for (field, label) in [
            ("attendees", "who took part"), ("information-shared", "what was shared"),
            ("decisions", "what was decided"),
        ]
        where (f[field] ?? "").count < 5 {
            errors.add(field, "Record \(label)")
        }
        let s47 = f["section47"]
        if s47 != "yes" && s47 != "no" { errors.add("section47", "Select whether a section 47 enquiry starts") }
        guard errors.isEmpty, let heldAt else {
            return try await Self.formPage(
                referral, fields: f, chosen: chosen, errors: errors, on: req, status: .unprocessableEntity)
        }
        let heldOn = SimpleDate(heldAt)
        let due =
            s47 == "yes"
            ? try StrategyDiscussionRules.conferenceDue(heldOn: heldOn, calendar: req.safeguard.calendar) : nil
        let subjects = try await referral.$subjects.query(on: req.db).all()
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            let d = StrategyDiscussion()
            d.$referral.id = id
            d.heldAt = heldAt
            d.attendees = f["attendees"] ?? ""
            d.informationShared = f["information-shared"] ?? ""
            d.section47 = s47 == "yes"
            d.decisions = f["decisions"] ?? ""
            d.actions = f["actions"] ?? ""
            d.conferenceDue = due?.iso
            d.$recordedBy.id = viewer.userID
            d.recordedAt = now
            try await d.create(on: db)
            for a in agencies { try await StrategyAttendance(discussionID: d.id!, agencyID: a.id!).create(on: db) }
            for s in subjects {
                guard let pid = s.$person.id else { continue }
                let summary =
                    "Strategy discussion about \(referral.reference): "
                    + (due.map {
                        "section 47 enquiry started; initial child protection conference due by \($0.longText)"
                    } ?? "no section 47 enquiry")
                try await ChronologyEntry(
                    personID: pid, occurredAt: heldAt, agencyID: viewer.agencyID, category: "Strategy discussion",
                    summary: summary, recordedBy: viewer.userID, visibility: .safeguarding, recordedAt: req.now
                ).create(on: db)
            }
            return (
                (), [viewer.event(.create, "strategy-discussion", d.id!.uuidString, reason: "referral \(id)", on: req)]
            )
        }
        return req.redirect(to: SiteURL.referral(id).path, redirectType: .normal)
    }

    /// The form, with every active agency to choose from.
    static func formPage(
        _ referral: Referral, fields: [String: String], chosen: [UUID], errors: FormErrors, on req: Request,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all()
        return StrategyDiscussionFormView(
            referralID: try referral.requireID(), reference: referral.reference,
            agencies: try agencies.map { .init(id: try $0.requireID(), name: $0.name) },
            fields: fields, chosen: chosen, errors: errors
        ).render(on: req, status: status)
    }

    /// A UK local date and "HH:MM" time as an instant.
    static func instant(day: String?, month: String?, year: String?, time: String?) -> Date? {
        guard let d = Int(day ?? ""), let m = Int(month ?? ""), let y = Int(year ?? ""),
            let date = SimpleDate(year: y, month: m, day: d)
        else { return nil }
        let parts = (time ?? "").split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let min = Int(parts[1]), (0..<24).contains(h),
            (0..<60).contains(min)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.london
        return calendar.date(
            from: DateComponents(year: date.year, month: date.month, day: date.day, hour: h, minute: min))
    }
}
