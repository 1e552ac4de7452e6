import Fluent
import SafeguardCore
import Vapor

extension PeopleController {
    static let minimumReasonLength = 10

    func breakGlassForm(req: Request) async throws -> Response {
        let (viewer, person) = try await breakGlassTarget(req)
        return BreakGlassView(
            personID: person.id!, personName: person.fullName, agencyName: viewer.agencyName,
            reason: "", errors: FormErrors()
        ).render(on: req)
    }

    func breakGlass(req: Request) async throws -> Response {
        let (viewer, person) = try await breakGlassTarget(req)
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmed
        var errors = FormErrors()
        if reason.count < Self.minimumReasonLength {
            errors.add(
                "reason", "Explain why you need to see this record (at least \(Self.minimumReasonLength) characters)")
        } else if reason.count > 1000 {
            errors.add("reason", "Reason must be 1000 characters or fewer")
        }
        guard errors.isEmpty else {
            return BreakGlassView(
                personID: person.id!, personName: person.fullName, agencyName: viewer.agencyName,
                reason: reason, errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        let id = try person.requireID()
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            try await BreakGlassGrant(
                userID: viewer.userID, personID: id, reason: reason, grantedAt: now,
                expiresAt: now.addingTimeInterval(PersonAccess.breakGlassDuration)
            ).create(on: db)
            return ((), [viewer.event(.breakGlass, "person", id.uuidString, reason: reason, on: req)])
        }
        return req.redirect(to: SiteURL.person(id).path, redirectType: .normal)
    }

    /// Only someone the policy would offer break-glass to may use the form.
    private func breakGlassTarget(_ req: Request) async throws -> (Viewer, Person) {
        let viewer = try req.requireViewer()
        guard let id = req.personID(), let person = try await Person.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let relationship = try await PersonAccess.relationship(of: viewer, to: id, on: req)
        switch viewer.decide(.viewPerson, relationship: relationship) {
        case .breakGlassRequired: return (viewer, person)
        case .permit: throw Abort.redirect(to: SiteURL.person(id).path)
        case let d: throw AccessDenied(decision: d)
        }
    }
}
