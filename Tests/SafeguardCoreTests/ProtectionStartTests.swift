import Foundation
import Testing

@testable import SafeguardCore

struct ProtectionStartTests {
    static let today = SimpleDate(year: 2026, month: 3, day: 10)!
    static let worker = UUID()
    static func fields(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "kind": "child-protection-plan", "start": "2026-03-02", "conference": "2026-03-02",
            "strategy": "2026-02-10",
            "social-worker": worker.uuidString,
        ].merging(extra) { $1 }
    }

    @Test func aPlanNeedsItsCategoryAndConference() throws {
        let started = try ProtectionStart.read(
            Self.fields(), categories: ["neglect"], socialWorkers: [Self.worker], today: Self.today
        ).get()
        #expect(
            started.kind == .childProtectionPlan && started.categories == [.neglect]
                && started.initialConference?.iso == "2026-03-02")
        guard
            case .failure(let p) = ProtectionStart.read(
                Self.fields(["conference": ""]), categories: [], socialWorkers: [Self.worker],
                today: Self.today)
        else {
            Issue.record("accepted")
            return
        }
        #expect(p.all.map(\.field) == ["categories", "conference-day"])
    }

    @Test func lookedAfterStatusHasNoCategoriesOrConferences() throws {
        let started = try ProtectionStart.read(
            Self.fields(["kind": "looked-after", "conference": ""]), categories: ["neglect"],
            socialWorkers: [Self.worker], today: Self.today
        ).get()
        #expect(started.categories.isEmpty && started.initialConference == nil && started.lastReview == nil)
    }

    @Test func datesInTheWrongOrderOrTheFutureAndAStrangerAsWorkerAreRefused() {
        guard
            case .failure(let p) = ProtectionStart.read(
                Self.fields([
                    "strategy": "2026-03-05", "review": "2026-03-01", "start": "2026-04-01",
                    "social-worker": UUID().uuidString,
                ]),
                categories: ["neglect", "bullying"], socialWorkers: [Self.worker], today: Self.today)
        else {
            Issue.record("accepted")
            return
        }
        #expect(p["categories"]?.contains("'bullying' is not a plan category") == true)
        #expect(p["start-day"] == "The start date cannot be in the future")
        #expect(p["review-day"] == "The last review cannot be before the initial conference")
        #expect(p["conference-day"] == "The conference cannot be before the strategy discussion")
        #expect(p["social-worker"] == "Select the allocated social worker")
    }

    @Test func endingNeedsADateAfterTheStartAndAReasonOnce() throws {
        let start = SimpleDate(year: 2026, month: 3, day: 2)!
        let ended = try ProtectionEnding.read(
            ["end": "2026-03-09", "end-reason": " Plan ended at review "], start: start, alreadyEnded: false,
            today: Self.today
        ).get()
        #expect(ended.on.iso == "2026-03-09" && ended.reason == "Plan ended at review")
        guard
            case .failure(let p) = ProtectionEnding.read(
                ["end": "2026-03-01", "end-reason": "no"], start: start, alreadyEnded: false,
                today: Self.today)
        else {
            Issue.record("accepted")
            return
        }
        #expect(p.all.map(\.field) == ["end-reason", "end-day"])
        guard
            case .failure(let again) = ProtectionEnding.read(
                ["end": "2026-03-09", "end-reason": "Plan ended at review"], start: start,
                alreadyEnded: true, today: Self.today)
        else {
            Issue.record("accepted")
            return
        }
        #expect(again["end-day"] == "This has already ended")
    }
}
