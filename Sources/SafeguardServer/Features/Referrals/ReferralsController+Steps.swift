import Fluent
import SafeguardCore
import Vapor

extension ReferralsController {
    func showStep(_ step: SiteURL.ReferralStep, req: Request) async throws -> Response {
        let (_, referral) = try await Self.draft(req)
        let subjects = try await referral.$subjects.query(on: req.db).all()
        return try Self.stepView(step, referral, subjects: subjects, form: [:], errors: FormErrors(), req: req)
            .render(on: req)
    }

    func saveStep(_ step: SiteURL.ReferralStep, req: Request) async throws -> Response {
        let (_, referral) = try await Self.draft(req, saving: true)
        let id = try referral.requireID()
        let form = try FormBody.fields(req)
        var errors = FormErrors()
        var next: SiteURL = .referralStep(id, step.next ?? .contact)
        if step.next == nil { next = .referralCheck(id) }
        if form["return"] == "check" { next = .referralCheck(id) }

        switch step {
        case .people:
            let subject = try ReferralForm.subject(
                form, today: req.today, errors: &errors, required: form["action"] == "add")
            let count = try await referral.$subjects.query(on: req.db).count()
            if errors.isEmpty, subject == nil, count == 0 {
                errors.add("subject-first-name", "Add at least one person the referral is about")
            }
            if let subject, errors.isEmpty {
                subject.$referral.id = id
                try await Self.whileDraft(referral, req) { db in try await subject.create(on: db) }
            }
            if errors.isEmpty && form["action"] == "add" {
                // Adding another person keeps the way back to the check page, if that is where they came from.
                let people = SiteURL.referralStep(id, .people)
                let again = form["return"] == "check" ? people.with(query: [("return", "check")]) : people.path
                return req.redirect(to: again, redirectType: .normal)
            }
        case .address:
            ReferralForm.address(form, into: referral, errors: &errors)
        case .concerns:
            ReferralForm.concerns(form, list: try FormBody.list(req, "concerns"), into: referral, errors: &errors)
        case .sharing:
            ReferralForm.sharing(form, into: referral, errors: &errors)
        case .contact:
            ReferralForm.contact(form, into: referral, errors: &errors)
        }
        guard errors.isEmpty else {
            let subjects = try await referral.$subjects.query(on: req.db).all()
            return try Self.stepView(step, referral, subjects: subjects, form: form, errors: errors, req: req)
                .render(on: req, status: .unprocessableEntity)
        }
        if step != .people {
            if let pc = try? UKPostcode(referral.addressPostcode) {
                referral.$district.id = try await DistrictLookup.district(for: pc, on: req.db)
            }
            try await Self.whileDraft(referral, req) { db in try await referral.update(on: db) }
        }
        return req.redirect(to: next.path, redirectType: .normal)
    }

    /// Saves a step only while the referral is still a draft: one sent meanwhile (from another tab, or by a second
    /// server) belongs to the MASH now, and a late step must not change what they are deciding on.
    static func whileDraft(
        _ referral: Referral, _ req: Request, _ save: @escaping @Sendable (Database) async throws -> Void
    ) async throws {
        let id = try referral.requireID()
        try await req.audit.plainWrite(on: req.db) { db in
            try await db.transaction { tx in
                guard try await tx.lockedForWrite(Referral.self, id).status == .draft else {
                    throw ReferralSubmission.alreadySent
                }
                try await save(tx)
            }
        }
    }
}

extension SiteURL.ReferralStep {
    var next: SiteURL.ReferralStep? {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return i + 1 < all.count ? all[i + 1] : nil
    }

    var title: String {
        switch self {
        case .people: "Who is the referral about?"
        case .address: "Where do they live?"
        case .concerns: "What are you worried about?"
        case .sharing: "Does the family know you are making this referral?"
        case .contact: "How urgent is it, and how can we reach you?"
        }
    }
}
