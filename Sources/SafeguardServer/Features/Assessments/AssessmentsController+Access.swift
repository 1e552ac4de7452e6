import Fluent
import SafeguardCore
import Vapor

extension AssessmentsController {
    /// Loads the assessment with its tool, checks the policy for `action` on its person, and
    /// checks this viewer may read it: the assessing agency and the agencies that lead
    /// safeguarding do; others who know the person do not (a DASH about a parent is not the
    /// school's to read). Drafts are the assessing agency's alone.
    static func load(_ req: Request, for action: Action) async throws -> (Viewer, Assessment, Person, Relationship) {
        try req.requireEver(action)  // before the record is looked up: a role that may never is told so
        guard let id = req.parameters.get("assessmentID", as: UUID.self),
            let assessment = try await Assessment.query(on: req.db).filter(\.$id == id).with(\.$tool).with(\.$agency)
                .with(\.$startedBy).with(\.$submittedBy).with(\.$countersignedBy).with(\.$referral).first()
        else {
            throw Abort(.notFound)
        }
        let (viewer, person, relationship) = try await PersonAccess.authorise(
            action, personID: assessment.$person.id, on: req,
            offerBreakGlass: action == .viewPerson)
        guard isVisible(assessment, to: viewer) else { throw Abort(.notFound) }
        return (viewer, assessment, person, relationship)
    }

    static func isVisible(_ assessment: Assessment, to viewer: Viewer) -> Bool {
        let ownAgency = assessment.$agency.id == viewer.agencyID
        if assessment.status == .draft { return ownAgency }
        return ChronologyVisibility.safeguarding.isVisible(to: viewer.role, recordedByViewersAgency: ownAgency)
    }

    /// A draft belongs to its agency: a colleague can finish it when its author is away.
    static func mayEdit(_ assessment: Assessment, viewer: Viewer, relationship: Relationship) -> Bool {
        assessment.$agency.id == viewer.agencyID && viewer.may(.recordAssessment, relationship: relationship)
    }

    /// The newest version of each tool that fits the person: children's tools for children, adults' for adults.
    static func fitting(_ person: Person, on req: Request) async throws -> [AssessmentToolRecord] {
        let category = person.category(on: req.today)
        return try await AssessmentToolCatalogue.current(on: req.db).filter {
            try ToolSubject.stored($0.subject, table: AssessmentToolRecord.schema, column: "subject", id: $0.id)
                .fits(category)
        }
    }

    /// Referrals about the person, newest first, which an assessment may be started from.
    static func referrals(of person: Person, on req: Request) async throws -> [Referral] {
        let subjects = try await ReferralSubject.query(on: req.db).filter(\.$person.$id == person.requireID()).with(
            \.$referral
        ).all()
        return subjects.map(\.referral).filter { $0.status != .draft }
            .sorted { ($0.submittedAt ?? .distantPast) > ($1.submittedAt ?? .distantPast) }
    }
}
