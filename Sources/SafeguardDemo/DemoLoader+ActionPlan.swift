import Fluent
import SafeguardCore
import SafeguardDemoData
import SafeguardServer
import Vapor

extension DemoLoader {
    /// A completed local child safeguarding practice review, "Baby M" (written for the demo), with its
    /// recommendations and actions in every state: signed off, awaiting sign-off, at risk, on track, overdue,
    /// and a recommendation not implemented with its reason.
    static func loadActionPlan(on db: Database, now: Date) async throws {
        func user(_ email: String) async throws -> User? {
            try await User.query(on: db).filter(\.$email == email).first()
        }
        guard let unit = try await user("business.unit.officer@demo.safeguard.test"),
            let hv = try await user("nia.campbell@demo.safeguard.test"),
            let sw = try await user("social.worker@demo.safeguard.test"),
            let ppu = try await user("police.public.protection@demo.safeguard.test"),
            let ed = try await user("health.practitioner@demo.safeguard.test"),
            let mash = try await user("mash.practitioner@demo.safeguard.test"),
            let reviewer = try await user("team.manager@demo.safeguard.test")
        else { return }
        let today = SimpleDate(now)
        func recommendation(_ finding: String, _ text: String) async throws -> UUID {
            let r = RecommendationRecord()
            r.sourceKind = LearningSourceKind.review.rawValue
            r.sourceReference = YearlyReference.practiceReview.make(year: today.year - 1, number: 1)  // Baby M, published below
            r.sourceTitle = "Local child safeguarding practice review: Baby M"
            r.$createdBy.id = try unit.requireID()
            r.createdAt = now.addingTimeInterval(-200 * 86400)
            r.set(Recommendation(finding: finding, text: text), at: r.createdAt)
            try await r.create(on: db)
            return try r.requireID()
        }
        func action(
            _ rec: UUID, _ owner: User, _ description: String, _ impact: String, dueIn days: Int,
            _ shape: (inout PlanAction) throws -> Void = { _ in }
        ) async throws -> PlanActionRecord {
            var a = PlanAction(description: description, impactMeasure: impact, dueOn: today.adding(days: days))
            try shape(&a)
            let r = PlanActionRecord()
            r.$recommendation.id = rec
            r.$agency.id = owner.$agency.id
            r.$owner.id = try owner.requireID()
            r.set(a, at: now)
            try await r.create(on: db)
            return r
        }
        let evidenceDay = today.adding(days: -20)
        let fathers = try await recommendation(
            "The men living in Baby M's home were not known to health visiting or the GP",
            "Every agency records and engages the men around a baby")
        let auditFile = UUID()
        let signed = try await action(
            fathers, hv, "Add a men-in-the-household prompt to every new-birth visit record",
            "An audit of 20 new-birth records shows the men in the household recorded in at least 90%", dueIn: -30
        ) { a in
            try a.addEvidence(
                "The audit of 20 new-birth records, after the prompt went live in September", on: evidenceDay,
                by: hv.displayName,
                files: [auditFile.uuidString])
            try a.complete(
                on: evidenceDay, impactAchieved: "The audit of 20 records found the men recorded in 19 (95%)")
            try a.signOff(on: today.adding(days: -10), by: reviewer.displayName)
        }
        let file = EvidenceFileRecord()
        file.id = auditFile
        file.$action.id = try signed.requireID()
        file.filename = "new-birth-audit.csv"
        file.contentType = "text/csv"
        file.content = Data("record,men in the household recorded\n1,yes\n2,yes\n3,no\n".utf8)
        file.size = file.content.count
        file.$uploadedBy.id = try hv.requireID()
        file.uploadedAt = now.addingTimeInterval(-20 * 86400)
        try await file.create(on: db)
        _ = try await action(
            fathers, sw, "Record the male carer checks on every assessment of a child under one",
            "Quarterly audit shows every man in the household seen, assessed and checked", dueIn: 20
        ) { a in
            try a.addEvidence(
                "Team briefing held and the men card added to the assessment checklist", on: today.adding(days: -5),
                by: sw.displayName)
            try a.complete(on: today.adding(days: -3), impactAchieved: "The first 12 assessments all record the checks")
        }
        _ = try await action(
            fathers, ppu, "Share a new partner's domestic abuse history with health visiting within 2 working days",
            "Sample of 10 notifications shows sharing within 2 working days", dueIn: 25
        ) { a in
            try a.updateProgress(
                .atRisk, note: "The police system cannot yet flag partners of parents of babies automatically")
        }
        let appointments = try await recommendation(
            "Agencies did not share that Baby M missed four health appointments",
            "Missed health appointments of babies on plans reach the social worker the same week")
        _ = try await action(
            appointments, ed, "Alert the social worker when a baby on a plan misses an outpatient appointment",
            "Every missed appointment of a baby on a plan is shared within 5 working days", dueIn: -12)
        _ = try await action(
            appointments, mash, "Add missed appointments to the MASH's information request template",
            "Templates in use in every health information request from the MASH", dueIn: 45
        ) { a in
            try a.updateProgress(.onTrack, note: "Draft template agreed with the designated nurse")
        }
        try await publishedBabyM(on: db, now: now, today: today)
        let course = try await recommendation(
            "Baby M's father was offered no support with a crying baby",
            "Commission a county-wide course for fathers of babies")
        if let r = try await RecommendationRecord.find(course, on: db) {
            var rec = r.recommendation
            try rec.close(
                implemented: false,
                reason: "The funding bid was unsuccessful; the partnership will bid again for 2027 to 2028", actions: []
            )
            r.set(rec, at: now)
            try await r.update(on: db)
        }
    }

