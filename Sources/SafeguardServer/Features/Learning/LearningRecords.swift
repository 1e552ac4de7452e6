import Fluent
import Foundation
import SafeguardCore

/// A theme the partnership added to the shipped vocabulary.
final class ReviewThemeRecord: Model, @unchecked Sendable {
    static let schema = "review_themes"
    @ID var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    /// A ``ReviewThemeGroup`` raw value.
    @Field(key: "theme_group") var group: String
    @OptionalParent(key: "added_by") var addedBy: User?
    @Field(key: "added_at") var addedAt: Date

    init() {}

    var theme: ReviewTheme? { ReviewThemeGroup(rawValue: group).map { ReviewTheme(key: key, name: name, group: $0) } }

    /// The shipped themes, then the partnership's own in the order they were added.
    static func vocabulary(on db: Database) async throws -> ReviewThemeVocabulary {
        let added = try await query(on: db).sort(\.$addedAt).all().compactMap(\.theme)
        return ReviewThemeVocabulary(ReviewThemeVocabulary.shipped.themes + added)
    }
}

/// A review as the thematic analysis counts it: loaded from a file of historical reviews, or coded on the platform.
final class CodedReviewRecord: Model, @unchecked Sendable {
    static let schema = "coded_reviews"
    @ID var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @Field(key: "completed_on") var completedOn: String
    @Field(key: "themes") var themes: String
    /// Where the coding came from: "import:FILE" or "demo".
    @Field(key: "source") var source: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var row: ReviewImport.Row? {
        guard let kind = ReviewKind(rawValue: kind), let date = SimpleDate(iso: completedOn) else { return nil }
        return ReviewImport.Row(
            review: CodedReview(
                reference: reference, kind: kind, completedOn: date,
                themes: Set(themes.split(separator: " ").map(String.init))), title: title)
    }

    func set(_ row: ReviewImport.Row, source: String, at now: Date) {
        reference = row.review.reference
        title = row.title
        kind = row.review.kind.rawValue
        completedOn = row.review.completedOn.iso
        themes = row.review.themes.sorted().joined(separator: " ")
        self.source = source
        updatedAt = now
    }

    static func rows(on db: Database) async throws -> [ReviewImport.Row] {
        try await query(on: db).sort(\.$completedOn).sort(\.$reference).all().compactMap(\.row)
    }
}

/// A 7-minute briefing as stored; ``SevenMinuteBriefing`` decides what it may hold and where it may go.
package final class BriefingRecord: Model, @unchecked Sendable {
    package static let schema = "briefings"
    @ID package var id: UUID?
    @Field(key: "title") package var title: String
    @Field(key: "sections") package var sections: String
    @OptionalField(key: "review_reference") package var reviewReference: String?
    @OptionalField(key: "theme_key") package var themeKey: String?
    @OptionalParent(key: "course_id") package var course: TrainingCourseRecord?
    @Field(key: "status") package var status: BriefingStatus
    @OptionalField(key: "published_on") package var publishedOn: String?
    @OptionalField(key: "withdrawn_reason") package var withdrawnReason: String?
    @OptionalParent(key: "created_by") package var createdBy: User?
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var briefing: SevenMinuteBriefing {
        let raw = (try? JSONDecoder().decode([String: String].self, from: Data(sections.utf8))) ?? [:]
        let parts = Dictionary(
            uniqueKeysWithValues: raw.compactMap { k, v in BriefingSection(rawValue: k).map { ($0, v) } })
        return SevenMinuteBriefing(
            title: title, sections: parts, reviewReference: reviewReference, themeKey: themeKey,
            status: status, publishedOn: publishedOn.flatMap(SimpleDate.init(iso:)),
            withdrawnReason: withdrawnReason)
    }

    package func set(_ b: SevenMinuteBriefing, at now: Date) {
        title = b.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let raw = Dictionary(uniqueKeysWithValues: b.sections.map { ($0.key.rawValue, $0.value) })
        sections = String(decoding: (try? JSONEncoder().encode(raw)) ?? Data("{}".utf8), as: UTF8.self)
        reviewReference = b.reviewReference
        themeKey = b.themeKey
        status = b.status
        publishedOn = b.publishedOn?.iso
        withdrawnReason = b.withdrawnReason
        updatedAt = now
    }
}

/// One user's "I have read this", with the agency they were in when they read it.
package final class BriefingReadRecord: Model, @unchecked Sendable {
    package static let schema = "briefing_reads"
    @ID package var id: UUID?
    @Parent(key: "briefing_id") package var briefing: BriefingRecord
    @Parent(key: "user_id") package var user: User
    @Parent(key: "agency_id") package var agency: Agency
    @Field(key: "read_at") package var readAt: Date

    package init() {}
}
