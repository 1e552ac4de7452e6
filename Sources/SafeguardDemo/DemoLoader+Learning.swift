import Fluent
import SafeguardCore
import SafeguardDemoData
import SafeguardServer
import Vapor

extension DemoLoader {
    /// The learning a visitor finds: 27 historical serious case reviews coded with seed 004's figures, two
    /// published 7-minute briefings (read by some of the demo users) and one draft the business unit is writing.
    static func loadLearning(on db: Database, now: Date, calendar: WorkingCalendar) async throws {
        try await loadSeriousIncident(on: db, now: now, calendar: calendar)
        try await loadDisagreements(on: db, now: now, calendar: calendar)
        try await loadActionPlan(on: db, now: now)
        try await loadSARReferral(on: db, now: now)
        _ = try await ReviewsImport.load(DemoLearning.historicalReviews, source: "demo", now: now, on: db)
        let users = try await User.query(on: db).sort(\.$email).all()
        guard let unit = users.first(where: { $0.userRole == .businessUnitOfficer }) else { return }
        let course = try await TrainingCourseRecord.query(on: db).filter(
            \.$title == "Safeguarding and Child Protection Multi-agency course"
        ).first()
        let today = SimpleDate(now)
        let known = Set(DemoLearning.historicalReviews.map(\.review.reference))
        for (n, d) in DemoLearning.briefings.enumerated() {
            var b = d.briefing
            if d.published {
                try b.publish(on: today.adding(days: -30 + n * 12), vocabulary: .shipped, knownReviews: known)
            }
            let record = BriefingRecord()
            record.set(b, at: now)
            record.$createdBy.id = try unit.requireID()
            if n == 0 { record.$course.id = course?.id }
            try await record.create(on: db)
            guard d.published else { continue }
            // Some of the partnership has read each published briefing; the business unit sees who, by agency.
            for (i, u) in users.enumerated() where (i + n) % 3 == 0 && u.id != unit.id {
                let read = BriefingReadRecord()
                read.$briefing.id = try record.requireID()
                read.$user.id = try u.requireID()
                read.$agency.id = u.$agency.id
                read.readAt = now.addingTimeInterval(Double(-86400 * (20 - i % 20)))
                try await read.create(on: db)
            }
        }
    }

    /// A need-to-know the social worker raised two working days ago about the child on a plan: the business unit
    /// has recorded when it became aware, so My work shows the national panel's deadline counting down.
    static func loadSeriousIncident(on db: Database, now: Date, calendar: WorkingCalendar) async throws {
        guard
            let plan = try await ProtectionRecord.query(on: db).filter(\.$kind == ProtectionKind.childProtectionPlan)
                .filter(\.$endDate == nil).with(\.$person).first(),
            let worker = try await User.query(on: db).filter(\.$email == "social.worker@demo.safeguard.test").first()
        else { return }
        let today = SimpleDate(now)
        let raisedOn = workingDays(2, before: today, calendar: calendar)
        let snapshot = try await PersonSnapshotLoader.load(plan.person, on: db, today: today)
        var n = SeriousIncidentNotification(
            child: snapshot, reason: .seriousHarm, incidentOn: raisedOn.adding(days: -1),
            whatHappened:
                "Taken to the emergency department with a skull fracture. Mum's partner says \(plan.person.firstName) fell from the sofa; the injury does not fit that account."
        )
        n.policeInvestigation = .yes
        n.policeDetails = "Public Protection Unit, DS Karen Lindqvist"
        n.awareOn = raisedOn
        let record = SeriousIncidentRecord()
        record.reference = YearlyReference.seriousIncident.make(year: today.year, number: 1)
        record.$person.id = try plan.person.requireID()
        record.$raisedBy.id = try worker.requireID()
        record.$raisedAgency.id = worker.$agency.id
        record.raisedAt = raisedOn.at(hour: 11)
        record.set(n, at: now)
        try await record.create(on: db)
        try await loadRapidReviewInProgress(on: db, now: now, calendar: calendar, raisedBy: worker)
    }

