import Fluent
import SafeguardCore
import Vapor

/// Agencies: the list and the form to add one.
enum AgenciesView {
    static func load(
        on req: Request, name: String, kind: String, errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).with(\.$district).sort(\.$name).all()
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        return req.page("Agencies", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Agencies" }
            Components.table(
                caption: "\(agencies.count) agencies", headers: ["Name", "Kind", "District", "Status"],
                rows: agencies.map { a in
                    [
                        el("a", .href(.adminAgency(a.id!)), .class("sg-link")) { a.name }, .text(a.kind.displayName),
                        .text(a.district?.name ?? "County-wide"),
                        a.active
                            ? Components.tag("Active", colour: "green") : Components.tag("Inactive", colour: "grey"),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Add an agency" }
            el("form", .postMethod, .action(.adminAgencies), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.select(
                    "kind", label: "Kind of agency",
                    options: [("", "Select kind")] + AgencyKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: kind, errors: errors)
                Components.select(
                    "district", label: "District (optional)",
                    options: [("", "County-wide")] + districts.map { ($0.id!.uuidString, $0.name) },
                    selected: "", errors: errors)
                Components.button("Add agency")
            }
        }
    }
}

enum DistrictsView {
    static func load(
        on req: Request, name: String, errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        return req.page("Districts", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Districts" }
            Components.table(
                caption: "\(districts.count) districts", headers: ["Name"], rows: districts.map { [.text($0.name)] })
            el("h2", .class("sg-heading-m")) { "Add a district" }
            el("form", .postMethod, .action(.adminDistricts), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.button("Add district")
            }
        }
    }
}

enum TeamsView {
    static func load(
        on req: Request, name: String, agency: String, errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let teams = try await Team.query(on: req.db).with(\.$agency).sort(\.$name).all()
        let agencies = try await Agency.query(on: req.db).sort(\.$name).all()
        return req.page("Teams", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Teams" }
            Components.table(
                caption: "\(teams.count) teams", headers: ["Team", "Agency"],
                rows: teams.map { [.text($0.name), .text($0.agency.name)] })
            el("h2", .class("sg-heading-m")) { "Add a team" }
            el("form", .postMethod, .action(.adminTeams), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.select(
                    "agency", label: "Agency",
                    options: [("", "Select agency")] + agencies.map { ($0.id!.uuidString, $0.name) },
                    selected: agency, errors: errors)
                Components.button("Add team")
            }
        }
    }
}
