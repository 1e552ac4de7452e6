import Fluent
import SafeguardCore
import Vapor

/// `/api/v1/referrals`: a partner's case system sends referrals to the MASH and reads back their
/// outcomes. The answers are checked by the web form's own rules, so both ways in agree.
struct APIReferralsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let referrals = routes.grouped(APITokenMiddleware())
        referrals.post(.api(.referrals), for: .partnerToken(APIPrincipal.referralsWrite), use: create)
        referrals.get(.api(.referrals), for: .partnerToken(APIPrincipal.referralsRead), use: list)
        referrals.get(.api(.referral(.param("referralID"))), for: .partnerToken(APIPrincipal.referralsRead), use: show)
    }

    func create(req: Request) async throws -> Response {
        let p = try req.requirePrincipal(APIPrincipal.referralsWrite)
        let dto: NewReferralDTO
        do { dto = try req.content.decode(NewReferralDTO.self) } catch {
            throw Problem(
                status: .badRequest, title: "Bad request",
                detail: "The body must be a JSON object as described in /api/v1/openapi.json.")
        }
        var errors = FormErrors()
        let referrer = try await Self.referrer(dto.referrer?.email, agency: p.agencyID, errors: &errors, on: req.db)
        let referral = Referral.newDraft()
        let subjects = try Self.subjects(dto.subjects ?? [], today: req.today, errors: &errors)
        // The same questions as the web form, answered from the JSON fields (``ReferralAnswers``).
        let address = ReferralAnswers.address(
            line1: dto.address?.line1 ?? "", town: dto.address?.town ?? "",
            postcode: dto.address?.postcode ?? "")
        errors.add(address.3)
        referral.setAddress(line1: address.line1, town: address.town, postcode: address.postcode)
        let concerns = ReferralAnswers.concerns(chosen: dto.concerns ?? [], whatHappened: dto.whatHappened ?? "")
        errors.add(concerns.2)
        referral.setConcerns(concerns.categories, whatHappened: concerns.whatHappened)
        if let unknown = dto.concerns?.first(where: { ConcernCategory(rawValue: $0) == nil }) {
            errors.add(
                "concerns", "'\(unknown)' is not a concern category: use the values listed in the API description")
        }
        let (awareness, basis, sharingProblems) = ReferralAnswers.sharing(
            familyAwareness: dto.familyAwareness ?? "", lawfulBasis: dto.lawfulBasis ?? "")
        errors.add(sharingProblems)
        referral.setSharing(awareness, basis)
        let (urgency, phone, contactProblems) = ReferralAnswers.contact(
            urgency: dto.urgency ?? "", phone: dto.referrer?.phone ?? "")
        errors.add(contactProblems)
        referral.setContact(urgency, phone: phone)
        guard errors.isEmpty, let referrer else { throw Self.problem(errors) }

        referral.$referrer.id = try referrer.requireID()
        referral.$referrerAgency.id = p.agencyID
        if let postcode = try? UKPostcode(referral.addressPostcode) {
            referral.$district.id = try await DistrictLookup.district(for: postcode, on: req.db)
        }
        let now = req.now
        let today = req.today
        let calendar = req.safeguard.calendar
        let event = p.event(.create, "referral", "", on: req)
        try await req.audit.write(on: req.db) { db in
            // The whole referral is saved or none of it: a failure leaves no half-sent referral.
            referral.reference = "SENDING-" + UUID().uuidString
            try await ReferralSubmission.markSent(
                referral, subjects: subjects, now: now, today: today, calendar: calendar, on: db)
            try await referral.create(on: db)
            for s in subjects {
                s.$referral.id = try referral.requireID()
                try await s.create(on: db)
            }
            var logged = event
            logged.recordID = try referral.requireID().uuidString
            return ((), [logged])
        }
        let response = try await ReferralStatusDTO(referral, outcome: nil).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/referrals/\(try referral.requireID())")
        return response
    }

    func list(req: Request) async throws -> ReferralListDTO {
        let p = try req.requirePrincipal(APIPrincipal.referralsRead)
        let sent = try await Referral.query(on: req.db).filter(\.$referrerAgency.$id == p.agencyID)
            .filter(\.$status != ReferralStatus.draft).sort(\.$submittedAt, .descending).limit(200).all()
        let outcomes = try await ReferralsController.signedOffOutcomes(for: sent.compactMap(\.id), on: req.db)
        try await req.audit.record(p.event(.view, "referral-list", p.agencyID.uuidString, on: req), on: req.db)
        return ReferralListDTO(referrals: try sent.map { try ReferralStatusDTO($0, outcome: outcomes[$0.id!]) })
    }

    func show(req: Request) async throws -> ReferralStatusDTO {
        let p = try req.requirePrincipal(APIPrincipal.referralsRead)
        // Another agency's referral gets the same answer as an unknown id, so ids cannot be probed.
        guard let id = req.parameters.get("referralID", as: UUID.self), let r = try await Referral.find(id, on: req.db),
            r.$referrerAgency.id == p.agencyID, r.status != .draft
        else {
            throw Problem(
                status: .notFound, title: "Not found", detail: "Your agency has sent no referral with that id.")
        }
        let outcome = try await ReferralsController.signedOffOutcomes(for: [id], on: req.db)[id]
        try await req.audit.record(p.event(.view, "referral-outcome", id.uuidString, on: req), on: req.db)
        return try ReferralStatusDTO(r, outcome: outcome)
    }
}
