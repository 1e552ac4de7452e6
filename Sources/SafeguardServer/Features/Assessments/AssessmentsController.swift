import Fluent
import SafeguardCore
import Vapor

/// Risk assessments about a person with the partnership's tools: start one (on its own or from a
/// referral), save a draft and return to it, submit it with its rating fixed, and have a manager
/// countersign it. The rules (rating, checks, countersigning) live in SafeguardCore.
struct AssessmentsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.personAssessmentNew(.param("personID")), for: [.recordAssessment], use: startForm)
        routes.post(.personAssessments(.param("personID")), for: [.recordAssessment], use: start)
        routes.get(.assessment(.param("assessmentID")), for: [.viewPerson], use: show)
        // Evidence for a dozen areas easily passes Vapor's 16 KB default for a form.
        routes.post(.assessment(.param("assessmentID")), bodyLimit: "1mb", for: [.recordAssessment], use: save)
        routes.post(.assessmentCountersign(.param("assessmentID")), for: [.countersignAssessment], use: countersign)
        routes.post(.assessmentDiscard(.param("assessmentID")), for: [.recordAssessment], use: discard)
    }

    func startForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.recordAssessment, personID: req.personID(), on: req)
        return try await Self.startView(
            person, tools: Self.fitting(person, on: req), referrals: Self.referrals(of: person, on: req),
            fields: ["referral": req.query[String.self, at: "referral"] ?? ""], errors: FormErrors()
        ).render(on: req)
    }

    func start(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.recordAssessment, personID: req.personID(), on: req)
        let fields = try FormBody.fields(req)
        let tools = try await Self.fitting(person, on: req)
        let referrals = try await Self.referrals(of: person, on: req)
        var errors = FormErrors()
        let tool = tools.first { $0.id?.uuidString == fields["tool"] }
        if tool == nil { errors.add("tool", "Choose the assessment tool to use") }
        let referral = fields["referral"].flatMap { $0.isEmpty ? nil : $0 }.map { id in
            referrals.first { $0.id?.uuidString == id }
        }
        if case .some(nil) = referral {
            errors.add("referral", "Choose one of \(person.firstName)'s referrals, or none")
        }
        guard errors.isEmpty, let tool else {
            return try Self.startView(person, tools: tools, referrals: referrals, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let assessment = Assessment()
        assessment.$person.id = try person.requireID()
        assessment.$tool.id = try tool.requireID()
        assessment.$referral.id = referral??.id
        assessment.$agency.id = viewer.agencyID
        assessment.status = AssessmentStatus.draft
        assessment.answers = AssessmentAnswers()
        assessment.$startedBy.id = viewer.userID
        assessment.startedAt = req.now
        assessment.updatedAt = req.now
        let id = try await req.audit.write(on: req.db) { db in
            try await assessment.create(on: db)
            let id = try assessment.requireID()
            return (
                id,
                [
                    viewer.event(
                        .create, "assessment", id.uuidString, reason: "\(tool.key) v\(tool.version) draft", on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.assessment(id).path, redirectType: .normal)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, assessment, person, relationship) = try await Self.load(req, for: .viewPerson)
        let tool = try AssessmentToolCatalogue.tool(assessment.tool)
        try await req.audit.record(
            viewer.event(.view, "assessment", try assessment.requireID().uuidString, on: req), on: req.db)
        if assessment.status.isEditable, Self.mayEdit(assessment, viewer: viewer, relationship: relationship) {
            let details = try AssessmentDetails(assessment)
            return AssessmentFormView(
                assessment: details, tool: tool, person: try PersonHeading(person), answers: details.answers,
                fields: AssessmentFormView.initialFields(details, today: req.today), errors: FormErrors(),
                flash: req.query[String.self, at: "done"]
            )
            .render(on: req)
        }
        return try await summary(
            assessment, tool: tool, person: person, viewer: viewer, relationship: relationship, on: req)
    }

    func summary(
        _ assessment: Assessment, tool: AssessmentTool, person: Person, viewer: Viewer, relationship: Relationship,
        errors: FormErrors = FormErrors(), flash: String? = nil, on req: Request
    ) async throws -> Response {
        let refusal = AssessmentCountersignature.refusal(
            status: assessment.status, submittedBy: assessment.$submittedBy.id,
            manager: viewer.userID, sameAgency: assessment.$agency.id == viewer.agencyID)
        let mayCountersign = viewer.may(.countersignAssessment, relationship: relationship) && refusal == nil
        return AssessmentSummaryView(
            assessment: try AssessmentDetails(assessment), tool: tool, person: try PersonHeading(person),
            mayCountersign: mayCountersign,
            today: req.today, errors: errors, flash: flash ?? req.query[String.self, at: "done"]
        )
        .render(on: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// "Save as draft" keeps whatever is valid so far; "Submit" needs a complete, checked assessment.
    func save(req: Request) async throws -> Response {
        let (viewer, assessment, person, relationship) = try await Self.load(req, for: .recordAssessment)
        guard assessment.status.isEditable else {
            throw Abort(.conflict, reason: "This assessment has been submitted: start a new one to record a change.")
        }
        guard Self.mayEdit(assessment, viewer: viewer, relationship: relationship) else {
            throw AccessDenied(decision: .deny(.needsAgencyInvolvement))
        }
        let tool = try AssessmentToolCatalogue.tool(assessment.tool)
        let pairs = FormBody.pairs(req)
        let fields = Dictionary(
            pairs.map { ($0.0, $0.1.trimmingCharacters(in: .whitespacesAndNewlines)) }, uniquingKeysWith: { a, _ in a })
        let answers = tool.answers(fromForm: Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) })
        let submitting = fields["action"] == "submit"
        let submission = AssessmentSubmission.read(
            fields, tool: tool, answers: answers, submitting: submitting, today: req.today)
        guard submission.errors.isEmpty else {
            return AssessmentFormView(
                assessment: try AssessmentDetails(assessment), tool: tool, person: try PersonHeading(person),
                answers: answers, fields: fields, errors: submission.errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = try assessment.requireID()
        let agencyID = viewer.agencyID
        submission.apply(to: assessment, tool: tool, by: viewer.userID, now: now)
        try await req.audit.write(on: req.db) { db in
            // Submitted meanwhile (a second tab, a double press): a draft save must not turn it back into a draft.
            try await db.holdUnchanged(assessment) { $0.status.isEditable }
            try await assessment.update(on: db)
            if submitting, let rating = submission.rating {
                // On the chronology where it happened: an assessment typed up later belongs on the day it was done.
                let occurred = submission.assessedOn.flatMap { $0 < SimpleDate(now) ? $0.noonInLondon : nil } ?? now
                try await ChronologyEntry(
                    personID: assessment.$person.id, occurredAt: occurred, agencyID: agencyID, category: "Assessment",
                    summary: "\(tool.title): \(rating.final.label)", recordedBy: viewer.userID,
                    visibility: .safeguarding, recordedAt: req.now
                )
                .create(on: db)
            }
            let what = submitting ? "submitted: \(submission.rating?.final.key ?? "")" : "draft saved"
            return ((), [viewer.event(.change, "assessment", id.uuidString, reason: what, on: req)])
        }
        return req.redirect(
            to: SiteURL.assessment(id).with(query: [("done", submitting ? "submitted" : "saved")]),
            redirectType: .normal)
    }

    func countersign(req: Request) async throws -> Response {
        let (viewer, assessment, person, relationship) = try await Self.load(req, for: .countersignAssessment)
        if let refusal = AssessmentCountersignature.refusal(
            status: assessment.status, submittedBy: assessment.$submittedBy.id,
            manager: viewer.userID, sameAgency: assessment.$agency.id == viewer.agencyID)
        {
            var errors = FormErrors()
            errors.add("countersign-note", refusal)
            return try await summary(
                assessment, tool: try AssessmentToolCatalogue.tool(assessment.tool), person: person, viewer: viewer,
                relationship: relationship, errors: errors, on: req)
        }
        let note = ((try? req.content.get(String.self, at: "countersign-note")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let now = req.now
        let id = try assessment.requireID()
        try await req.audit.write(on: req.db) { db in
            assessment.status = AssessmentStatus.countersigned
            assessment.$countersignedBy.id = viewer.userID
            assessment.countersignedAt = now
            assessment.countersignNote = note.isEmpty ? nil : note
            try await assessment.update(on: db)
            return ((), [viewer.event(.change, "assessment", id.uuidString, reason: "countersigned", on: req)])
        }
        return req.redirect(to: SiteURL.assessment(id).with(query: [("done", "countersigned")]), redirectType: .normal)
    }

    /// A draft started by mistake can be thrown away; a submitted assessment cannot.
    func discard(req: Request) async throws -> Response {
        let (viewer, assessment, _, relationship) = try await Self.load(req, for: .recordAssessment)
        guard assessment.status.isEditable, Self.mayEdit(assessment, viewer: viewer, relationship: relationship) else {
            throw Abort(.conflict, reason: "Only a draft can be discarded.")
        }
        let id = try assessment.requireID()
        let personID = assessment.$person.id
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(assessment) { $0.status.isEditable }
            try await assessment.delete(on: db)
            return ((), [viewer.event(.change, "assessment", id.uuidString, reason: "draft discarded", on: req)])
        }
        return req.redirect(to: SiteURL.person(personID).path, redirectType: .normal)
    }
}

extension AssessmentsController {
    /// The start page: the tools and referrals that may be chosen, worded as the page offers them.
    static func startView(
        _ person: Person, tools: [AssessmentToolRecord], referrals: [Referral], fields: [String: String],
        errors: FormErrors
    ) throws -> AssessmentStartView {
        AssessmentStartView(
            person: try PersonHeading(person),
            tools: try tools.map { .init(id: try $0.requireID(), label: "\($0.title) (version \($0.version))") },
            referrals: try referrals.map { r in
                .init(
                    id: try r.requireID(),
                    label: r.reference + (r.submittedAt.map { ", received " + SiteFormat.dateTime($0) } ?? ""))
            },
            fields: fields, errors: errors)
    }
}
