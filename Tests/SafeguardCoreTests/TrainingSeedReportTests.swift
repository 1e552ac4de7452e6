import Foundation
import Testing

@testable import SafeguardCore

/// The issue's seed: two tables from a partnership's annual report ("Training Course 2015-2016 -
/// Attendance", seeds/001, lines ~585–630). Individual bookings are generated through the booking
/// rules, with no-shows, cancellations and waiting lists mixed in, and the reports must give the
/// tables back exactly.
struct TrainingSeedReportTests {
    // Copied from the seed, in its order.
    static let courseTable: [(title: String, attendees: Int, timesRun: Int)] = [
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

    static let agencyTable: [(agency: String, attendees: Int)] = [
        ("Adult Care Services", 3),
        ("Children's centre", 57),
        ("Children's Services", 279),
        ("Colleges", 8),
        ("District Council", 6),
        ("Drug and Alcohol Service", 3),
        ("Education", 5),
        ("Health & Community Services (was ACS)", 18),
        ("Health - East and North Herts NHS Trust", 7),
        ("Health - Hertfordshire Community NHS Trust", 107),
        ("Health - Herts NHS Foundation Trust", 11),
        ("Health - NHS Hertfordshire", 14),
        ("Health - West Herts Hospitals Trusts", 3),
        ("Health - Other", 6),
        ("Herts Constabulary", 2),
        ("Housing Provider", 6),
        ("HSCB", 1),
        ("Nursery/Pre School", 30),
        ("Other", 24),
        ("School", 4),
        ("Schools - designated senior person", 54),
        ("Schools - non designated senior person", 10),
        ("Schools Family Support", 1),
        ("South West Partnership", 9),
        ("Voluntary Sector", 19),
    ]

    /// The agency table sums to 687 against 693 attendees: six attendances had no agency recorded.
    static let agencyNotRecorded = 6
    static let period = TrainingFixture.day("2015-04-01")...TrainingFixture.day("2016-03-31")

    struct Generated {
        var courses: [TrainingCourse] = []
        var records: [TrainingReportRecord] = []
        var agencyOf: [UUID: String] = [:]
    }

    /// Every attendance's agency: each agency as often as the seed says, and six with none, spread
    /// through the year by a fixed permutation (100 is coprime to 693) so no event is all one agency.
    static var attendeeAgencies: [String?] {
        let list: [String?] =
            agencyTable.flatMap { Array(repeating: $0.agency as String?, count: $0.attendees) }
            + Array(repeating: nil, count: agencyNotRecorded)
        return list.indices.map { list[($0 * 100) % list.count] }
    }

    /// The date of run `run` of course `index`: runs spread over the year's months; the first course
    /// starts on the period's first day and the last course runs on its last day, to test the bounds.
    static func date(course index: Int, run: Int, of runs: Int) -> SimpleDate {
        if index == courseTable.count - 1 { return TrainingFixture.day("2016-03-31") }
        let monthOffset = (index + run * 12 / runs) % 12
        let month = (3 + monthOffset) % 12 + 1
        let year = month >= 4 ? 2015 : 2016
        return SimpleDate(year: year, month: month, day: 1 + (index * 2 + run) % 28)!
    }

    static func generate() throws -> Generated {
        var generated = Generated()
        var agencies = attendeeAgencies.makeIterator()
        var noiseAgency = 0
        func person(_ agency: String?) -> UUID {
            let id = UUID()
            generated.agencyOf[id] = agency
            return id
        }
        func noisePerson() -> UUID {
            noiseAgency += 1
            return person(agencyTable[noiseAgency % agencyTable.count].agency)
        }
        for (index, row) in courseTable.enumerated() {
            let liteBite = row.title.hasSuffix("lite bite")
            let course = TrainingCourse(title: row.title, level: liteBite ? .level2 : .level3)
            generated.courses.append(course)
            for run in 0..<row.timesRun {
                let attendees = row.attendees / row.timesRun + (run < row.attendees % row.timesRun ? 1 : 0)
                let people = (0..<attendees).map { _ in person(agencies.next()!) }
                let places = try runEvent(
                    course, on: date(course: index, run: run, of: row.timesRun), liteBite: liteBite,
                    attendees: people, noise: noisePerson)
                generated.records += TrainingReportRecord.records(for: places) { generated.agencyOf[$0] }
            }
        }
        #expect(agencies.next() == nil, "every seed attendance was used")
        // An extra Graded Care Profile session where everyone booked failed to come: it did not run.
        let graded = generated.courses[6]
        let empty = try runEvent(
            graded, on: TrainingFixture.day("2015-10-14"), liteBite: true, attendees: [], noise: noisePerson)
        // Sessions just outside the period, whose attendees must not count.
        let before = try runEvent(
            graded, on: TrainingFixture.day("2015-03-31"), liteBite: true,
            attendees: (0..<5).map { _ in person("Children's Services") }, noise: noisePerson)
        let after = try runEvent(
            generated.courses[9], on: TrainingFixture.day("2016-04-01"), liteBite: false,
            attendees: (0..<5).map { _ in person("School") }, noise: noisePerson)
        for places in [empty, before, after] {
            generated.records += TrainingReportRecord.records(for: places) { generated.agencyOf[$0] }
        }
        return generated
    }

    /// One session, run through the booking rules: two people cancel (one late), two are no-shows
    /// (booked from the waiting list when the cancellations freed places), one is left waiting, and
    /// `attendees` are marked attended.
    static func runEvent(
        _ course: TrainingCourse, on date: SimpleDate, liteBite: Bool, attendees: [UUID],
        noise: () -> UUID
    ) throws -> TrainingEventPlaces {
        let event = TrainingEvent(
            courseID: course.id, delivery: .faceToFace, date: date,
            startTime: ClockTime(liteBite ? "12:00" : "09:30"), endTime: ClockTime(liteBite ? "13:30" : "16:30"),
            venue: "Robertson House, Stevenage", capacity: attendees.count + 2)
        var places = TrainingEventPlaces(event: event)
        let start = try #require(event.startsAt())
        let (early, late, noShows, waiter) = (noise(), noise(), [noise(), noise()], noise())
        for (i, id) in ([early, late] + attendees + noShows + [waiter]).enumerated() {
            try places.book(id, at: start.addingTimeInterval(Double(-30 * 86_400 + i * 60)))
        }
        #expect(places.waitingList.count == 3)
        #expect(try places.cancel(early, at: start.addingTimeInterval(-7 * 86_400)).promoted == [noShows[0]])
        #expect(
            try places.cancel(late, at: start.addingTimeInterval(-24 * 3600))
                == .init(status: .lateCancellation, promoted: [noShows[1]]))
        for id in attendees { try places.markRegister(id, as: .attended, at: start) }
        for id in noShows { try places.markRegister(id, as: .noShow, at: start) }
        return places
    }

