import SafeguardCore
import Vapor

/// Agencies: the list and the form to add one.
struct AgenciesView {
    /// One agency in the list.
    struct Row: Sendable {
        var id: UUID
        var name: String
        var kind: AgencyKind
        /// Nil for a county-wide agency.
        var district: String?
        var active: Bool
    }

    var agencies: [Row]
    var districts: [AdminPages.Choice]
    /// What was typed.
    var name: String, kind: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Agencies", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Agencies" }
            Components.table(
                caption: "\(agencies.count) agencies", headers: ["Name", "Kind", "District", "Status"],
                rows: agencies.map { a in
                    [
                        el("a", .href(.adminAgency(a.id)), .class("sg-link")) { a.name }, .text(a.kind.displayName),
                        .text(a.district ?? "County-wide"),
                        a.active
                            ? Components.tag("Active", colour: "green") : Components.tag("Inactive", colour: "grey"),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Add an agency" }
            el("form", .postMethod, .action(.adminAgencies), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.select(
                    "kind", label: "Kind of agency",
                    options: [("", "Select kind")] + AgencyKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: kind, errors: errors)
                Components.select(
                    "district", label: "District (optional)",
                    options: [("", "County-wide")] + districts.map { ($0.id.uuidString, $0.label) },
                    selected: "", errors: errors)
                Components.button("Add agency")
            }
        }
    }
}

/// Districts: the list and the form to add one.
struct DistrictsView {
    var districts: [String]
    /// What was typed.
    var name: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Districts", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Districts" }
            Components.table(
                caption: "\(districts.count) districts", headers: ["Name"], rows: districts.map { [.text($0)] })
            el("h2", .class("sg-heading-m")) { "Add a district" }
            el("form", .postMethod, .action(.adminDistricts), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.button("Add district")
            }
        }
    }
}

/// Teams: the list and the form to add one.
struct TeamsView {
    /// One team in the list.
    struct Row: Sendable {
        var name: String
        var agency: String
    }

    var teams: [Row]
    var agencies: [AdminPages.Choice]
    /// What was typed.
    var name: String, agency: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Teams", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Teams" }
            Components.table(
                caption: "\(teams.count) teams", headers: ["Team", "Agency"],
                rows: teams.map { [.text($0.name), .text($0.agency)] })
            el("h2", .class("sg-heading-m")) { "Add a team" }
            el("form", .postMethod, .action(.adminTeams), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.select(
                    "agency", label: "Agency",
                    options: [("", "Select agency")] + agencies.map { ($0.id.uuidString, $0.label) },
                    selected: agency, errors: errors)
                Components.button("Add team")
            }
        }
    }
}
