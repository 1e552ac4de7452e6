import Foundation
import SafeguardCore
import Vapor

/// "Record a strategy discussion" about one referral: when, which agencies, who, what was shared and decided.
struct StrategyDiscussionFormView {
    struct AgencyOption: Sendable {
        var id: UUID
        var name: String
    }

    var referralID: UUID
    var reference: String
    /// The active agencies, by name, any of which may have taken part.
    var agencies: [AgencyOption]
    /// What was typed, so a form with errors comes back as it was sent.
    var fields: [String: String]
    var chosen: [UUID]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Record a strategy discussion", section: .mash, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let f = fields
        return fragment {
            Components.backLink(.referral(referralID), "Back to \(reference)")
            Components.errorSummary(errors)
            el("span", .class("sg-caption-l")) { reference }
            el("h1", .class("sg-heading-l")) { "Record a strategy discussion" }
            el("form", .postMethod, .action(.referralStrategyDiscussion(referralID)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.dateInput(
                    "held", legend: "When was it held?", day: f["held-day"] ?? "", month: f["held-month"] ?? "",
                    year: f["held-year"] ?? "",
                    errors: errors, hint: "For example, 27 3 2026")
                Components.textInput(
                    "held-time", label: "Time", value: f["held-time"] ?? "", errors: errors,
                    hint: "24-hour clock, for example 14:30", width: "5")
                agencyChoices
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

    /// The agencies as checkboxes. The first box takes the field's id, so the error summary's link lands on it.
    private var agencyChoices: Node {
        el("div", .class(errors["agencies"] != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("fieldset", .class("sg-fieldset")) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { "Agencies that took part" }
                el("div", .class("sg-hint")) { "Social care, police and health at least" }
                if let e = errors["agencies"] { Components.errorMessage("agencies", e) }
                el("div", .class("sg-checkboxes")) {
                    for (i, a) in agencies.enumerated() {
                        let fid = i == 0 ? "agencies" : "agency-\(a.id)"
                        el("div", .class("sg-checkboxes__item")) {
                            void(
                                "input",
                                attrs: [
                                    .class("sg-checkboxes__input"), .id(fid), .name("agencies[]"),
                                    .type("checkbox"), .value(a.id.uuidString),
                                ]
                                    + (chosen.contains(a.id) ? [.flag("checked")] : []))
                            el("label", .class("sg-label sg-checkboxes__label"), .for(fid)) { a.name }
                        }
                    }
                }
            }
        }
    }
}

/// How promptly strategy discussions were held after referral, month by month against the
/// partnership's target, and those held late, for a manager to look at why.
struct StrategyDiscussionReportView {
    struct DistrictOption: Sendable {
        var id: UUID
        var name: String
    }
    /// One month, or the total last: figures as the table shows them.
    struct Row: Sendable {
        var month: String
        var held: Int
        /// "4 (80%)", or "–" when none was held.
        var withinTarget: String
        var medianWorkingDays: String
        var allStatutoryPartners: Int
        var section47: Int
    }
    struct Late: Sendable {
        var referralID: UUID
        var reference: String
        var referred: String
        var held: String
        var workingDays: Int
    }

    /// "1 March 2025": the first day counted.
    var since: String
    var targetWorkingDays: Int
    var districts: [DistrictOption]
    /// The district filtered on, as its id; empty for all districts.
    var selectedDistrict: String
    var rows: [Row]
    var late: [Late]

    func render(on req: Request) -> Response {
        req.page("Strategy discussion timeliness", section: .mash) { body }
    }

    var body: Node {
        let target = targetWorkingDays
        return fragment {
            Components.backLink(.mash, "Back to the MASH queue")
            el("h1", .class("sg-heading-l")) { "Strategy discussion timeliness" }
            el("p", .class("sg-body")) {
                "Discussions held since \(since), and how many working days after the referral arrived. "
                "The partnership's target is \(target == 1 ? "1 working day" : "\(target) working days")."
            }
            el("form", .getMethod, .action(.strategyDiscussionReport), .class("sg-!-margin-bottom-6")) {
                Components.select(
                    "district", label: "District",
                    options: [("", "All districts")] + districts.map { ($0.id.uuidString, $0.name) },
                    selected: selectedDistrict, errors: FormErrors())
                Components.button("Filter", kind: "secondary")
            }
            Components.table(
                caption: "By month held",
                headers: [
                    "Month", "Held", "Within target", "Median working days",
                    "Police, health and social care all there", "Section 47 started",
                ],
                rows: rows.map { r in
                    [
                        .text(r.month), .text(String(r.held)), .text(r.withinTarget), .text(r.medianWorkingDays),
                        .text(String(r.allStatutoryPartners)), .text(String(r.section47)),
                    ]
                })
            // The last row is the total, so no discussion at all in the period shows as its zero.
            if (rows.last?.held ?? 0) == 0 {
                el("p", .class("sg-body")) { "No strategy discussion was held in this period." }
            } else if late.isEmpty {
                el("p", .class("sg-body")) { "Every discussion in this period was held within the target." }
            } else {
                Components.table(
                    caption: "Held later than the target", headers: ["Referral", "Referred", "Held", "Working days"],
                    rows: late.map { l in
                        [
                            el("a", .href(.referral(l.referralID)), .class("sg-link")) { l.reference },
                            .text(l.referred), .text(l.held), .text(String(l.workingDays)),
                        ]
                    })
            }
        }
    }
}