    /// A second notification, sent to the national panel eight working days ago, its rapid review part written
    /// and the decision still to make.
    static func loadRapidReviewInProgress(
        on db: Database, now: Date, calendar: WorkingCalendar, raisedBy worker: User
    ) async throws {
        let today = SimpleDate(now)
        let taken = try await SeriousIncidentRecord.query(on: db).all().map(\.$person.id)
        guard
            let child = try await AgencyInvolvement.query(on: db).filter(\.$agency.$id == worker.$agency.id).filter(
                \.$endedOn == nil
            ).with(\.$person).all()
                .map(\.person).first(where: { $0.category(on: today) == .child && !taken.contains($0.id!) })
        else { return }
        let notifiedOn = workingDays(8, before: today, calendar: calendar)
        let awareOn = workingDays(10, before: today, calendar: calendar)
        var n = SeriousIncidentNotification(
            child: try await PersonSnapshotLoader.load(child, on: db, today: today), reason: .death,
            incidentOn: awareOn.adding(days: -1),
            whatHappened:
                "Died in hospital after being found unresponsive at home; neglect of the child's diabetes care is suspected."
        )
        n.place = "At home, then Northmere Hospitals"
        n.policeInvestigation = .yes
        n.policeDetails = "Public Protection Unit"
        n.awareOn = awareOn
        try n.recordNotified(on: notifiedOn, lateReason: "", today: today, calendar: calendar)
        let incident = SeriousIncidentRecord()
        incident.reference = YearlyReference.seriousIncident.make(year: today.year, number: 2)
        incident.$person.id = try child.requireID()
        incident.$raisedBy.id = try worker.requireID()
        incident.$raisedAgency.id = worker.$agency.id
        incident.raisedAt = awareOn.at(hour: 15)
        incident.set(n, at: now)
        incident.$notifiedBy.id = try await User.query(on: db).filter(\.$role == Role.businessUnitOfficer.rawValue)
            .first()?.requireID()
        try await incident.create(on: db)
        var review = RapidReview()
        try review.saveSections([
            .facts:
                "Known to health (diabetes clinic, school nursing), the school and children's services (a child in need plan closed last year).",
            .practiceEpisodes:
                "Three missed clinic appointments in the autumn were not shared with the school or the social worker.",
        ])
        let record = RapidReviewRecord()
        record.$incident.id = try incident.requireID()
        record.set(review, at: now)
        try await record.create(on: db)
        try await loadAgencySummaries(for: incident, askedOn: notifiedOn, on: db, now: now, calendar: calendar)
    }

    /// The agencies' summaries for the rapid review in progress, asked for the day it was notified: the hospital
    /// and the police have sent theirs; the school's is a working day late and not yet chased.
    static func loadAgencySummaries(
        for incident: SeriousIncidentRecord, askedOn: SimpleDate, on db: Database, now: Date, calendar: WorkingCalendar
    ) async throws {
        guard let unit = try await User.query(on: db).filter(\.$role == Role.businessUnitOfficer.rawValue).first(),
            let reviewDue = incident.notification.clock(calendar: calendar)?.rapidReviewDue
        else { return }
        let today = SimpleDate(now)
        let due = try AgencySummary.due(
            requestedOn: askedOn, workingDays: PartnershipRules.standard.agencySummaryWorkingDays, reviewDue: reviewDue,
            calendar: calendar)
        func day(_ daysAgo: Int) -> String {
            let d = today.adding(days: -daysAgo)
            return String(format: "%02d/%02d/%04d", d.day, d.month, d.year)
        }
        let ask = "Cover your agency's contact with the child and family over the last 12 months."
        let asked: [(email: String, sent: (involvement: String, chronology: String, analysis: String)?)] = [
            (
                "health.practitioner@demo.safeguard.test",
                (
                    "Seen in the emergency department twice with high blood sugar, and known to the children's diabetes clinic.",
                    "\(day(200)) Emergency department: high blood sugar, discharged with advice\n\(day(120)) Diabetes clinic appointment missed\n\(day(95)) Diabetes clinic appointment missed\n\(day(70)) Emergency department: diabetic ketoacidosis, admitted two nights",
                    "The missed appointments were followed up by letter only; the school nurse and the social worker were not told."
                )
            ),
            (
                "police.officer@demo.safeguard.test",
                (
                    "One call to the home, a concern for welfare raised by a neighbour.",
                    "\(day(60)) Concern for welfare: child heard crying late at night; officers attended, mother present, no further action",
                    "The child was not seen alone and no notification was sent to the MASH."
                )
            ),
            ("school.dsl@demo.safeguard.test", nil),
        ]
        for a in asked {
            guard let contributor = try await User.query(on: db).filter(\.$email == a.email).first() else { continue }
            var summary = AgencySummary(requestedOn: askedOn, due: due, ask: ask)
            if let sent = a.sent {
                try summary.submit(
                    involvement: sent.involvement, chronology: sent.chronology, analysis: sent.analysis,
                    on: min(due, today))
            }
            let r = AgencySummaryRecord()
            r.$incident.id = try incident.requireID()
            r.$agency.id = contributor.$agency.id
            r.$contributor.id = try contributor.requireID()
            r.$requestedBy.id = try unit.requireID()
            r.set(summary, at: now)
            try await r.create(on: db)
        }
    }

