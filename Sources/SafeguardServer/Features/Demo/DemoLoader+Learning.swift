import Fluent
import Vapor
import SafeguardCore

extension DemoLoader {
    /// The learning a visitor finds: 27 historical serious case reviews coded with seed 004's figures, two
    /// published 7-minute briefings (read by some of the demo users) and one draft the business unit is writing.
    static func loadLearning(on db: Database, now: Date) async throws {
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
}
