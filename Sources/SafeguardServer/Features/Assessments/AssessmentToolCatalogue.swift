import Fluent
import NIOConcurrencyHelpers
import SafeguardCore
import Vapor

/// The partnership's assessment tools: the definitions shipped in Resources/tools, registered at
/// start-up, and those administrators upload. Stored rows never change, so a parsed tool can be
/// kept in memory for as long as the process runs.
package enum AssessmentToolCatalogue {
    private static let parsed = NIOLockedValueBox<[UUID: AssessmentTool]>([:])

    /// Stores every shipped definition not yet stored. A shipped file whose text differs from the
    /// stored copy of the same version is refused: a revision must carry a new version number, or
    /// assessments already made would silently change meaning.
    package static func registerShipped(on db: Database, now: Date) async throws {
        for source in try ShippedTools.sources() {
            let tool: AssessmentTool
            do { tool = try ToolDefinition.parse(source.text) } catch {
                throw CatalogueProblem("Resources/tools/\(source.file): \(error)")
            }
            if let stored = try await record(key: tool.key, version: tool.version, on: db) {
                guard stored.digest == AssessmentToolRecord.digest(source.text) else {
                    throw CatalogueProblem(
                        "Resources/tools/\(source.file) has changed but is still version \(tool.version) of '\(tool.key)': "
                            + "give the revision version \(tool.version + 1) so assessments made with version \(tool.version) keep their meaning"
                    )
                }
                continue
            }
            try await AssessmentToolRecord(
                tool: tool, definition: source.text, source: AssessmentToolRecord.shipped, addedBy: nil, at: now
            )
            .create(on: db)
        }
    }

    package static func record(key: String, version: Int, on db: Database) async throws -> AssessmentToolRecord? {
        try await AssessmentToolRecord.query(on: db).filter(\.$key == key).filter(\.$version == version).first()
    }

    /// The newest version of every tool, by title: what new assessments are made with.
    package static func current(on db: Database) async throws -> [AssessmentToolRecord] {
        let all = try await AssessmentToolRecord.query(on: db).sort(\.$version, .descending).all()
        var newest: [String: AssessmentToolRecord] = [:]
        for r in all where newest[r.key] == nil { newest[r.key] = r }
        return newest.values.sorted { $0.title < $1.title }
    }

    /// The tool a stored row defines. Rows were validated when stored, so a failure here means the
    /// database was changed by hand.
    package static func tool(_ record: AssessmentToolRecord) throws -> AssessmentTool {
        let id = try record.requireID()
        if let cached = parsed.withLockedValue({ $0[id] }) { return cached }
        do {
            let tool = try ToolDefinition.parse(record.definition)
            parsed.withLockedValue { $0[id] = tool }
            return tool
        } catch {
            throw Abort(
                .internalServerError,
                reason: "Stored assessment tool \(record.key) v\(record.version) no longer parses: \(error)")
        }
    }
}

/// A shipped tool definition that cannot be registered; stops start-up with the reason.
struct CatalogueProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
