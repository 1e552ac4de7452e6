import SafeguardCore
import Vapor

/// Add a person, or change their details.
struct PersonFormView {
    var form: PersonForm
    var errors: FormErrors
    var personID: UUID?
    /// Homes already recorded that the typed address may be.
    var offered: [PossibleHome] = []
    /// Set when a save was held back because someone else saved these details after the form was opened: where
    /// what is saved now and what was typed differ (empty when they changed only to what was typed).
    var meanwhile: [EditDifference]? = nil

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let title = personID == nil ? "Add a person" : "Change personal details"
        let ethnicities = [("", "Select an ethnic group")] + Ethnicity.categories.map { ($0, $0) }
        return req.page(title, section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(personID.map(SiteURL.person) ?? .people)
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    if let meanwhile { Components.changedMeanwhile(meanwhile, saved: "these details") }
                    el("h1", .class("sg-heading-l")) { title }
                    el(
                        "form", .postMethod,
                        Attr("action", personID.map { SiteURL.personEdit($0).path } ?? SiteURL.people.path),
                        Attr("novalidate", nil)
                    ) {
                        Components.csrfField(req.csrfToken)
                        if personID != nil { Components.openedAsField(form.openedAs) }
                        Components.textInput(
                            "first-name", label: "First name", value: form.firstName ?? "", errors: errors,
                            autocomplete: "off")
                        Components.textInput(
                            "middle-names", label: "Middle names (optional)", value: form.middleNames ?? "",
                            errors: errors, autocomplete: "off")
                        Components.textInput(
                            "last-name", label: "Last name", value: form.lastName ?? "", errors: errors,
                            autocomplete: "off")
                        Components.radios(
                            "unborn", legend: "Has the baby been born?",
                            options: [("no", "Yes, or this is an adult"), ("yes", "No, this is an unborn child")],
                            selected: form.unborn ?? "no", errors: errors, inline: false)
                        Components.dateInput(
                            "dob", legend: "Date of birth, or expected date for an unborn child",
                            day: form.dobDay ?? "", month: form.dobMonth ?? "", year: form.dobYear ?? "",
                            errors: errors,
                            hint: "For example, 27 3 2015. Leave empty if not known.")
                        Components.select(
                            "gender", label: "Gender",
                            options: [("", "Select gender")] + Gender.allCases.map { ($0.rawValue, $0.displayName) },
                            selected: form.gender ?? "", errors: errors)
                        Components.select(
                            "ethnicity", label: "Ethnicity", options: ethnicities, selected: form.ethnicity ?? "",
                            errors: errors)
                        Components.textInput(
                            "nhs-number", label: "NHS number (optional)", value: form.nhsNumber ?? "", errors: errors,
                            hint: "10 digits, for example 943 476 5919", width: "10", autocomplete: "off")
                        Components.textInput(
                            "language", label: "First language", value: form.language ?? "English", errors: errors,
                            width: "20")
                        Components.textInput(
                            "disability", label: "Disability (optional)", value: form.disability ?? "", errors: errors)
                        if personID == nil {
                            addressFields
                            if !offered.isEmpty {
                                KnownHomeQuestion(offered: offered, chosen: form.home ?? "", errors: errors).node
                            }
                        }
                        Components.button(personID == nil ? "Add person" : "Save changes")
                    }
                }
            }
        }
    }

    private var addressFields: Node {
        el("fieldset", .class("sg-fieldset")) {
            el("legend", .class("sg-fieldset__legend sg-fieldset__legend--m")) { "Current address (optional)" }
            Components.textInput(
                "address-line1", label: "Address line 1", value: form.addressLine1 ?? "", errors: errors,
                autocomplete: "off")
            Components.textInput(
                "address-line2", label: "Address line 2 (optional)", value: form.addressLine2 ?? "", errors: errors,
                autocomplete: "off")
            Components.textInput(
                "address-town", label: "Town or city", value: form.addressTown ?? "", errors: errors, width: "20",
                autocomplete: "off")
            Components.textInput(
                "address-postcode", label: "Postcode", value: form.addressPostcode ?? "", errors: errors, width: "10",
                autocomplete: "off")
        }
    }
}

/// Add another name a person is known by.
struct OtherNameFormView {
    var personID: UUID, personName: String, kind: String, name: String, errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Add another name", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(personID), "Back to \(personName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { personName }
                "Add another name"
            }
            el("form", .postMethod, .action(.personOtherNames(personID)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.radios(
                    "kind", legend: "What kind of name is it?",
                    options: OtherNameKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: kind, errors: errors)
                Components.textInput("name", label: "Name", value: name, errors: errors, autocomplete: "off")
                Components.button("Add name")
            }
        }
    }
}

/// Add an address a person has moved to.
struct AddressFormView {
    var personID: UUID, personName: String, form: AddressForm, offered: [PossibleHome], errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Add an address", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(personID), "Back to \(personName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { personName }
                "Add an address"
            }
            el("form", .postMethod, .action(.personAddresses(personID)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textInput(
                    "address-line1", label: "Address line 1", value: form.line1 ?? "", errors: errors,
                    autocomplete: "off")
                Components.textInput(
                    "address-line2", label: "Address line 2 (optional)", value: form.line2 ?? "", errors: errors,
                    autocomplete: "off")
                Components.textInput(
                    "address-town", label: "Town or city", value: form.town ?? "", errors: errors, width: "20",
                    autocomplete: "off")
                Components.textInput(
                    "address-postcode", label: "Postcode", value: form.postcode ?? "", errors: errors, width: "10",
                    autocomplete: "off")
                Components.textInput(
                    "uprn", label: "UPRN (optional)", value: form.uprn ?? "", errors: errors,
                    hint: "The Unique Property Reference Number, if known", width: "20")
                Components.dateInput(
                    "from", legend: "When did they move in?", day: form.fromDay ?? "", month: form.fromMonth ?? "",
                    year: form.fromYear ?? "",
                    errors: errors, hint: "Leave empty for today. Their current address will end the day before.")
                if !offered.isEmpty {
                    KnownHomeQuestion(offered: offered, chosen: form.home ?? "", errors: errors).node
                }
                Components.button(offered.isEmpty ? "Add address" : "Confirm address")
            }
        }
    }
}
