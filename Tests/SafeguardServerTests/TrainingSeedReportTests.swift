import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Seed 001's appendix ("Training Course 2015-2016 - Attendance"): fed the same attendances, stored
/// as bookings, the reports page and its CSVs give back both tables exactly, totals included.
/// No-shows, cancellations, people still waiting and attendances outside the year are mixed in and
/// must not count.
final class TrainingSeedReportTests: ServerTestCase {
    static let courseTable: [(String, Int, Int)] = [
        ("Safeguarding children - the impact of parental learning difficulties", 35, 2),
        ("Safeguarding children - the impact of parental mental health", 35, 2),
        ("Safeguarding disabled children", 51, 3),
        ("What to do if you identify a baby/child with bruises lite bite", 86, 4),
        ("Child sexual exploitation prevention, protection and investigation", 61, 3),
        ("Serious and partnership case reviews and audits lite bite", 53, 3),
        ("Graded Care Profile lite bite", 103, 6),
        ("Self Harm Awareness lite bite", 43, 2),
        ("Substance misuse lite bite", 31, 2),
        ("Safeguarding and Child Protection Multi-agency course", 171, 8),
        ("Safeguarding children - understanding the impact of neglect", 24, 1),
    ]
    static let agencyTable: [(String, Int)] = [
        ("Adult Care Services", 3), ("Children's centre", 57), ("Children's Services", 279), ("Colleges", 8),
        ("District Council", 6),
        ("Drug and Alcohol Service", 3), ("Education", 5), ("Health & Community Services (was ACS)", 18),
        ("Health - East and North Herts NHS Trust", 7), ("Health - Hertfordshire Community NHS Trust", 107),
        ("Health - Herts NHS Foundation Trust", 11), ("Health - NHS Hertfordshire", 14),
        ("Health - West Herts Hospitals Trusts", 3),
        ("Health - Other", 6), ("Herts Constabulary", 2), ("Housing Provider", 6), ("HSCB", 1),
        ("Nursery/Pre School", 30), ("Other", 24),
        ("School", 4), ("Schools - designated senior person", 54), ("Schools - non designated senior person", 10),
        ("Schools Family Support", 1), ("South West Partnership", 9), ("Voluntary Sector", 19),
    ]

    func testTheAppendixTablesComeBackExactly() async throws {
        try await loadAppendix()
        let trainer = try await signedIn(fx[.trainer])
        let period = [("from", "2015-04-01"), ("to", "2016-03-31")]
        let page = try await trainer.get(.trainingReports, query: period)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(
            page.text.contains("A further 6 attendances have no agency recorded (693 attendances in all)."), page.text)

        let byCourse = try await trainer.get(.trainingReportCSV("attendance-by-course"), query: period)
        XCTAssertEqual(byCourse.headers.first(name: .contentType), "text/csv; charset=utf-8")
        XCTAssertEqual(
            byCourse.headers.first(name: .contentDisposition),
            "attachment; filename=\"attendance-by-course-2015-04-01-to-2016-03-31.csv\"")
        XCTAssertEqual(
            try CSVTable(text: byCourse.text, name: "by course").rows,
            Self.courseTable.map { [$0.0, String($0.1), String($0.2)] } + [["Total", "693", "36"]])
        let byAgency = try await trainer.get(.trainingReportCSV("attendance-by-agency"), query: period)
        let agencyCSV = try CSVTable(text: byAgency.text, name: "by agency")
        XCTAssertEqual(agencyCSV.header, ["Agency", "Total number of attendees per agency"])
        XCTAssertEqual(
            agencyCSV.rows,
            Self.agencyTable.map { [$0.0, String($0.1)] } + [["Total", "687"], ["Agency not recorded", "6"]])

        let noShows = try CSVTable(
            text: try await trainer.get(.trainingReportCSV("no-shows"), query: period).text, name: "no-shows")
        XCTAssertEqual(noShows.rows.last, ["All courses", "776", "693", "47", "36", "6.1", "0"])
        // The page shows the same figures as the CSV.
        XCTAssertTrue(
            page.text.contains(
                "Graded Care Profile lite bite</td><td class=\"sg-table__cell\">103</td><td class=\"sg-table__cell\">6<"
            ), page.text)
        XCTAssertTrue(page.text.contains("<strong>687</strong>"))
        let audit = try await auditEntries()
        XCTAssertEqual(
            audit.filter { $0.recordType == "training-report" && $0.action == AuditAction.export.rawValue }.count, 3)
    }

