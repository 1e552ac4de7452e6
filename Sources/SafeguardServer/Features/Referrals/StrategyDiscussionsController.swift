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
        return try await StrategyDiscussionFormView.load(referral, form: [:], chosen: [], errors: FormErrors(), on: req)
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
            return try await StrategyDiscussionFormView.load(
                referral, form: f, chosen: chosen, errors: errors, on: req, status: .unprocessableEntity)
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

/// The strategy discussion form.
enum StrategyDiscussionFormView {
    static func load(
        _ referral: Referral, form f: [String: String], chosen: [UUID], errors: FormErrors, on req: Request,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all()
        let id = referral.id!
        return req.page("Record a strategy discussion", section: .mash, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.referral(id), "Back to \(referral.reference)")
            Components.errorSummary(errors)
            el("span", .class("sg-caption-l")) { referral.reference }
            el("h1", .class("sg-heading-l")) { "Record a strategy discussion" }
            el("form", .postMethod, .action(.referralStrategyDiscussion(id)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.dateInput(
                    "held", legend: "When was it held?", day: f["held-day"] ?? "", month: f["held-month"] ?? "",
                    year: f["held-year"] ?? "",
                    errors: errors, hint: "For example, 27 3 2026")
                Components.textInput(
                    "held-time", label: "Time", value: f["held-time"] ?? "", errors: errors,
                    hint: "24-hour clock, for example 14:30", width: "5")
                el("div", .class(errors["agencies"] != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
                    el("fieldset", .class("sg-fieldset")) {
                        el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { "Agencies that took part" }
                        el("div", .class("sg-hint")) { "Social care, police and health at least" }
                        if let e = errors["agencies"] { Components.errorMessage("agencies", e) }
                        el("div", .class("sg-checkboxes")) {
                            for (i, a) in agencies.enumerated() {
                                let fid = i == 0 ? "agencies" : "agency-\(a.id!)"
                                el("div", .class("sg-checkboxes__item")) {
                                    void(
                                        "input",
                                        attrs: [
                                            .class("sg-checkboxes__input"), .id(fid), .name("agencies[]"),
                                            .type("checkbox"), .value(a.id!.uuidString),
                                        ]
                                            + (chosen.contains(a.id!) ? [.flag("checked")] : []))
                                    el("label", .class("sg-label sg-checkboxes__label"), .for(fid)) { a.name }
                                }
                            }
                        }
                    }
                }
                Components.textarea(
                    "attendees", label: "Who took part", value: f["attendees"] ?? "", errors: errors,
                    hint: "Names and roles", rows: 3)
                Components.textarea(
                    "information-shared", label: "Information shared", value: f["information-shared"] ?? "",
                    errors: errors, rows: 6)
                Components.radios(
                    "section47", legend: "Does a section 47 enquiry start?", options: [("yes", "Yes"), ("no", "No")],
                    selected: f["section47"] ?? "", errors: errors, inline: true)
                Components.textarea(
                    "decisions", label: "Decisions", value: f["decisions"] ?? "", errors: errors, rows: 4)
                Components.textarea(
                    "actions", label: "Actions (optional)", value: f["actions"] ?? "", errors: errors,
                    hint: "One per line: what, who, by when", rows: 4)
                Components.button("Save strategy discussion")
            }
        }
    }
}
