import SafeguardCore
import Vapor

extension MASHReferralSections {
    static func decisionForm(
        _ r: MASHReferralRecord, csrf: String, errors: FormErrors, form: [String: String], continuum: ContinuumOfNeed
    ) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Record the decision" }
            el("form", .postMethod, .action(.referralDecision(r.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "level", legend: "Level of need",
                    options: continuum.levels.map {
                        (
                            String($0.number),
                            "\($0.number) \($0.name)" + ($0.description.isEmpty ? "" : ": \($0.description)")
                        )
                    },
                    selected: form["level"] ?? "", errors: errors)
                Components.radios(
                    "outcome", legend: "Outcome",
                    options: ReferralOutcome.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: form["outcome"] ?? "", errors: errors)
                Components.textarea(
                    "rationale", label: "Rationale", value: form["rationale"] ?? "", errors: errors,
                    hint: "What you weighed, what partners said, the child's or adult's voice, and why this response.",
                    rows: 6)
                Components.button("Record decision for sign-off")
            }
        }
    }

    static func signOffForm(_ r: MASHReferralRecord, csrf: String, errors: FormErrors, form: [String: String]) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Manager sign-off" }
            el("form", .postMethod, .action(.referralSignOff(r.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "sign-off", legend: "Do you agree with the decision?",
                    options: [
                        (SignOffChoice.approve.rawValue, "Yes, sign it off: the referrer will see the outcome"),
                        (SignOffChoice.returnToTeam.rawValue, "No, return it to the team"),
                    ], selected: form["sign-off"] ?? "", errors: errors)
                Components.textarea(
                    "note", label: "Note (needed when returning)", value: form["note"] ?? "", errors: errors, rows: 3)
                Components.button("Confirm")
            }
        }
    }
}
