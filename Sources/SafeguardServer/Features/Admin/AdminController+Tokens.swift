import Fluent
import SafeguardCore
import Vapor

extension AdminController {
    func tokens(req: Request) async throws -> Response {
        try req.require(.manageAPITokens)
        return try await tokensPage(
            name: "", agency: "", permissions: [], errors: FormErrors(), newToken: nil, on: req)
    }

    func addToken(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAPITokens)
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmed
        let agencyText = (try? req.content.get(String.self, at: "agency")) ?? ""
        let permissions = ((try? req.content.get([String].self, at: "permissions")) ?? [])
            .filter { APIPrincipal.allPermissions.contains($0) }
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter a name that says which system uses the token")
        } else if name.count > 200 {
            errors.add("name", "Name must be 200 characters or fewer")
        }
        let agency = try await UUID(uuidString: agencyText).asyncFlatMap { try await Agency.find($0, on: req.db) }
        if agency == nil { errors.add("agency", "Select the agency whose system will use the token") }
        if permissions.isEmpty { errors.add("permissions", "Select at least one permission") }
        guard let agency, errors.isEmpty else {
            return try await tokensPage(
                name: name, agency: agencyText, permissions: permissions, errors: errors, newToken: nil, on: req,
                status: .unprocessableEntity)
        }
        let secret = "sg_" + SessionToken.random()
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            let t = APIToken(
                name: name, tokenHash: SessionToken.hash(secret), prefix: String(secret.prefix(9)),
                agencyID: agency.id!,
                permissions: permissions, createdAt: now)
            try await t.create(on: db)
            return (
                (),
                [
                    Self.adminEvent(
                        viewer, "api-token", t.id!.uuidString, "token issued: \(permissions.joined(separator: " "))",
                        on: req)
                ]
            )
        }
        // The secret is shown this once; only its hash is kept.
        return try await tokensPage(
            name: "", agency: "", permissions: [], errors: FormErrors(), newToken: secret, on: req)
    }

    func revokeToken(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAPITokens)
        guard let id = req.parameters.get("tokenID", as: UUID.self), let t = try await APIToken.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let now = req.now
        if t.revokedAt == nil {
            try await req.audit.write(on: req.db) { db in
                t.revokedAt = now
                try await t.update(on: db)
                return ((), [Self.adminEvent(viewer, "api-token", id.uuidString, "token revoked", on: req)])
            }
        }
        return req.redirect(to: SiteURL.adminTokens.path, redirectType: .normal)
    }
}
