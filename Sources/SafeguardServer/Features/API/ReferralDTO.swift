import Foundation
import SafeguardCore
import Vapor

/// What a partner system posts to send a referral: the same answers the web form asks for.
struct NewReferralDTO: Codable, Sendable {
    var referrer: ReferrerDTO?
    var subjects: [SubjectDTO]?
    var address: AddressDTO?
    var concerns: [String]?
    var whatHappened: String?
    var familyAwareness: String?
    var lawfulBasis: String?
    var urgency: String?

    /// The member of staff the referral comes from: a user of the token's agency, so the referral
    /// appears on their referrals page and the MASH knows whom to call.
    struct ReferrerDTO: Codable, Sendable {
        var email: String?
        var phone: String?
    }
    struct SubjectDTO: Codable, Sendable {
        var firstName: String?
        var lastName: String?
        var dateOfBirth: String?
        var gender: String?
        var nhsNumber: String?
    }
    struct AddressDTO: Codable, Sendable {
        var line1: String?
        var town: String?
        var postcode: String?
    }
}

/// A referral as its referring agency may see it: never the rationale, level or partners' answers.
struct ReferralStatusDTO: Content {
    var id: UUID
    var reference: String
    /// `with-mash` until a manager signs off the decision, then `decided`.
    var status: String
    var submittedAt: Date?
    /// When the MASH must decide by (children only: one working day).
    var decisionDueAt: Date?
    var outcome: String?
    var outcomeName: String?

    init(_ r: Referral, outcome: ReferralOutcome?) throws {
        id = try r.requireID()
        reference = r.reference
        status = outcome == nil ? "with-mash" : "decided"
        submittedAt = r.submittedAt
        decisionDueAt = r.decisionDueAt
        self.outcome = outcome?.rawValue
        outcomeName = outcome?.displayName
    }
}

struct ReferralListDTO: Content {
    var referrals: [ReferralStatusDTO]
}
