import Fluent
import SafeguardCore
import Vapor

extension AdminController {
    func agencies(req: Request) async throws -> Response {
        try req.require(.manageAgencies)
        return try await agenciesPage(name: "", kind: "", errors: FormErrors(), on: req)
    }

    func addAgency(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencies)
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmed
        let kindText = (try? req.content.get(String.self, at: "kind")) ?? ""
        let districtText = (try? req.content.get(String.self, at: "district")) ?? ""
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter the agency's name")
        } else if name.count > 200 {
            errors.add("name", "Name must be 200 characters or fewer")
        } else if try await Agency.query(on: req.db).filter(\.$name == name).count() > 0 {
            errors.add("name", "An agency with this name already exists")
        }
        let kind = AgencyKind(rawValue: kindText)
        if kind == nil { errors.add("kind", "Select the kind of agency") }
        let districtID = UUID(uuidString: districtText)
        guard let kind, errors.isEmpty else {
            return try await agenciesPage(
                name: name, kind: kindText, errors: errors, on: req, status: .unprocessableEntity)
        }
        try await req.audit.write(on: req.db) { db in
            let agency = Agency(name: name, kind: kind, districtID: districtID)
            try await agency.create(on: db)
            return ((), [Self.adminEvent(viewer, "agency", agency.id!.uuidString, "agency added", on: req)])
        }
        return req.redirect(to: SiteURL.adminAgencies.path, redirectType: .normal)
    }

    func districts(req: Request) async throws -> Response {
        try req.require(.manageAgencies)
        return try await districtsPage(name: "", errors: FormErrors(), on: req)
    }

    func addDistrict(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencies)
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmed
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter the district's name")
        } else if name.count > 100 {
            errors.add("name", "Name must be 100 characters or fewer")
        } else if try await District.query(on: req.db).filter(\.$name == name).count() > 0 {
            errors.add("name", "A district with this name already exists")
        }
        guard errors.isEmpty else {
            return try await districtsPage(name: name, errors: errors, on: req, status: .unprocessableEntity)
        }
        try await req.audit.write(on: req.db) { db in
            let d = District(name: name)
            try await d.create(on: db)
            return ((), [Self.adminEvent(viewer, "district", d.id!.uuidString, "district added", on: req)])
        }
        return req.redirect(to: SiteURL.adminDistricts.path, redirectType: .normal)
    }

    func teams(req: Request) async throws -> Response {
        try req.require(.manageAgencies)
        return try await teamsPage(name: "", agency: "", errors: FormErrors(), on: req)
    }

    func addTeam(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencies)
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmed
        let agencyText = (try? req.content.get(String.self, at: "agency")) ?? ""
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter the team's name")
        } else if name.count > 200 {
            errors.add("name", "Name must be 200 characters or fewer")
        }
        let agency = try await UUID(uuidString: agencyText).asyncFlatMap { try await Agency.find($0, on: req.db) }
        if agency == nil { errors.add("agency", "Select the agency the team belongs to") }
        if let agency,
            try await Team.query(on: req.db).filter(\.$agency.$id == agency.id!).filter(\.$name == name).count() > 0
        {
            errors.add("name", "\(agency.name) already has a team with this name")
        }
        guard let agency, errors.isEmpty else {
            return try await teamsPage(
                name: name, agency: agencyText, errors: errors, on: req, status: .unprocessableEntity)
        }
        try await req.audit.write(on: req.db) { db in
            let t = Team(name: name, agencyID: agency.id!)
            try await t.create(on: db)
            return ((), [Self.adminEvent(viewer, "team", t.id!.uuidString, "team added", on: req)])
        }
        return req.redirect(to: SiteURL.adminTeams.path, redirectType: .normal)
    }
}

extension Optional {
    func asyncFlatMap<U>(_ f: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let w = self else { return nil }
        return try await f(w)
    }
}