    /// `n` working days before `day`, counted back past weekends and bank holidays.
    static func workingDays(_ n: Int, before day: SimpleDate, calendar: WorkingCalendar) -> SimpleDate {
        var d = day
        while calendar.workingDays(from: d, to: day) < n { d = d.adding(days: -1) }
        return d
    }

    /// Four disagreements: the school's with children's services waiting on the practitioners, the police's at
    /// the managers' stage, one resolved between the hospital and children's services, and one at the chair's.
    static func loadDisagreements(on db: Database, now: Date, calendar: WorkingCalendar) async throws {
        func user(_ email: String) async throws -> User? {
            try await User.query(on: db).filter(\.$email == email).first()
        }
        guard let dsl = try await user("school.dsl@demo.safeguard.test"),
            let sw = try await user("social.worker@demo.safeguard.test"),
            let ppu = try await user("police.public.protection@demo.safeguard.test"),
            let nurse = try await user("health.practitioner@demo.safeguard.test"),
            let tm = try await user("team.manager@demo.safeguard.test")
        else { return }
        let today = SimpleDate(now)
        let ladder = EscalationLadder.standard
        struct Case {
            var raiser: User
            var other: UUID
            var reference: String
            var theme: DisagreementTheme
            var summary: String
            var resolution: String
            var daysAgo: Int
            var outcomes: [(String, Bool, String)]
        }
        let cases = [
            Case(
                raiser: dsl, other: sw.$agency.id, reference: "MASH-2026-000142", theme: .thresholdDecision,
                summary:
                    "The MASH decided no further action, but we have seen new bruising twice this week and the child says she is frightened to go home.",
                resolution: "A strategy discussion this week", daysAgo: 2, outcomes: []),
            Case(
                raiser: ppu, other: sw.$agency.id, reference: "NM-REC-88412", theme: .attendance,
                summary:
                    "Police were not invited to the review child protection conference although we hold current intelligence about the mother's partner.",
                resolution: "Police invited to every conference for this family", daysAgo: 4,
                outcomes: [
                    (
                        "Spoke to the social worker, who says the invitation list is the chair's decision", false,
                        "Karen Lindqvist"
                    )
                ]),
            Case(
                raiser: nurse, other: sw.$agency.id, reference: "MASH-2026-000131", theme: .informationSharing,
                summary:
                    "The emergency department was not told the child was on a plan when she attended last month, so the social worker was not called.",
                resolution: "Plan status visible to the department", daysAgo: 12,
                outcomes: [
                    (
                        "Agreed the plan was started after the attendance; the status check now shows it", true,
                        "Tomasz Wójcik"
                    )
                ]),
            Case(
                raiser: tm, other: ppu.$agency.id, reference: "NM-REC-87020", theme: .planOrClosure,
                summary:
                    "Police closed the investigation into the assault on the child's mother while the child protection plan relies on it continuing.",
                resolution: "The investigation reviewed by a detective inspector", daysAgo: 6,
                outcomes: [
                    ("Officer in the case would not reopen without new evidence", false, "Rebecca Holt"),
                    ("Managers met and disagreed about the evidence threshold", false, "Rebecca Holt"),
                    ("Heads of service could not agree; referred to the chair", false, "Nadia Kowalczyk"),
                ]),
        ]
        for (n, c) in cases.enumerated() {
            let raised = workingDays(c.daysAgo, before: today, calendar: calendar)
            var d = try ProfessionalDisagreement(raisedOn: raised, ladder: ladder, calendar: calendar)
            for (i, (text, resolved, by)) in c.outcomes.enumerated() {
                try d.recordOutcome(
                    text, resolved: resolved, on: min(today, calendar.addingWorkingDaysOrSame(i + 1, to: raised)),
                    by: by, calendar: calendar)
            }
            let r = DisagreementRecord()
            r.reference = YearlyReference.disagreement.make(year: today.year, number: n + 1)
            r.$raisedBy.id = try c.raiser.requireID()
            r.$raisedAgency.id = c.raiser.$agency.id
            r.$otherAgency.id = c.other
            r.caseReference = c.reference
            r.theme = c.theme
            r.summary = c.summary
            r.resolution = c.resolution
            r.raisedAt = raised.at(hour: 10)
            r.set(d, at: now)
            try await r.create(on: db)
        }
    }
}

