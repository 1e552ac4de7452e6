import SafeguardCore
import Vapor

/// The parts of the MASH referral page, each a titled section.
enum MASHReferralSections {
    static func subjects(_ r: MASHReferralRecord, csrf: String) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Who it is about" }
            for s in r.subjects {
                el("div", .class("sg-summary-card")) {
                    el("div", .class("sg-summary-card__title-wrapper")) {
                        el("h3", .class("sg-summary-card__title")) {
                            s.name + (s.dob.map { ", born \($0.longText)" } ?? ", date of birth not known")
                        }
                    }
                    el("div", .class("sg-summary-card__content")) {
                        if let (pid, name) = s.linkedPerson {
                            el("p", .class("sg-body")) {
                                "Linked to "
                                el("a", .href(.person(pid)), .class("sg-link")) { name }
                            }
                            // An assessment started here is tied to this referral.
                            if r.mayDecide {
                                el("p", .class("sg-body")) {
                                    el(
                                        "a",
                                        Attr(
                                            "href",
                                            SiteURL.personAssessmentNew(pid).with(query: [("referral", r.id.uuidString)]
                                            )), .class("sg-link")
                                    ) {
                                        "Start an assessment"
                                        el("span", .class("sg-visually-hidden")) { " about \(name)" }
                                    }
                                }
                            }
                        } else if r.mayDecide {
                            el("form", .postMethod, .action(.referralLink(r.id, s.id))) {
                                Components.csrfField(csrf)
                                Components.radios(
                                    "person", legend: "Is this someone already known?",
                                    options: s.candidates.map { ($0.id.uuidString, "\($0.name) (\($0.why))") }
                                        + [("new", "No, create a new record")],
                                    selected: s.candidates.isEmpty ? "new" : "", errors: FormErrors())
                                Components.button("Link", kind: "secondary")
                            }
                        } else {
                            el("p", .class("sg-body")) { "Not yet linked to a person record." }
                        }
                    }
                }
            }
        }
    }

    static func triage(_ r: MASHReferralRecord, csrf: String, errors: FormErrors, form: [String: String]) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) {
                r.rag == nil ? "Rate the referral and ask partners" : "Change the rating or ask more partners"
            }
            el("form", .postMethod, .action(.referralTriage(r.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "rag", legend: "RAG rating",
                    options: [
                        ("red", "Red: partners answer within 4 working hours"),
                        ("amber", "Amber: within 24 working hours"),
                        ("green", "Green: within 72 working hours"),
                    ], selected: form["rag"] ?? r.rag?.rawValue ?? "", errors: errors)
                partnerChoice(r, errors: errors)
                Components.button("Rate and ask partners")
            }
        }
    }

    static func requests(_ r: MASHReferralRecord, csrf: String) -> Node {
        guard !r.requests.isEmpty else { return .empty }
        return Components.table(
            caption: "What partners know", headers: ["Agency", "Due", "Status", "Answer"],
            rows: r.requests.map { q in
                [
                    .text(q.agency),
                    .text(
                        SiteFormat.dateTime(q.due)
                            + (q.dueAtDecision ? " (the decision deadline: earlier than its RAG time)" : "")),
                    q.answered != nil
                        ? Components.tag("Answered", colour: "green")
                        : q.overdue
                            ? Components.tag("Overdue", colour: "red") : Components.tag("Waiting", colour: "grey"),
                    q.answered != nil
                        ? .text(q.answer ?? "")
                        : el("form", .postMethod, .action(.informationRequestChase(q.id))) {
                            Components.csrfField(csrf)
                            el("button", .type("submit"), .class("sg-button sg-button--secondary sg-!-margin-bottom-0"))
                            {
                                q.chased == nil ? "Chase" : "Chase again"
                                el("span", .class("sg-visually-hidden")) { " " + q.agency }
                            }
                        },
                ]
            })
    }

    static func decisions(_ r: MASHReferralRecord) -> Node {
        guard !r.decisions.isEmpty else { return .empty }
        return fragment {
            el("h2", .class("sg-heading-m")) { "Decision" }
            for d in r.decisions {
                Components.summaryList([
                    ("Level of need", .text(String(d.level))), ("Outcome", .text(d.outcome)),
                    ("Rationale", .text(d.rationale)),
                    ("Decided by", .text("\(d.by), \(SiteFormat.dateTime(d.at))")),
                    (
                        "Sign-off",
                        .text(
                            d.signedOffBy.map { "Signed off by \($0)" } ?? d.returnedNote.map { "Returned: \($0)" }
                                ?? "Waiting for a MASH manager")
                    ),
                ])
            }
        }
    }
}
