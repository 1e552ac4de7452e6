import Fluent
import SafeguardCore
import Vapor

/// Every review the platform knows, by reference: its own practice reviews (from the day they are commissioned,
/// so recommendations and briefings can follow the review as it goes) and the reviews coded for the thematic
/// analysis, historical ones included. One list for the action plan's and the briefings' "which review?".
enum ReviewCatalogue {
    static func all(on db: Database) async throws -> [(reference: String, title: String)] {
        let held = try await PracticeReviewRecord.query(on: db).sort(\.$decidedOn, .descending).all()
            .map { ($0.reference, "\($0.review.kind.displayName): \($0.title)") }
        let coded = try await CodedReviewRecord.query(on: db).sort(\.$completedOn, .descending).all().map {
            ($0.reference, $0.title)
        }
        var seen = Set<String>()
        return (held + coded).filter { seen.insert($0.0).inserted }
    }
}
