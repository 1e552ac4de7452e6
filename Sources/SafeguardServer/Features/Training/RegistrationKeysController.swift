import Fluent
import SafeguardCore
import Vapor

/// The partnership administrator issues each agency a registration key and revokes it when it
/// leaks or the agency leaves. Revoking stops new accounts only; existing ones keep working.
struct RegistrationKeysController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.adminRegistrationKeys, for: [.manageRegistrationKeys], use: list)
        routes.post(.adminRegistrationKeys, for: [.manageRegistrationKeys], use: issue)
        routes.post(.adminRegistrationKeyRevoke(.param("keyID")), for: [.manageRegistrationKeys], use: revoke)
    }

    func list(req: Request) async throws -> Response {
        try req.require(.manageRegistrationKeys)
        return try await page(req, errors: FormErrors(), selected: "")
    }

    func issue(req: Request) async throws -> Response {
        let viewer = try req.require(.manageRegistrationKeys)
        let fields = try FormBody.fields(req)
        guard let agencyID = fields["agency"].flatMap(UUID.init(uuidString:)),
            let agency = try await Agency.find(agencyID, on: req.db), agency.active
        else {
            var errors = FormErrors()
            errors.add("agency", "Choose the agency the key is for")
            return try await page(req, errors: errors, selected: fields["agency"] ?? "", status: .unprocessableEntity)
        }
        let now = req.now
        var generator = SystemRandomNumberGenerator()
        // A clash of 40 random bits is vanishingly rare; the unique index refuses one, so try again.
        for _ in 0..<3 {
            let key = RegistrationKey.issue(agencyID: agencyID, agencyName: agency.name, at: now, using: &generator)
            guard
                try await RegistrationKeyRecord.query(on: req.db).filter(\.$normalisedCode == key.normalisedCode)
                    .count() == 0
            else { continue }
            try await req.audit.write(on: req.db) { db in
                try await RegistrationKeyRecord(key, issuedBy: viewer.userID).create(on: db)
                return (
                    (),
                    [
                        AdminController.adminEvent(
                            viewer, "registration-key", key.id.uuidString, "issued for \(agency.name)", on: req)
                    ]
                )
            }
            return TrainingFlash.redirect(req, to: .adminRegistrationKeys, .keyIssued)
        }
        throw Abort(.internalServerError, reason: "Could not generate a unique registration key")
    }

    func revoke(req: Request) async throws -> Response {
        let viewer = try req.require(.manageRegistrationKeys)
        guard let id = req.parameters.get("keyID", as: UUID.self),
            let record = try await RegistrationKeyRecord.find(id, on: req.db)
        else {
            throw Abort(.notFound)
        }
        if record.revokedAt == nil {
            let now = req.now
            try await req.audit.write(on: req.db) { db in
                var key = record.key
                key.revoke(at: now)
                record.revokedAt = key.revokedAt
                try await record.update(on: db)
                return ((), [AdminController.adminEvent(viewer, "registration-key", id.uuidString, "revoked", on: req)])
            }
        }
        return TrainingFlash.redirect(req, to: .adminRegistrationKeys, .keyRevoked)
    }

    private func page(
        _ req: Request, errors: FormErrors, selected: String, status: HTTPStatus = .ok
    ) async throws -> Response {
        let keys = try await RegistrationKeyRecord.query(on: req.db).with(\.$agency).with(\.$issuedBy).sort(
            \.$issuedAt, .descending
        ).all()
        let agencies = try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all()
        var registered: [UUID: Int] = [:]
        for user in try await User.query(on: req.db).filter(\.$registrationKeyID != nil).all() {
            if let k = user.registrationKeyID { registered[k, default: 0] += 1 }
        }
        let rows = try keys.map { k in
            let id = try k.requireID()
            return RegistrationKeysView.Key(
                id: id, agency: k.agency.name, code: k.code, issued: SimpleDate(k.issuedAt).longText,
                revoked: k.revokedAt.map { SimpleDate($0).longText }, accounts: registered[id] ?? 0)
        }
        return RegistrationKeysView(
            keys: rows, agencies: try agencies.map { .init(id: try $0.requireID(), name: $0.name) }, errors: errors,
            selected: selected, banner: TrainingFlash(req)?.message
        ).render(on: req, status: status)
    }
}