extension DemoLoader {
    /// A SAR referral about an adult whose home was taken over (cuckooed), awaiting the panel's s44 test. Made from
    /// a cuckooed home in the demo if there is one, else an adult with a learning disability.
    static func loadSARReferral(on db: Database, now: Date) async throws {
        guard
            let officer = try await User.query(on: db).filter(
                \.$email == "police.public.protection@demo.safeguard.test"
            ).first()
        else { return }
        let today = SimpleDate(now)
        var adult = try await CuckooedHome.query(on: db).with(\.$person).all().map(\.person).first {
            $0.category(on: today) == .adult
        }
        if adult == nil {
            adult = try await Person.query(on: db).filter(\.$disability != nil).all().first {
                $0.category(on: today) == .adult
            }
        }
        guard let adult else { return }
        try await recordReportsOfStrangers(about: adult, on: db, today: today, now: now)
        let r = SARReferralRecord()
        r.reference = YearlyReference.sarReferral.make(year: today.year, number: 1)
        r.$person.id = try adult.requireID()
        r.$raisedBy.id = try officer.requireID()
        r.$raisedAgency.id = officer.$agency.id
        r.raisedAt = now.addingTimeInterval(-3 * 86400)
        r.setSnapshot(try await PersonSnapshotLoader.load(adult, on: db, today: today))
        r.set(
            SARReferral(
                whatHappened:
                    "\(adult.firstName) was found with serious injuries in the flat that a dealing group had taken over. Police, housing and adult social care had each had reports of strangers at the flat in the months before; none had put them together."
            ), at: now)
        try await r.create(on: db)
    }
}

extension DemoLoader {
    /// What the referral says: police, housing and adult social care each had reports of strangers at the flat in
    /// the months before, and none put them together. Recorded as their involvement and on the adult's chronology,
    /// so the referral, the SAR's agencies and its chronology tell the same story.
    static func recordReportsOfStrangers(
        about adult: Person, on db: Database, today: SimpleDate, now: Date
    ) async throws {
        let id = try adult.requireID()
        let held = Set(try await AgencyInvolvement.query(on: db).filter(\.$person.$id == id).all().map(\.$agency.id))
        let reports: [(AgencyKind, Int, String)] = [
            (.police, 150, "Neighbour reported strangers coming and going from the flat at night; no crime recorded"),
            (.housing, 110, "Tenancy officer visit: two men in the flat who would not give their names"),
            (.adultSocialCare, 70, "Care review by phone: said friends were staying; no visit arranged"),
        ]
        for (kind, daysAgo, summary) in reports {
            guard let agency = try await Agency.query(on: db).filter(\.$kind == kind).sort(\.$name).first(),
                let agencyID = agency.id
            else { continue }
            if !held.contains(agencyID) {
                try await AgencyInvolvement(
                    personID: id, agencyID: agencyID, startedOn: today.adding(days: -daysAgo - 30).iso
                ).create(on: db)
            }
            try await ChronologyEntry(
                personID: id, occurredAt: now.addingTimeInterval(Double(-daysAgo) * 86_400), agencyID: agencyID,
                category: "Concern", summary: summary, recordedBy: nil
            ).create(on: db)
        }
    }
}

extension WorkingCalendar {
    /// `n` working days after `day`, or `day` itself when the calendar runs out.
    fileprivate func addingWorkingDaysOrSame(_ n: Int, to day: SimpleDate) -> SimpleDate {
        (try? addingWorkingDays(n, to: day)) ?? day
    }
}
