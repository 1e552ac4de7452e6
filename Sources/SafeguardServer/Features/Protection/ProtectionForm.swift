import Foundation
import SafeguardCore

/// The web form and `safeguard import cp-plans` both read a protection record through ``ProtectionStart``; this
/// adds its problems to the form's errors and stores what it decided.
enum ProtectionForm {
    static func read(
        _ fields: [String: String], categories chosen: [String], socialWorkers: Set<UUID>, today: SimpleDate,
        errors: inout FormErrors
    ) -> ProtectionStart? {
        switch ProtectionStart.read(fields, categories: chosen, socialWorkers: socialWorkers, today: today) {
        case .success(let start): return start
        case .failure(let problems):
            for p in problems.all { errors.add(p.field, p.message) }
            return nil
        }
    }
}

extension ProtectionRecord {
    /// Stores a record as it starts.
    package func set(_ s: ProtectionStart) {
        kind = s.kind
        categories = s.categories.map(\.rawValue).joined(separator: " ")
        startDate = s.start.iso
        $socialWorker.id = s.socialWorkerID
        strategyDiscussionDate = s.strategyDiscussion?.iso
        initialConferenceDate = s.initialConference?.iso
        lastReviewDate = s.lastReview?.iso
    }
}
