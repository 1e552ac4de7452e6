import Foundation
import Testing

@testable import SafeguardCore

struct TrainingReportTests {
    typealias F = TrainingFixture

    static let neglect = TrainingCourse(title: "Understanding neglect", level: .level3)
    static let bruising = TrainingCourse(title: "Bruising in babies", level: .level2)
    static let unused = TrainingCourse(title: "Not run this year", level: .level1)
    static let period = F.day("2025-04-01")...F.day("2026-03-31")

    static func records(
        _ course: TrainingCourse, on date: String, event: UUID = UUID(), delivery: TrainingDelivery = .faceToFace,
        _ statuses: [(TrainingBookingStatus, String?)]
    ) -> [TrainingReportRecord] {
        statuses.map {
            TrainingReportRecord(
                courseID: course.id, eventID: event, date: F.day(date), delivery: delivery, status: $0.0, agency: $0.1)
        }
    }

    static var sample: [TrainingReportRecord] {
        records(
            neglect, on: "2025-05-01",
            [
                (.attended, "Police"), (.attended, "School"), (.noShow, "School"),
                (.lateCancellation, "Police"), (.cancelled, "Police"), (.waitingList, "Police"),
            ])
            + records(
                neglect, on: "2025-09-01", [(.attended, "School"), (.attended, nil), (.attended, "  "), (.noShow, nil)])
            + records(neglect, on: "2026-01-01", [(.noShow, "Police"), (.booked, "Police")])  // nobody came: did not run
            + records(bruising, on: "2026-03-31", [(.attended, "Children's centre"), (.attended, " Police ")])
            + records(bruising, on: "2026-04-01", [(.attended, "Police")])  // after the period
            + records(bruising, on: "2025-03-31", [(.attended, "Police")])  // before it
            + records(bruising, on: "2025-06-01", delivery: .eLearning, [(.completed, "School"), (.booked, "School")])
    }

    @Test func attendanceByCourseCountsAttendeesAndEventsThatRan() {
        let rows = TrainingReports.attendanceByCourse(
            Self.sample, courses: [Self.bruising, Self.unused, Self.neglect], period: Self.period)
        #expect(rows.map(\.displayName) == ["Bruising in babies", "Understanding neglect", "Total"])
        #expect(rows.map(\.attendees) == [3, 5, 8])
        #expect(rows.map(\.timesRun) == [2, 2, 4])
        #expect(rows.map(\.isTotal) == [false, false, true])
        #expect(
            TrainingReports.csv(rows) == [
                ["Name of course", "Total number of attendees", "How many times the course ran"],
                ["Bruising in babies", "3", "2"], ["Understanding neglect", "5", "2"], ["Total", "8", "4"],
            ])
    }

    @Test func attendanceByAgencyKeepsUnrecordedAgenciesOutOfTheRows() {
        let report = TrainingReports.attendanceByAgency(
            Self.sample, period: Self.period, agencyOrder: ["School", "Housing"])
        // Listed agencies first in the given order (Housing had nobody), then the rest alphabetically.
        #expect(report.rows.map(\.displayName) == ["School", "Children's centre", "Police", "Total"])
        #expect(report.rows.map(\.attendees) == [3, 1, 2, 6])
        #expect(report.notRecorded == 2)
        #expect(report.allAttendees == 8)
        #expect(
            TrainingReports.csv(report) == [
                ["Agency", "Total number of attendees per agency"],
                ["School", "3"], ["Children's centre", "1"], ["Police", "2"], ["Total", "6"],
                ["Agency not recorded", "2"],
            ])
        let alphabetical = TrainingReports.attendanceByAgency(Self.sample, period: Self.period)
        #expect(alphabetical.rows.map(\.displayName) == ["Children's centre", "Police", "School", "Total"])
    }

    @Test func noShowRatesCountPlacesHeldAtScheduledEvents() {
        let rows = TrainingReports.noShows(
            Self.sample, courses: [Self.neglect, Self.bruising, Self.unused], period: Self.period)
        #expect(rows.map(\.displayName) == ["Understanding neglect", "Bruising in babies", "All courses"])
        let neglect = rows[0]
        #expect(
            neglect.attended == 5 && neglect.noShows == 3 && neglect.lateCancellations == 1
                && neglect.registerNotTaken == 1)
        #expect(neglect.bookedPlaces == 9)
        #expect(neglect.noShowPercent == 33.3 && neglect.lateCancellationPercent == 11.1)
        #expect(rows[1].bookedPlaces == 2 && rows[1].noShowPercent == 0)
        #expect(rows[2].bookedPlaces == 11 && rows[2].noShows == 3 && rows[2].noShowPercent == 27.3)
        #expect(
            TrainingReports.csv(rows) == [
                [
                    "Course", "Booked places", "Attended", "No-shows", "Late cancellations", "No-show %",
                    "Register not taken",
                ],
                ["Understanding neglect", "9", "5", "3", "1", "33.3", "1"],
                ["Bruising in babies", "2", "2", "0", "0", "0.0", "0"],
                ["All courses", "11", "7", "3", "1", "27.3", "1"],
            ])
    }

    /// A place still booked on an event yet to happen is not a register left untaken.
    @Test func registersAreDueOnlyForEventsAlreadyHeld() {
        let before = TrainingReports.noShows(
            Self.sample, courses: [Self.neglect], period: Self.period, today: F.day("2026-01-02"))
        #expect(before[0].registerNotTaken == 1)
        let onTheDay = TrainingReports.noShows(
            Self.sample, courses: [Self.neglect], period: Self.period, today: F.day("2026-01-01"))
        #expect(onTheDay[0].registerNotTaken == 0)
    }

    @Test(arguments: [(1, 3, 33.3), (2, 3, 66.7), (1, 8, 12.5), (1, 16, 6.3), (0, 5, 0.0)])
    func percentagesRoundToOneDecimal(part: Int, whole: Int, expected: Double) {
        #expect(TrainingReports.percent(part, of: whole) == expected)
    }

    @Test func nothingBookedGivesNoPercentage() {
        let rows = TrainingReports.noShows([], courses: [Self.neglect], period: Self.period)
        #expect(rows.count == 1 && rows[0].isTotal && rows[0].noShowPercent == nil)
        #expect(TrainingReports.csv(rows)[1] == ["All courses", "0", "0", "0", "0", "", "0"])
    }

    @Test func recordsComeFromAnEventsBookings() throws {
        var places = F.places(capacity: 1)
        let p = F.people(2)
        for person in p { try places.book(person, at: F.weekBefore) }
        try places.markRegister(p[0], as: .attended, at: F.start)
        let records = TrainingReportRecord.records(for: places) { $0 == p[0] ? "Police" : nil }
        #expect(records.map(\.status) == [.attended, .waitingList])
        #expect(records.map(\.agency) == ["Police", nil])
        #expect(
            records.allSatisfy {
                $0.date == F.day("2026-03-10") && $0.courseID == F.course.id && $0.eventID == places.event.id
            })
        var online = TrainingEventPlaces(event: F.eLearning())
        try online.book(p[0], at: F.weekBefore)
        try online.recordCompletion(p[0], on: F.day("2026-02-02"))
        #expect(TrainingReportRecord.records(for: online) { _ in nil }.map(\.date) == [F.day("2026-02-02")])
    }
}
