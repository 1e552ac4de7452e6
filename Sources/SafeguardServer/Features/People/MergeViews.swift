import Foundation
import SafeguardCore
import Vapor

/// "Merge with a duplicate record": likely duplicates from the matcher, or a reference typed in,
/// which record to keep, and why.
struct MergeView {
    struct Candidate: Sendable {
        var id: UUID, name: String, dateOfBirth: String, postcode: String, nhsNumber: String?, probability: Double

        var label: String {
            [
                name, "born \(dateOfBirth)", postcode.isEmpty ? nil : postcode, nhsNumber.map { "NHS \($0)" },
                "\(Int((probability * 100).rounded()))% likely the same person",
            ].compactMap { $0 }.joined(separator: ", ")
        }
    }

    var person: PersonHeading
    var candidates: [Candidate]
    /// What was typed, as sent: plain optional strings, shown back when the merge is refused.
    var form: PeopleController.MergeForm
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Merge with a duplicate record", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = person.id
        return fragment {
            Components.backLink(.person(id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                "Merge with a duplicate record"
            }
            el("p", .class("sg-body")) {
                "Everything on the duplicate (other names, addresses, relatives, agencies, chronology and referrals) moves to the record you keep. "
                "The merge is recorded and can be undone from the record kept."
            }
            el("form", .postMethod, .action(.personMerge(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                if candidates.isEmpty {
                    el("p", .class("sg-body")) { "The matcher found no likely duplicates of this record." }
                } else {
                    Components.radios(
                        "otherID", legend: "Which record is the same person?",
                        options: candidates.map { ($0.id.uuidString, $0.label) }, selected: form.otherID ?? "",
                        errors: FormErrors())
                }
                Components.textInput(
                    "other",
                    label: candidates.isEmpty ? "The other record's reference" : "Or enter another record's reference",
                    value: form.other ?? "", errors: errors,
                    hint: "The reference is the last part of the record's web address, after /people/",
                    autocomplete: "off")
                Components.radios(
                    "keep", legend: "Which record do you want to keep?",
                    options: [("this", "Keep this record (\(person.name))"), ("other", "Keep the other record")],
                    selected: form.keep ?? "", errors: errors)
                Components.textarea(
                    "reason", label: "Why are they the same person?", value: form.reason ?? "", errors: errors,
                    hint: "For example: same NHS number and date of birth; the name was misspelt on the referral",
                    rows: 3)
                Components.button("Merge records", kind: "warning")
            }
        }
    }
}

/// Undoing a merge: the records are different people after all.
struct UndoMergeView {
    /// The merge as the page tells it.
    struct Merge: Sendable {
        var id: UUID
        var keptID: UUID
        /// The record kept, and the duplicate merged into it, by name.
        var kept: String
        var merged: String
        /// When it was made ("3 March 2026, 2:15pm"), and by whom.
        var when: String
        var by: String
        var reason: String
    }

    var merge: Merge
    var reason: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Undo a merge", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(merge.keptID), "Back to \(merge.kept)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                "Undo the merge of \(merge.merged) into \(merge.kept)"
            }
            Components.summaryList([
                ("Merged", .text("\(merge.when) by \(merge.by)")),
                ("Reason given", .text(merge.reason)),
            ])
            el("p", .class("sg-body")) {
                "What moved in the merge goes back to \(merge.merged)'s record. Anything added to \(merge.kept)'s record since stays there."
            }
            el("form", .postMethod, .action(.personMergeUndo(merge.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textarea(
                    "reason", label: "Why are they different people?", value: reason, errors: errors, rows: 3)
                Components.button("Undo merge", kind: "warning")
            }
        }
    }
}
