import Fluent
import Foundation
import SafeguardCore
import Vapor

/// One stored version of an assessment tool's definition. Rows are never changed: an assessment
/// points at the row it was made with, so revising a tool never changes an old rating.
final class AssessmentToolRecord: Model, @unchecked Sendable {
    static let schema = "assessment_tools"
    static let shipped = "shipped", uploaded = "uploaded"

    @ID var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    /// A ``ToolSubject`` raw value, kept as a column so the start page can offer only fitting tools.
    @Field(key: "subject") var subject: String
    /// The YAML exactly as shipped or uploaded.
    @Field(key: "definition") var definition: String
    /// SHA-256 of the definition: tells a changed shipped file from the stored one.
    @Field(key: "digest") var digest: String
    /// "shipped" (from Resources/tools) or "uploaded" (by a partnership administrator).
    @Field(key: "source") var source: String
    @OptionalParent(key: "added_by") var addedBy: User?
    @Field(key: "added_at") var addedAt: Date

    init() {}

    init(tool: AssessmentTool, definition: String, source: String, addedBy: UUID?, at: Date) {
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

    static func digest(_ text: String) -> String {
        HexText.lowercase(SHA256.hash(data: Data(text.utf8)))
    }
}
