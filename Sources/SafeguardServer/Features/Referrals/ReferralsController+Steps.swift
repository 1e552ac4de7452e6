import Fluent
import Vapor
import SafeguardCore

extension ReferralsController {
    func showStep(_ step: SiteURL.ReferralStep, req: Request) async throws -> Response {
        let (_, referral) = try await Self.draft(req)
        let subjects = try await referral.$subjects.query(on: req.db).all()
        return ReferralStepView(step: step, referral: referral, subjects: subjects, form: [:], errors: FormErrors()).render(on: req)
    }

    func saveStep(_ step: SiteURL.ReferralStep, req: Request) async throws -> Response {
        let (_, referral) = try await Self.draft(req, saving: true)
        let id = try referral.requireID()
        let form = try Self.fields(req)
        var errors = FormErrors()
        var next: SiteURL = .referralStep(id, step.next ?? .contact)
        if step.next == nil { next = .referralCheck(id) }
        if form["return"] == "check" { next = .referralCheck(id) }

        switch step {
        case .people:
            let subject = try ReferralForm.subject(form, today: req.today, errors: &errors, required: form["action"] == "add")
            let count = try await referral.$subjects.query(on: req.db).count()
            if errors.isEmpty, subject == nil, count == 0 { errors.add("subject-first-name", "Add at least one person the referral is about") }
            if let subject, errors.isEmpty {
                subject.$referral.id = id
                try await Self.whileDraft(referral, req) { db in try await subject.create(on: db) }
            }
            if errors.isEmpty && form["action"] == "add" { return req.redirect(to: SiteURL.referralStep(id, .people).path, redirectType: .normal) }
        case .address:
            ReferralForm.address(form, into: referral, errors: &errors)
        case .concerns:
            ReferralForm.concerns(form, list: try Self.list(req, "concerns"), into: referral, errors: &errors)
        case .sharing:
            ReferralForm.sharing(form, into: referral, errors: &errors)
        case .contact:
            ReferralForm.contact(form, into: referral, errors: &errors)
        }
        guard errors.isEmpty else {
            let subjects = try await referral.$subjects.query(on: req.db).all()
            return ReferralStepView(step: step, referral: referral, subjects: subjects, form: form, errors: errors)
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
    static func whileDraft(_ referral: Referral, _ req: Request, _ save: @escaping @Sendable (Database) async throws -> Void) async throws {
        let id = try referral.requireID()
        try await req.audit.plainWrite(on: req.db) { db in
            try await db.transaction { tx in
                guard try await tx.lockedForWrite(Referral.self, id).status == .draft else { throw ReferralSubmission.alreadySent }
                try await save(tx)
            }
        }
    }

    /// The posted form as single values, trimmed (checkbox lists are read with `list`).
    static func fields(_ req: Request) throws -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in FormBody.pairs(req) where !k.hasSuffix("[]") { out[k] = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        return out
    }

    /// Every value posted under `name[]`, as checkboxes send them.
    static func list(_ req: Request, _ name: String) throws -> [String] {
        FormBody.pairs(req).filter { $0.0 == name + "[]" }.map(\.1)
    }
}

/// Reads an `application/x-www-form-urlencoded` body as ordered pairs. Forms that mix single
/// fields with checkbox lists do not decode into one Swift type, so pages read the pairs.
enum FormBody {
    static func pairs(_ req: Request) -> [(String, String)] {
        guard let body = req.body.string else { return [] }
        return body.split(separator: "&").compactMap { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(kv[0]) else { return nil }
            return (key, kv.count > 1 ? decode(kv[1]) ?? "" : "")
        }
    }

    private static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
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
