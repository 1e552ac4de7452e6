import Foundation
import SafeguardCore

/// A referral being written, as its question pages and "Check your answers" show it: plain values, so the pages
/// can be rendered in a test without a database. Built by `ReferralsController.shownDraft(_:subjects:)`.
/// An answer not yet given is empty (or nil), as the draft stores it.
struct ReferralDraft: Sendable {
    /// One person the referral is about, as the referrer described them.
    struct Subject: Sendable {
        var name: String
        var dob: SimpleDate?
        var gender: Gender?
        /// Already spaced for reading ("943 476 5919"); nil when not given or not a valid number.
        var nhsNumber: String?
    }

    var id: UUID
    var subjects: [Subject]
    var addressLine1: String
    var addressTown: String
    var addressPostcode: String
    var concerns: [ConcernCategory]
    var whatHappened: String
    var familyAwareness: FamilyAwareness?
    var lawfulBasis: LawfulBasis?
    var urgency: ReferralUrgency?
    var referrerPhone: String
}
