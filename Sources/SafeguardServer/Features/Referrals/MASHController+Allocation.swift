import Fluent
import SafeguardCore
import Vapor

extension MASHController {
    /// Gives the referral to a MASH worker: a manager to anyone in the MASH, a practitioner to themselves.
    func allocate(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.load(req, .allocateReferral)
        let id = try referral.requireID()
        let workerText = ((try? req.content.get(String.self, at: "worker")) ?? "").trimmed
        var worker: User?
        if let workerID = UUID(uuidString: workerText) { worker = try await User.find(workerID, on: req.db) }
        let problem = ReferralAllocation.check(
            by: viewer.role, isSelf: worker?.id == viewer.userID,
            toRole: worker.flatMap { $0.active ? Role(rawValue: $0.role) : nil },
            current: referral.$allocatedTo.id?.uuidString, status: referral.status)
        if let problem {
            var errors = FormErrors()
            errors.add("worker", problem.message)
            let record = try await MASHReferralRecord.load(referral, viewer: viewer, on: req)
            return MASHReferralView(record: record, errors: errors, form: [:]).render(
                on: req, status: .unprocessableEntity)
        }
        guard let worker else { throw Abort(.badRequest) }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(referral) { $0.sameWorkflowState(as: referral) }
            referral.$allocatedTo.id = worker.id
            referral.$allocatedBy.id = viewer.userID
            referral.allocatedAt = now
            try await referral.update(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "referral", id.uuidString, reason: "allocated to \(worker.displayName)", on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.referral(id).with(query: [("done", "allocated")]), redirectType: .normal)
    }

    /// The MASH workers a manager can allocate to, by name.
    static func workers(on db: Database) async throws -> [(id: UUID, name: String)] {
        try await User.query(on: db).filter(\.$active == true)
            .filter(\.$role ~~ [Role.mashPractitioner.rawValue, Role.mashManager.rawValue]).sort(\.$displayName).all()
            .map { ($0.id!, $0.displayName) }
    }
}
