import Fluent
import SafeguardCore
import Vapor

extension MASHController {
    func decide(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.load(req, .recordDecision)
        let id = try referral.requireID()
        let form = try FormBody.fields(req)
        let subjects = try await referral.$subjects.query(on: req.db).all()
        let today = req.today
        let decided = try MASHStep.decide(
            status: referral.status, unlinkedSubjects: subjects.filter { $0.$person.id == nil }.count,
            level: Int(form["level"] ?? ""), outcome: ReferralOutcome(rawValue: form["outcome"] ?? ""),
            rationale: form["rationale"] ?? "", continuum: req.safeguard.continuum,
            subjects: subjects.map { s in
                s.dob.map { PersonCategory.of(dateOfBirth: $0, expectedDate: nil, on: today) } ?? .child
            })
        switch decided {
        case .failure(let problems):
            let record = try await MASHReferralRecord.load(referral, viewer: viewer, on: req)
            return MASHReferralView(record: record, errors: FormErrors(problems), form: form).render(
                on: req, status: .unprocessableEntity)
        case .success(let decision):
            let now = req.now
            try await req.audit.write(on: req.db) { db in
                try await db.holdUnchanged(referral) { $0.sameWorkflowState(as: referral) }
                let d = ThresholdDecisionRecord()
                d.$referral.id = id
                d.level = decision.level
                d.outcome = decision.outcome.rawValue
                d.rationale = decision.rationale
                d.$decidedBy.id = viewer.userID
                d.decidedAt = now
                try await d.create(on: db)
                try referral.move(.recordDecision)
                try await referral.update(on: db)
                return (
                    (),
                    [
                        viewer.event(
                            .change, "referral", id.uuidString,
                            reason: "decision recorded: \(decision.outcome.rawValue)", on: req)
                    ]
                )
            }
            return req.redirect(to: SiteURL.referral(id).path, redirectType: .normal)
        }
    }

    /// A manager approves the decision (the referrer then sees the outcome) or returns it.
    func signOff(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.load(req, .signOffDecision)
        let id = try referral.requireID()
        let form = try FormBody.fields(req)
        let waiting = try await ThresholdDecisionRecord.query(on: req.db).filter(\.$referral.$id == id)
            .filter(\.$signedOffAt == nil).filter(\.$returnedNote == nil).sort(\.$decidedAt, .descending).first()
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let choice: SignOffChoice
        switch try MASHStep.signOff(
            status: referral.status, decisionWaiting: waiting != nil, choice: form["sign-off"], note: note)
        {
        case .failure(let problems):
            let record = try await MASHReferralRecord.load(referral, viewer: viewer, on: req)
            return MASHReferralView(record: record, errors: FormErrors(problems), form: form).render(
                on: req, status: .unprocessableEntity)
        case .success(let answer): choice = answer
        }
        guard let decision = waiting else { throw MASHStep.Refused.nothingAwaitingSignOff }  // refused above already
        let approve = choice == .approve
        let now = req.now
        let emailConfigured = req.notifications.isConfigured
        let subjects = try await referral.$subjects.query(on: req.db).with(\.$person).all()
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(referral) { $0.sameWorkflowState(as: referral) }
            if approve {
                decision.$signedOffBy.id = viewer.userID
                decision.signedOffAt = now
                try referral.move(choice.event)
                for s in subjects {
                    guard let pid = s.$person.id else { continue }
                    try await ChronologyEntry(
                        personID: pid, occurredAt: now, agencyID: viewer.agencyID, category: "MASH decision",
                        summary:
                            "\(referral.reference): \(decision.referralOutcome?.displayName ?? decision.outcome) (level \(decision.level))",
                        recordedBy: viewer.userID, visibility: .safeguarding
                    ).create(on: db)
                }
                // Closing the loop: the referrer hears the outcome in the platform, and by e-mail where configured.
                let notice = ReferralOutcomeNotice(
                    reference: referral.reference, children: subjects.map { $0.person?.fullName ?? $0.fullName },
                    outcome: decision.referralOutcome, decidedOn: SimpleDate(now))
                try await UserNotification(
                    userID: referral.$referrer.id, subject: notice.subject, body: notice.body,
                    link: SiteURL.referralOutcome(id).path, at: now, emailConfigured: emailConfigured
                ).create(on: db)
            } else {
                // A returned decision stays on record with the manager's note; the referral goes back to the team.
                decision.returnedNote = note
                try referral.move(choice.event)
            }
            try await decision.update(on: db)
            try await referral.update(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "referral", id.uuidString,
                        reason: approve ? "decision signed off" : "decision returned: \(note)", on: req)
                ]
            )
        }
        if approve { req.notifications.sendPending(app: req.application) }
        return req.redirect(to: SiteURL.referral(id).path, redirectType: .normal)
    }
}
