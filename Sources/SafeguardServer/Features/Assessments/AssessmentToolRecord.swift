import Fluent
import Foundation
import SafeguardCore
import Vapor

/// One stored version of an assessment tool's definition. Rows are never changed: an assessment
/// points at the row it was made with, so revising a tool never changes an old rating.
package final class AssessmentToolRecord: Model, @unchecked Sendable {
    package static let schema = "assessment_tools"
    package static let shipped = "shipped", uploaded = "uploaded"

    @ID package var id: UUID?
    @Field(key: "key") package var key: String
    @Field(key: "version") package var version: Int
    @Field(key: "title") package var title: String
    /// A ``ToolSubject`` raw value, kept as a column so the start page can offer only fitting tools.
    @Field(key: "subject") package var subject: String
    /// The YAML exactly as shipped or uploaded.
    @Field(key: "definition") package var definition: String
    /// SHA-256 of the definition: tells a changed shipped file from the stored one.
    @Field(key: "digest") package var digest: String
    /// "shipped" (from Resources/tools) or "uploaded" (by a partnership administrator).
    @Field(key: "source") package var source: String
    @OptionalParent(key: "added_by") package var addedBy: User?
    @Field(key: "added_at") package var addedAt: Date

    package init() {}

    package init(tool: AssessmentTool, definition: String, source: String, addedBy: UUID?, at: Date) {
        key = tool.key
        version = tool.version
        title = tool.title
        subject = tool.subject.rawValue
        self.definition = definition
        digest = Self.digest(definition)
        self.source = source
        $addedBy.id = addedBy
        addedAt = at
    }

    package static func digest(_ text: String) -> String {
        HexText.lowercase(SHA256.hash(data: Data(text.utf8)))
    }
}
