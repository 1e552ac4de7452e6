import Fluent
import SafeguardCore
import Vapor

extension AssessmentsController {
    /// What assessments ask of this user: drafts to finish, reassessments due within two weeks or
    /// overdue (for the assessments they made, unless someone has assessed since), and, for
    /// managers, their agency's assessments waiting for a countersignature.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        var items: [MyWorkController.Item] = []
        let today = req.today
        for d in try await Assessment.query(on: req.db).filter(\.$startedBy.$id == viewer.userID)
            .filter(\.$status == AssessmentStatus.draft).with(\.$tool).with(\.$person).sort(\.$startedAt).all()
        {
            items.append(
                .init(
                    title: "Finish your draft \(d.tool.title.lowercased()) about \(d.person.fullName)",
                    url: .assessment(d.id!),
                    detail: "Started \(SiteFormat.dateTime(d.startedAt))", urgent: false))
        }
        let limit = today.adding(days: Reassessment.noticeDays).iso
        let complete = [AssessmentStatus.submitted, AssessmentStatus.countersigned]
        let mine = try await Assessment.query(on: req.db).filter(\.$submittedBy.$id == viewer.userID).filter(
            \.$status ~~ complete
        )
        .filter(\.$reassessOn <= limit).with(\.$tool).with(\.$person).all()
        if !mine.isEmpty {
            let people = Set(mine.map { $0.$person.id })
            let latest = try await latestComplete(for: people, on: req.db)
            for a in mine where latest[Pair(person: a.$person.id, tool: a.tool.key)] == a.id {
                let due = Reassessment(due: a.reassessDue!)
                items.append(
                    .init(
                        title: "Reassess \(a.person.fullName): \(a.tool.title.lowercased())",
                        url: .person(a.$person.id),
                        detail: (due.isOverdue(today: today) ? "Overdue since " : "Due by ") + due.due.longText,
                        urgent: due.isOverdue(today: today)))
            }
        }
        if viewer.mayEver(.countersignAssessment) {
            for a in try await Assessment.query(on: req.db).filter(\.$agency.$id == viewer.agencyID)
                .filter(\.$status == AssessmentStatus.submitted).filter(\.$submittedBy.$id != viewer.userID)
                .with(\.$tool).with(\.$person).sort(\.$submittedAt).all()
            {
                items.append(
                    .init(
                        title: "Countersign the \(a.tool.title.lowercased()) about \(a.person.fullName)",
                        url: .assessment(a.id!),
                        detail: "Submitted \(a.submittedAt.map(SiteFormat.dateTime) ?? "")", urgent: false))
            }
        }
        return items
    }

    struct Pair: Hashable {
        var person: UUID
        var tool: String
    }

    /// The newest complete assessment of each person with each tool (any version, any assessor).
    static func latestComplete(for people: Set<UUID>, on db: Database) async throws -> [Pair: UUID] {
        let complete = [AssessmentStatus.submitted, AssessmentStatus.countersigned]
        let rows = try await Assessment.query(on: db).filter(\.$person.$id ~~ people).filter(\.$status ~~ complete)
            .with(\.$tool).all()
        var latest: [Pair: Assessment] = [:]
        for a in rows {
            let key = Pair(person: a.$person.id, tool: a.tool.key)
            if let current = latest[key],
                (current.assessedOn ?? "", current.submittedAt ?? .distantPast) >= (
                    a.assessedOn ?? "", a.submittedAt ?? .distantPast
                )
            {
                continue
            }
            latest[key] = a
        }
        return latest.compactMapValues(\.id)
    }
}