    @Test func theCourseTableIsReproducedExactly() throws {
        let generated = try Self.generate()
        let rows = TrainingReports.attendanceByCourse(
            generated.records, courses: generated.courses, period: Self.period)
        #expect(rows.count == Self.courseTable.count + 1)
        for (row, expected) in zip(rows, Self.courseTable) {
            #expect(row.title == expected.title)
            #expect(row.attendees == expected.attendees, "\(expected.title)")
            #expect(row.timesRun == expected.timesRun, "\(expected.title)")
        }
        let total = try #require(rows.last)
        #expect(total.isTotal && total.displayName == "Total" && total.attendees == 693 && total.timesRun == 36)
        // The CSV carries the seed's own lines (the seed leaves the total's "times ran" blank).
        let lines = TrainingReports.csv(rows).map { $0.joined(separator: "\t") }
        #expect(lines.first == "Name of course\tTotal number of attendees\tHow many times the course ran")
        #expect(lines.contains("What to do if you identify a baby/child with bruises lite bite\t86\t4"))
        #expect(lines.last == "Total\t693\t36")
    }

    /// With no order given, the report's own sort gives the seed's order: alphabetical, with
    /// "Health - Other" after the named health agencies.
    @Test func theDefaultOrderIsTheSeedsOrder() throws {
        let generated = try Self.generate()
        let report = TrainingReports.attendanceByAgency(generated.records, period: Self.period)
        #expect(report.rows.dropLast().map(\.displayName) == Self.agencyTable.map(\.agency))
    }

    @Test func theAgencyTableIsReproducedExactly() throws {
        let generated = try Self.generate()
        let report = TrainingReports.attendanceByAgency(
            generated.records, period: Self.period,
            agencyOrder: Self.agencyTable.map(\.agency))
        #expect(report.rows.count == Self.agencyTable.count + 1)
        for (row, expected) in zip(report.rows, Self.agencyTable) {
            #expect(row.agency == expected.agency)
            #expect(row.attendees == expected.attendees, "\(expected.agency)")
        }
        #expect(report.rows.last == .init(agency: nil, attendees: 687))
        #expect(report.notRecorded == 6)
        #expect(report.allAttendees == 693)
        let lines = TrainingReports.csv(report).map { $0.joined(separator: "\t") }
        #expect(lines[1] == "Adult Care Services\t3" && lines[25] == "Voluntary Sector\t19")
        #expect(lines.suffix(2) == ["Total\t687", "Agency not recorded\t6"])
    }

    @Test func theNoiseIsThereButDoesNotCount() throws {
        let generated = try Self.generate()
        let inPeriod = generated.records.filter { Self.period.contains($0.date) }
        func count(_ status: TrainingBookingStatus) -> Int { inPeriod.count(where: { $0.status == status }) }
        #expect(count(.attended) == 693)
        #expect(count(.noShow) == 36 * 2 + 2)
        #expect(count(.lateCancellation) == 37 && count(.cancelled) == 37 && count(.waitingList) == 37)
        let noShows = TrainingReports.noShows(generated.records, courses: generated.courses, period: Self.period)
        let overall = try #require(noShows.last)
        #expect(overall.attended == 693 && overall.noShows == 74 && overall.lateCancellations == 37)
        #expect(overall.bookedPlaces == 804 && overall.noShowPercent == 9.2)
    }

    @Test func recordsOutsideThePeriodAreExcluded() throws {
        let generated = try Self.generate()
        let wider = TrainingFixture.day("2015-03-01")...TrainingFixture.day("2016-04-30")
        let rows = TrainingReports.attendanceByCourse(generated.records, courses: generated.courses, period: wider)
        #expect(rows.last?.attendees == 703 && rows.last?.timesRun == 38)
        #expect(rows[6].attendees == 108 && rows[6].timesRun == 7)
        let agencies = TrainingReports.attendanceByAgency(generated.records, period: wider)
        #expect(agencies.rows.first { $0.agency == "Children's Services" }?.attendees == 284)
        // A period of a single day at each edge still sees the sessions held on it.
        let firstDay = TrainingReports.attendanceByCourse(
            generated.records, courses: generated.courses,
            period: Self.period.lowerBound...Self.period.lowerBound)
        #expect(firstDay.map(\.displayName) == [Self.courseTable[0].title, "Total"])
        let lastDay = TrainingReports.attendanceByCourse(
            generated.records, courses: generated.courses,
            period: Self.period.upperBound...Self.period.upperBound)
        #expect(lastDay.map(\.attendees) == [24, 24])
    }
}
