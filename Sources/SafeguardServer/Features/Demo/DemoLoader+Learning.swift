import Fluent
import Vapor
import SafeguardCore

extension DemoLoader {
    /// The learning a visitor finds: 27 historical serious case reviews coded with seed 004's figures, two
    /// published 7-minute briefings (read by some of the demo users) and one draft the business unit is writing.
    static func loadLearning(on db: Database, now: Date, calendar: WorkingCalendar) async throws {
        try await loadSeriousIncident(on: db, now: now, calendar: calendar)
        _ = try await ReviewsImport.load(DemoLearning.historicalReviews, source: "demo", now: now, on: db)
        let users = try await User.query(on: db).sort(\.$email).all()
        guard let unit = users.first(where: { $0.userRole == .businessUnitOfficer }) else { return }
        let course = try await TrainingCourseRecord.query(on: db).filter(\.$title == "Safeguarding and Child Protection Multi-agency course").first()
        let today = SimpleDate(now)
        let known = Set(DemoLearning.historicalReviews.map(\.review.reference))
        for (n, d) in DemoLearning.briefings.enumerated() {
            var b = d.briefing
            if d.published { try b.publish(on: today.adding(days: -30 + n * 12), vocabulary: .shipped, knownReviews: known) }
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
        guard let plan = try await ProtectionRecord.query(on: db).filter(\.$kind == ProtectionKind.childProtectionPlan.rawValue)
                .filter(\.$endDate == nil).with(\.$person).first(),
              let worker = try await User.query(on: db).filter(\.$email == "social.worker@demo.safeguard.test").first() else { return }
        let today = SimpleDate(now)
        // Two working days ago, counted back past weekends and bank holidays.
        var raisedOn = today
        while calendar.workingDays(from: raisedOn, to: today) < 2 { raisedOn = raisedOn.adding(days: -1) }
        let snapshot = try await ChildSnapshotLoader.load(plan.person, on: db, today: today)
        var n = SeriousIncidentNotification(child: snapshot, reason: .seriousHarm, incidentOn: raisedOn.adding(days: -1),
                                            whatHappened: "Taken to the emergency department with a skull fracture. Mum's partner says \(plan.person.firstName) fell from the sofa; the injury does not fit that account.")
        n.policeInvestigation = .yes
        n.policeDetails = "Public Protection Unit, DS Karen Lindqvist"
        n.awareOn = raisedOn
        let record = SeriousIncidentRecord()
        record.reference = "SIN-\(today.year)-0001"
        record.$person.id = try plan.person.requireID()
        record.$raisedBy.id = try worker.requireID()
        record.$raisedAgency.id = worker.$agency.id
        record.raisedAt = raisedOn.at(hour: 11)
        record.set(n, at: now)
        try await record.create(on: db)
    }
}
