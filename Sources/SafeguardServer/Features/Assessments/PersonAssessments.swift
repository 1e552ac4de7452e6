import Fluent
import SafeguardCore
import Vapor

/// A person's assessments as the person page shows them: every one this viewer may read, and
/// for each tool used more than once, the trend of its overall level and of each category.
struct PersonAssessments: Sendable {
    struct Line: Sendable {
        var id: UUID
        var title: String
        var version: Int
        var status: AssessmentStatus
        var assessedOn: SimpleDate?
        var level: ToolLevel?
        var agency: String
        var reassessDue: SimpleDate?
    }
    struct Trend: Sendable {
        var key: String
        var title: String
        var levels: [String]
        var points: [TrendChart.Point]
        /// One row a category or area: its text, then its level at each point (last six).
        var rows: [(String, [String])]
        var dates: [SimpleDate]
    }

    var lines: [Line]
    var trends: [Trend]
    /// When each tool is next due, from its latest complete assessment.
    var due: [(title: String, date: SimpleDate, overdue: Bool)]
    var mayRecord: Bool

    /// `any`: whether the person has any assessments at all (the person page counts them first), else none are read.
    static func load(
        personID: UUID, viewer: Viewer, relationship: Relationship, today: SimpleDate, any: Bool = true,
        on db: Database
    ) async throws -> PersonAssessments {
        let all =
            !any
            ? []
            : try await Assessment.query(on: db).filter(\.$person.$id == personID).with(\.$tool).with(\.$agency)
                .sort(\.$startedAt, .descending).all()
                .filter { AssessmentsController.isVisible($0, to: viewer) }
        var lines: [Line] = []
        var complete: [(Assessment, AssessmentTool)] = []
        for a in all {
            let tool = try AssessmentToolCatalogue.tool(a.tool)
            lines.append(
                Line(
                    id: try a.requireID(), title: tool.title, version: tool.version, status: a.status,
                    assessedOn: a.assessed, level: a.finalLevel.flatMap(tool.level), agency: a.agency.name,
                    reassessDue: a.reassessDue))
            if a.status.isComplete, a.assessed != nil { complete.append((a, tool)) }
        }
        let byTool = Dictionary(grouping: complete, by: { $0.1.key })
        var trends: [Trend] = []
        var due: [(String, SimpleDate, Bool)] = []
        for (key, group) in byTool.sorted(by: { $0.key < $1.key }) {
            let ordered = group.sorted {
                ($0.0.assessed!, $0.0.submittedAt ?? .distantPast) < ($1.0.assessed!, $1.0.submittedAt ?? .distantPast)
            }
            let latest = ordered.map(\.1).max { $0.version < $1.version }!
            if let next = ordered.last?.0.reassessDue {
                due.append((latest.title, next, Reassessment(due: next).isOverdue(today: today)))
            }
            guard ordered.count > 1 else { continue }
            trends.append(trend(key: key, ordered, latest: latest))
        }
        return PersonAssessments(
            lines: lines, trends: trends, due: due.sorted { $0.1 < $1.1 },
            mayRecord: viewer.may(.recordAssessment, relationship: relationship))
    }

    /// Levels are placed on the newest version's scale, so a revision of the tool does not break the line.
    private static func trend(key: String, _ ordered: [(Assessment, AssessmentTool)], latest: AssessmentTool) -> Trend {
        let points = ordered.map { a, tool -> TrendChart.Point in
            let level = a.finalLevel ?? ""
            let rank = latest.rank(of: level) ?? tool.rank(of: level) ?? 0
            return TrendChart.Point(date: a.assessed!, rank: rank, label: tool.level(level)?.label ?? level)
        }
        let recent = ordered.suffix(6)
        let ratings = recent.map { a, tool in tool.rate(a.answers, override: a.levelOverride) }
        var rows: [(String, [String])] = [
            ("Overall", recent.map { a, tool in tool.level(a.finalLevel ?? "")?.label ?? "" })
        ]
        for section in latest.sections {
            for q in section.questions {
                let cells = ratings.map { r -> String in
                    guard let ql = r.questionLevels.first(where: { $0.question == q.key }) else { return "–" }
                    return ql.value.map { AssessmentSummaryView.number($0) + " (\(ql.level.label))" } ?? ql.level.label
                }
                if cells.contains(where: { $0 != "–" }) { rows.append((q.text, cells)) }
            }
        }
        return Trend(
            key: key, title: latest.title, levels: latest.levels.map(\.label), points: points, rows: rows,
            dates: recent.map { $0.0.assessed! })
    }
}