    /// The Baby M review itself, published: what the action plan's recommendations come from.
    static func publishedBabyM(on db: Database, now: Date, today: SimpleDate) async throws {
        var r = PracticeReview(kind: .lcspr, decidedOn: today.adding(days: -420), publicationMonths: 6)
        try r.setUp(
            terms:
                "How agencies identified, assessed and engaged the men living in and visiting Baby M's home, and shared what they knew",
            reviewer: "An independent reviewer", family: "Baby M's mother met the reviewer twice; the father declined")
        try r.addMilestone("Practitioner learning event", due: today.adding(days: -330))
        try r.completeMilestone(0, on: today.adding(days: -332))
        try r.addDraft(sharedOn: today.adding(days: -300), seenBy: ["Baby M's mother", "The agencies involved"])
        try r.addDraft(sharedOn: today.adding(days: -270), seenBy: ["The safeguarding partnership board"])
        try r.recordBoardResponse(
            "The board accepts the four recommendations and will monitor the action plan at every meeting until each is signed off",
            on: today.adding(days: -260))
        try r.publish(on: today.adding(days: -250), lateReason: "")
        let record = PracticeReviewRecord()
        record.reference = YearlyReference.practiceReview.make(year: today.year - 1, number: 1)
        record.title = "Baby M"
        record.set(r, at: now)
        try await record.create(on: db)
        // And a Safeguarding Adults Review under way, its terms agreed and a milestone set.
        var sar = PracticeReview(kind: .sar, decidedOn: today.adding(days: -60), publicationMonths: 6)
        try sar.setUp(
            terms:
                "How agencies responded to Adult C's self-neglect over the two years before his death, and how they worked together",
            reviewer: "An independent reviewer", family: "Adult C's brother has agreed to speak to the reviewer")
        try sar.addMilestone("Agencies' chronologies received", due: today.adding(days: 14))
        let adultC = PracticeReviewRecord()
        adultC.reference = YearlyReference.practiceReview.make(year: today.year, number: 1)
        adultC.title = "Adult C"
        adultC.set(sar, at: now)
        try await adultC.create(on: db)
    }
}
