import Fluent
import SafeguardCore
import SafeguardDemoData
import SafeguardServer
import Vapor

extension DemoLoader {
    /// A training programme to explore: five courses, events this year with registers taken and
    /// evaluations sent, upcoming events (one already full, to show the waiting list), e-learning,
    /// and a registration key for every agency. Returns the voluntary sector's key for the banner.
    @discardableResult
    static func loadTraining(on db: Database, now: Date, seed: UInt64) async throws -> (agency: String, code: String)? {
        let today = SimpleDate(now)
        let users = try await User.query(on: db).with(\.$agency).sort(\.$email).all()
        guard let trainer = users.first(where: { $0.userRole == .trainer }),
            let admin = users.first(where: { $0.userRole == .partnershipAdmin })
        else { return nil }
        let courses = try await demoCourses(on: db, now: now)
        func event(
            _ course: Int, _ delivery: TrainingDelivery, _ daysAhead: Int, _ start: String = "09:30",
            _ end: String = "12:30",
            venue: String? = nil, capacity: Int? = nil, minutes: Int? = nil, link: String? = nil
        ) async throws -> TrainingEventRecord {
            let e = TrainingEventRecord()
            e.apply(
                TrainingEvent(
                    courseID: try courses[course].requireID(), delivery: delivery, date: today.adding(days: daysAhead),
                    startTime: delivery.isScheduled ? ClockTime(start) : nil,
                    endTime: delivery.isScheduled ? ClockTime(end) : nil,
                    venue: venue, link: link, capacity: capacity, eLearningMinutes: minutes))
            e.trainerName = delivery == .eLearning ? "" : trainer.displayName
            e.createdAt = now.addingTimeInterval(-90 * 86400)
            e.$createdBy.id = try trainer.requireID()
            try await e.create(on: db)
            return e
        }
        let learners = users.filter { $0.userRole != .trainer && $0.userRole != .partnershipAdmin }
        // Past events: everyone booked attended except one no-show and one late cancellation; most evaluated.
        let past = [
            try await event(0, .faceToFace, -40, venue: "County Hall, Northmere", capacity: 20),
            try await event(2, .faceToFace, -25, "13:30", "16:30", venue: "Calder Vale Family Hub", capacity: 12),
            try await event(
                4, .virtual, -12, "10:00", "12:00", capacity: 30, link: "https://meet.example.org/northmere-da"),
        ]
        for (n, e) in past.enumerated() {
            for (i, u) in learners.enumerated() where (i + n) % 3 != 2 {
                let status: TrainingBookingStatus = i == 5 + n ? .noShow : i == 7 + n ? .lateCancellation : .attended
                let evaluated = status == .attended && i % 4 != 3
                try await booking(e, u, status, bookedDaysBefore: 20, evaluated: evaluated, on: db)
                if evaluated { try await evaluation(course: courses[[0, 2, 4][n]], event: e, variant: i, on: db) }
            }
        }
        // Upcoming: a multi-agency course with places, an exploitation course already full, and e-learning.
        let open = try await event(0, .faceToFace, 16, "09:30", "16:00", venue: "County Hall, Northmere", capacity: 20)
        for u in learners.prefix(6) where u.userRole != .socialWorker {
            try await booking(open, u, .booked, bookedDaysBefore: 30, evaluated: false, on: db)
        }
        let full = try await event(1, .faceToFace, 23, venue: "Northmere Police Training Centre", capacity: 2)
        for u in users.filter({
            ["learner@demo.safeguard.test", "police.officer@demo.safeguard.test"].contains($0.email)
        }) {
            try await booking(full, u, .booked, bookedDaysBefore: 30, evaluated: false, on: db)
        }
        // Yesterday's session, register not yet taken: the trainer's next job.
        let yesterday = try await event(2, .faceToFace, -1, venue: "Calder Vale Family Hub", capacity: 12)
        for u in users.filter({
            [
                "learner@demo.safeguard.test", "social.worker@demo.safeguard.test",
                "health.practitioner@demo.safeguard.test",
                "school.dsl@demo.safeguard.test",
            ].contains($0.email)
        }) {
            try await booking(yesterday, u, .booked, bookedDaysBefore: 14, evaluated: false, on: db)
        }
        _ = try await event(
            4, .virtual, 9, "14:00", "16:00", capacity: 40, link: "https://meet.example.org/northmere-da-2")
        let eLearning = try await event(
            3, .eLearning, -60, minutes: 90, link: "https://learning.example.org/intro-safeguarding")
        for u in learners.prefix(4) {
            try await booking(eLearning, u, .completed, bookedDaysBefore: -5, evaluated: true, on: db)
            try await evaluation(course: courses[3], event: eLearning, variant: 1, on: db)
        }
        return try await registrationKeys(users: users, admin: admin, now: now, seed: seed, on: db)
    }