    /// Each course's attendees spread over the times it ran, agencies dealt out in table order;
    /// plus, on each event, a no-show or two, a late cancellation, a cancellation and one waiting.
    func loadAppendix() async throws {
        var agencyIDs: [String: UUID] = [:]
        for (name, _) in Self.agencyTable {
            let a = Agency(name: name, kind: .voluntarySector, districtID: nil)
            try await a.create(on: app.db)
            agencyIDs[name] = a.id!
        }
        var agencyQueue =
            Self.agencyTable.flatMap { Array(repeating: Optional($0.0), count: $0.1) } + Array(repeating: nil, count: 6)
        let creator = fx[.trainer].id
        var n = 0
        func person(_ agency: UUID?) async throws -> UUID {
            n += 1
            let u = User(
                email: "p\(n)@seed.example", displayName: "Person \(n)", role: .learner,
                agencyID: agency ?? fx.socialCare, passwordHash: "x")
            try await u.create(on: app.db)
            return u.id!
        }
        func book(_ event: UUID, _ status: TrainingBookingStatus, agency: UUID?, on day: SimpleDate) async throws {
            let b = TrainingBookingRecord()
            b.$event.id = event
            b.$user.id = try await person(agency)
            b.$agency.id = agency
            b.status = status
            b.firstBookedAt = day.adding(days: -14).at(hour: 10)
            b.queuedAt = b.firstBookedAt
            try await b.create(on: app.db)
        }
        for (c, (title, attendees, timesRun)) in Self.courseTable.enumerated() {
            let course = TrainingCourseRecord()
            course.title = title
            course.description = ""
            course.level = TrainingLevel.level2
            course.audience = ""
            course.learningOutcomes = ""
            course.createdAt = clock.now.addingTimeInterval(Double(c))
            try course.setQuestions(EvaluationQuestion.standardSet)
            try await course.create(on: app.db)
            // One more event a year later, which the period leaves out.
            for run in 0...timesRun {
                let day =
                    run == timesRun
                    ? SimpleDate(year: 2016, month: 5, day: 10)!
                    : SimpleDate(year: 2015, month: 4 + (c + run * 3) % 9, day: 5 + run)!
                let e = TrainingEventRecord()
                e.apply(
                    TrainingEvent(
                        courseID: course.id!, delivery: .faceToFace, date: day, startTime: ClockTime("09:30"),
                        endTime: ClockTime("12:30"),
                        venue: "Hall", capacity: 40))
                e.trainerName = ""
                e.createdAt = clock.now
                e.$createdBy.id = creator
                try await e.create(on: app.db)
                let count = run == timesRun ? 3 : attendees / timesRun + (run < attendees % timesRun ? 1 : 0)
                for _ in 0..<count {
                    let agency = run == timesRun ? "Other" : agencyQueue.removeFirst()
                    try await book(e.id!, .attended, agency: agency.flatMap { agencyIDs[$0] }, on: day)
                }
                guard run < timesRun else { continue }
                for status in [TrainingBookingStatus.noShow, .lateCancellation, .cancelled, .waitingList]
                    + (run == 0 ? [.noShow] : [])
                {
                    try await book(e.id!, status, agency: agencyIDs["Other"], on: day)
                }
            }
        }
        XCTAssertTrue(agencyQueue.isEmpty)
    }
}
