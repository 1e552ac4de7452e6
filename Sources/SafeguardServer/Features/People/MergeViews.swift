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

    var person: Person
    var candidates: [Candidate]
    var form: PeopleController.MergeForm
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) throws -> Response {
        let id = try person.requireID()
        return req.page("Merge with a duplicate record", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(id), "Back to \(person.fullName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.fullName }
                "Merge with a duplicate record"
            }
            el("p", .class("sg-body")) {
                "Everything on the duplicate (other names, addresses, relatives, agencies, chronology and referrals) moves to the record you keep. "
                "The merge is recorded and can be undone from the record kept."
            }
            el("form", .postMethod, .action(.personMerge(id)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
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
                    options: [("this", "Keep this record (\(person.fullName))"), ("other", "Keep the other record")],
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
    var merge: PersonMerge
    var reason: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Undo a merge", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(merge.$kept.id), "Back to \(merge.kept.fullName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                "Undo the merge of \(merge.merged.fullName) into \(merge.kept.fullName)"
            }
            Components.summaryList([
                ("Merged", .text("\(SiteFormat.dateTime(merge.mergedAt)) by \(merge.mergedBy.displayName)")),
                ("Reason given", .text(merge.reason)),
            ])
            el("p", .class("sg-body")) {
                "What moved in the merge goes back to \(merge.merged.fullName)'s record. Anything added to \(merge.kept.fullName)'s record since stays there."
            }
            el("form", .postMethod, .action(.personMergeUndo(merge.id!)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textarea(
                    "reason", label: "Why are they different people?", value: reason, errors: errors, rows: 3)
                Components.button("Undo merge", kind: "warning")
            }
        }
    }
}
