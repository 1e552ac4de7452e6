import Fluent
import SafeguardCore
import Vapor

/// The partnership administrator's assessment tools: every version in use, each definition's
/// text, and an upload that adds a new tool or a new version of one. A definition with a mistake
/// is refused with its line and the reason, and nothing is stored.
struct AssessmentToolsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.adminAssessmentTools, for: [.manageAssessmentTools], use: list)
        // Definitions run to tens of kilobytes (the exploitation tool is 18 KB before form encoding),
        // beyond Vapor's 16 KB default for a collected body.
        routes.post(.adminAssessmentTools, bodyLimit: "512kb", for: [.manageAssessmentTools], use: upload)
        routes.get(.adminAssessmentTool(.param("toolID")), for: [.manageAssessmentTools], use: show)
    }

    func list(req: Request) async throws -> Response {
        try req.require(.manageAssessmentTools)
        return try await listPage(definition: "", errors: FormErrors(), on: req)
    }

    func upload(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAssessmentTools)
        let definition = ((try? req.content.get(String.self, at: "definition")) ?? "").replacingOccurrences(
            of: "\r\n", with: "\n")
        var errors = FormErrors()
        var parsed: AssessmentTool?
        if definition.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("definition", "Paste the tool's definition: see Resources/tools/README.md for the format")
        } else {
            do { parsed = try ToolDefinition.parse(definition) } catch let e as ToolDefinitionError {
                errors.add("definition", "Line \(e.line): \(e.reason)")
            }
        }
        if let tool = parsed {
            let newest = try await AssessmentToolRecord.query(on: req.db).filter(\.$key == tool.key).sort(
                \.$version, .descending
            ).first()
            if let refusal = ToolRevision.refusal(tool, newestStored: newest?.version) {
                errors.add("definition", refusal)
            }
        }
        guard errors.isEmpty, let tool = parsed else {
            return try await listPage(definition: definition, errors: errors, on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = try await req.audit.write(on: req.db) { db in
            let record = AssessmentToolRecord(
                tool: tool, definition: definition, source: AssessmentToolRecord.uploaded, addedBy: viewer.userID,
                at: now)
            try await record.create(on: db)
            let id = try record.requireID()
            return (
                id,
                [
                    AdminController.adminEvent(
                        viewer, "assessment-tool", id.uuidString, "\(tool.key) version \(tool.version) added", on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.adminAssessmentTool(id).with(query: [("added", "1")]), redirectType: .normal)
    }

    /// Every stored version, newest first within each tool, marking the one new assessments use.
    private func listPage(
        definition: String, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let records = try await AssessmentToolRecord.query(on: req.db).sort(\.$title).sort(\.$version, .descending)
            .all()
        let current = Set(try await AssessmentToolCatalogue.current(on: req.db).compactMap(\.id))
        return AssessmentToolsView(
            tools: try records.map { r in
                let id = try r.requireID()
                return AssessmentToolsView.Row(
                    id: id, title: r.title, version: r.version, shipped: r.source == AssessmentToolRecord.shipped,
                    addedAt: r.addedAt, inUse: current.contains(id))
            },
            definition: definition, errors: errors
        ).render(on: req, status: status)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.manageAssessmentTools)
        guard let id = req.parameters.get("toolID", as: UUID.self),
            let record = try await AssessmentToolRecord.query(on: req.db).filter(\.$id == id).with(\.$addedBy).first()
        else { throw Abort(.notFound) }
        let tool = try AssessmentToolCatalogue.tool(record)
        let used = try await Assessment.query(on: req.db).filter(\.$tool.$id == id).count()
        let added =
            record.source == AssessmentToolRecord.shipped
            ? "Shipped with Safeguard"
            : "Uploaded by \(record.addedBy?.displayName ?? "an administrator"), \(SiteFormat.dateTime(record.addedAt))"
        return AssessmentToolView(
            title: tool.title, version: tool.version, key: tool.key, subject: tool.subject.rawValue,
            sections: tool.sections.map(\.title), levels: tool.levels.map(\.label),
            reassessAfterDays: tool.reassessAfterDays, added: added, assessmentsMade: used,
            definition: record.definition, justAdded: req.query[String.self, at: "added"] != nil
        ).render(on: req)
    }
}
