import Foundation
import Testing

@testable import SafeguardCore

struct TrainingLogTests {
    typealias F = TrainingFixture

    static let awareness = TrainingCourse(title: "Safeguarding basic awareness", level: .level1)
    static let multiAgency = TrainingCourse(
        title: "Safeguarding and Child Protection Multi-agency course", level: .level3)
    static let neglect = TrainingCourse(title: "Understanding the impact of neglect", level: .level3)
    static let cse = TrainingCourse(title: "Child sexual exploitation", level: .level4)

    static func booking(
        _ event: TrainingEvent, _ status: TrainingBookingStatus, evaluated: Bool = false,
        completedOn: String? = nil
    ) -> TrainingBooking {
        TrainingBooking(
            eventID: event.id, personID: UUID(), status: status, firstBookedAt: F.weekBefore,
            completedOn: completedOn.map(F.day), evaluatedAt: evaluated ? F.start : nil)
    }

    @Test func theLogListsAttendedTrainingWithHoursByLevel() {
        let day = F.faceToFace(on: "2026-03-10", from: "09:30", to: "16:30", courseID: Self.multiAgency.id)
        let halfDay = F.faceToFace(on: "2025-11-04", from: "09:30", to: "12:45", courseID: Self.neglect.id)
        let online = F.eLearning(minutes: 90, courseID: Self.awareness.id)
        let missed = F.faceToFace(on: "2026-01-20", courseID: Self.cse.id)
        let cancelled = F.faceToFace(on: "2026-02-20", courseID: Self.cse.id)
        let unknown = F.faceToFace(on: "2026-02-21", courseID: UUID())
        let bookings = [
            Self.booking(day, .attended),
            Self.booking(halfDay, .attended, evaluated: true),
            Self.booking(online, .completed, evaluated: true, completedOn: "2026-01-15"),
            Self.booking(missed, .noShow),
            Self.booking(cancelled, .lateCancellation),
            Self.booking(unknown, .attended),
        ]
        let log = TrainingLog(
            bookings: bookings, events: [day, halfDay, online, missed, cancelled, unknown],
            courses: [Self.awareness, Self.multiAgency, Self.neglect, Self.cse])
        #expect(log.entries.map(\.courseTitle) == [Self.neglect.title, Self.awareness.title, Self.multiAgency.title])
        #expect(log.entries.map(\.date) == [F.day("2025-11-04"), F.day("2026-01-15"), F.day("2026-03-10")])
        #expect(log.entries.map(\.minutes) == [195, 90, 420])
        #expect(log.entries.map(\.hours) == [3.25, 1.5, 7])
        #expect(log.entries.map(\.level) == [.level3, .level1, .level3])
        #expect(log.entries.map(\.isCertificateAvailable) == [true, true, false])
        #expect(log.entries.map(\.isEvaluationDue) == [false, false, true])
        #expect(log.entries[1].delivery == .eLearning)
        #expect(log.byLevel == [.init(level: .level1, minutes: 90), .init(level: .level3, minutes: 615)])
        #expect(log.byLevel.map(\.hours) == [1.5, 10.25])
        #expect(log.totalMinutes == 705 && log.totalHours == 11.75)
    }

    @Test func anEmptyLogHasNoHours() {
        let log = TrainingLog(bookings: [], events: [], courses: [])
        #expect(log.entries.isEmpty && log.byLevel.isEmpty && log.totalMinutes == 0)
    }

    @Test func shortSessionsAddUpExactly() {
        let events = (0..<3).map { i in
            F.faceToFace(on: "2026-01-1\(i)", from: "12:00", to: "12:20", courseID: Self.cse.id)
        }
        let log = TrainingLog(bookings: events.map { Self.booking($0, .attended) }, events: events, courses: [Self.cse])
        #expect(log.byLevel == [.init(level: .level4, minutes: 60)])
        #expect(log.totalHours == 1)
    }
}
