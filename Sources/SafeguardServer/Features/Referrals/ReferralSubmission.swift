import Fluent
import Foundation
import SafeguardCore
import Vapor

/// Sending a referral, whichever way it arrives (the web form or the API): the reference the
/// referrer quotes, the status, and the decision clock.
package enum ReferralSubmission {
    /// Stamps `referral` as sent. Call it inside the audited write that saves the referral, so the
    /// reference count and the save happen in one transaction.
    package static func markSent(
        _ referral: Referral, subjects: [ReferralSubject], now: Date, today: SimpleDate,
        calendar: WorkingCalendar, on db: Database
    ) async throws {
        referral.reference = try await YearlyReference.mashReferral.next(
            Referral.self, \.$reference, year: today.year, on: db)
        try referral.move(.submit)
        referral.submittedAt = now
        referral.decisionDueAt =
            concernsAChild(subjects, today: today) ? try calendar.deadline(addingWorkingDays: 1, to: now) : nil
    }

    /// A step saved after the referral was sent.
    package static var alreadySent: Abort {
        Abort(
            .conflict,
            reason: "This referral has already been sent (perhaps from another tab), so this change was not saved: "
                + "the MASH has it now. Call them if something needs adding.")
    }

    /// The one-working-day decision clock applies to children; an unknown age counts as a child
    /// until the MASH knows otherwise.
    package static func concernsAChild(_ subjects: [ReferralSubject], today: SimpleDate) -> Bool {
        subjects.contains { s in s.dob.map { $0.age(on: today) < 18 } ?? true }
    }
}