    private static func demoCourses(on db: Database, now: Date) async throws -> [TrainingCourseRecord] {
        let specs: [(String, TrainingLevel, String, String, [String])] = [
            (
                "Safeguarding and Child Protection Multi-agency course", .level3,
                "Practitioners who work with children and families and may contribute to child protection enquiries",
                "A full day on working together when a child may be at risk of significant harm: referral, enquiries, conferences and plans.",
                [
                    "Recognise the signs and indicators of abuse and neglect",
                    "Make a clear, evidenced referral to the MASH", "Explain your part in a child protection plan",
                ]
            ),
            (
                "Child exploitation: recognising and responding", .level3, "Practitioners working with adolescents",
                "Criminal and sexual exploitation, county lines and cuckooing, and how the exploitation panel works.",
                [
                    "Spot the early signs of exploitation", "Use the exploitation assessment tool",
                    "Refer to the exploitation panel",
                ]
            ),
            (
                "Graded Care Profile 2: assessing neglect", .level3,
                "Social workers, health visitors and early help practitioners",
                "Using the Graded Care Profile to measure the quality of care a child receives.",
                ["Complete a Graded Care Profile with a family", "Use the profile to plan and review support"]
            ),
            (
                "Introduction to safeguarding children", .level1, "Anyone who works or volunteers with children",
                "E-learning: what safeguarding means, what abuse looks like and what to do if you are worried.",
                ["Know what to do if you are worried about a child"]
            ),
            (
                "Domestic abuse and the risk checklist", .level2, "Practitioners who meet adults and families",
                "Understanding coercive control and using the domestic abuse risk checklist to decide on a MARAC referral.",
                ["Ask about domestic abuse safely", "Complete the risk checklist", "Know when to refer to MARAC"]
            ),
        ]
        var out: [TrainingCourseRecord] = []
        for (title, level, audience, description, outcomes) in specs {
            let c = TrainingCourseRecord()
            c.title = title
            c.level = level
            c.audience = audience
            c.description = description
            c.learningOutcomes = outcomes.joined(separator: "\n")
            c.createdAt = now.addingTimeInterval(-120 * 86400)
            try c.setQuestions(EvaluationQuestion.standardSet)
            try await c.create(on: db)
            out.append(c)
        }
        return out
    }

    private static func booking(
        _ e: TrainingEventRecord, _ u: User, _ status: TrainingBookingStatus, bookedDaysBefore: Int,
        evaluated: Bool, on db: Database
    ) async throws {
        let day = SimpleDate(iso: e.date)!
        let b = TrainingBookingRecord()
        b.$event.id = try e.requireID()
        b.$user.id = try u.requireID()
        b.$agency.id = u.$agency.id
        b.status = status
        b.firstBookedAt = day.adding(days: -bookedDaysBefore).at(hour: 11)
        b.queuedAt = b.firstBookedAt
        if status == .lateCancellation { b.cancelledAt = day.adding(days: -1).at(hour: 8) }
        if status == .completed { b.completedOn = day.adding(days: 10).iso }
        if status.isAttendance || status == .noShow { b.markedAt = day.at(hour: 17) }
        if evaluated { b.evaluatedAt = day.adding(days: 1).at(hour: 9) }
        try await b.create(on: db)
    }

    private static func evaluation(
        course: TrainingCourseRecord, event: TrainingEventRecord, variant: Int, on db: Database
    ) async throws {
        let comments = [
            "I will check the chronology before every referral.", "Ask earlier about who else is involved.",
            "Use the risk checklist with every disclosure.", "",
        ]
        var answers: [String: EvaluationAnswer] = [
            "overall": .rating(3 + variant % 3), "trainer": .rating(4 + variant % 2),
            "met-objectives": .yesNo(variant % 5 != 0), "confidence": .rating(3 + variant % 2),
        ]
        let comment = comments[variant % comments.count]
        if !comment.isEmpty { answers["change-practice"] = .text(comment) }
        let day = SimpleDate(iso: event.date)!.adding(days: 1)
        try await TrainingEvaluationRecord(
            EvaluationResponse(
                courseID: try course.requireID(), eventID: try event.requireID(),
                submittedOn: day, answers: answers)
        ).create(on: db)
    }

    private static func registrationKeys(
        users: [User], admin: User, now: Date, seed: UInt64, on db: Database
    ) async throws -> (agency: String, code: String)? {
        var generator = SeededRandom(seed: seed &+ 6)
        var shown: (String, String)?
        for agency in try await Agency.query(on: db).sort(\.$name).all() {
            let key = RegistrationKey.issue(
                agencyID: try agency.requireID(), agencyName: agency.name, at: now.addingTimeInterval(-100 * 86400),
                using: &generator)
            try await RegistrationKeyRecord(key, issuedBy: try admin.requireID()).create(on: db)
            if agency.kind == .voluntarySector && shown == nil { shown = (agency.name, key.code) }
        }
        return shown
    }
}
