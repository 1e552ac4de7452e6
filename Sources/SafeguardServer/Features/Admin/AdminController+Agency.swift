import Fluent
import SafeguardCore
import Vapor

extension AdminController {
    func agency(req: Request) async throws -> Response {
        try req.require(.manageAgencies)
        guard let id = req.parameters.get("agencyID", as: UUID.self), let a = try await Agency.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return try await agencyPage(
            a, name: a.name, kind: a.kind.rawValue, district: a.$district.id?.uuidString ?? "",
            active: a.active ? "yes" : "no", errors: FormErrors(), on: req)
    }

    /// Renames an agency, changes its kind or district, or makes it inactive. An inactive
    /// agency's users cannot sign in and its API tokens stop working, at once.
    func updateAgency(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencies)
        guard let id = req.parameters.get("agencyID", as: UUID.self), let a = try await Agency.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmed
        let kindText = (try? req.content.get(String.self, at: "kind")) ?? ""
        let districtText = (try? req.content.get(String.self, at: "district")) ?? ""
        // A post without the choice keeps the agency as it is: never switched back on unasked.
        let active = (try? req.content.get(String.self, at: "active")).map { $0 == "yes" } ?? a.active
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter the agency's name")
        } else if name.count > 200 {
            errors.add("name", "Name must be 200 characters or fewer")
        } else if try await Agency.query(on: req.db).filter(\.$name == name).filter(\.$id != id).count() > 0 {
            errors.add("name", "Another agency already has this name")
        }
        let kind = AgencyKind(rawValue: kindText)
        if kind == nil { errors.add("kind", "Select the kind of agency") }
        if let kind, kind != a.kind {
            // Changing the kind must not leave users in roles the new kind does not allow.
            let roles = try await User.query(on: req.db).filter(\.$agency.$id == id).filter(\.$active == true).all(
                \.$role)
            if let clash = roles.compactMap(Role.init(rawValue:)).first(where: { !$0.isPermitted(in: kind) }) {
                errors.add(
                    "kind",
                    "This agency has an active \(clash.displayName.lowercased()), a role \(kind.displayName.lowercased()) cannot have: change or disable those users first"
                )
            }
        }
        if id == viewer.agencyID && !active {
            errors.add("active", "You cannot make your own agency inactive: you would be signed out")
        }
        guard let kind, errors.isEmpty else {
            return try await agencyPage(
                a, name: name, kind: kindText, district: districtText, active: active ? "yes" : "no",
                errors: errors, on: req, status: .unprocessableEntity)
        }
        let districtID = UUID(uuidString: districtText)
        try await req.audit.write(on: req.db) { db in
            let wasActive = a.active
            a.name = name
            a.kind = kind
            a.$district.id = districtID
            a.active = active
            try await a.update(on: db)
            if wasActive && !active {
                let userIDs = try await User.query(on: db).filter(\.$agency.$id == id).all(\.$id)
                try await UserSession.query(on: db).filter(\.$user.$id ~~ userIDs).delete()
            }
            return (
                (),
                [
                    Self.adminEvent(
                        viewer, "agency", id.uuidString, active ? "agency changed" : "agency made inactive", on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.adminAgencies.path, redirectType: .normal)
    }

    /// The agency's page with what was typed: its stored name heads the page until a change is saved.
    private func agencyPage(
        _ a: Agency, name: String, kind: String, district: String, active: String, errors: FormErrors,
        on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let id = try a.requireID()
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        let users = try await User.query(on: req.db).filter(\.$agency.$id == id).count()
        return AgencyView(
            id: id, agencyName: a.name, users: users,
            districts: districts.map { (id: $0.id!, name: $0.name) },
            name: name, kind: kind, district: district, active: active, errors: errors
        ).render(on: req, status: status)
    }
}
