import Foundation
import SafeguardCore

/// The event form read into a ``TrainingEvent``, or the problems beside each field. Shared by
/// adding an event and changing one (where `existing` keeps its id, delivery and places).
enum EventForm {
    static func read(
        _ fields: [String: String], courseID: UUID, existing: TrainingEvent?
    ) -> (TrainingEvent?, FormErrors) {
        var errors = FormErrors()
        let delivery = existing?.delivery ?? TrainingDelivery(rawValue: fields["delivery"] ?? "")
        if delivery == nil { errors.add("delivery", "Select how the event is delivered") }
        let date = FormDate.read(fields, "date", label: "date", required: true, today: nil, errors: &errors)
        func time(_ name: String, _ label: String) -> ClockTime? {
            let text = fields[name] ?? ""
            guard delivery?.isScheduled == true, !text.isEmpty else { return nil }
            guard let t = ClockTime(text) else {
                errors.add(name, "Enter the \(label) as hours and minutes on the 24-hour clock, like 09:30")
                return nil
            }
            return t
        }
        func number(_ name: String, _ message: String) -> Int? {
            let text = fields[name] ?? ""
            guard !text.isEmpty else { return nil }
            guard let n = Int(text), n > 0, n <= 10_000 else {
                errors.add(name, message)
                return nil
            }
            return n
        }
        let start = time("start", "start time")
        let end = time("end", "finish time")
        // Places change through the register page, where the waiting list is moved up.
        let capacity =
            existing.map(\.capacity)
            ?? (delivery?.isScheduled == true
                ? number("capacity", "Enter the number of places as a whole number, like 20") : nil)
        let minutes =
            delivery == .eLearning
            ? number("minutes", "Enter how many minutes it takes as a whole number, like 45") : nil
        let link = (fields["link"] ?? "").isEmpty ? nil : fields["link"]
        if let link, !(link.lowercased().hasPrefix("https://") || link.lowercased().hasPrefix("http://")) {
            errors.add("link", "Enter the full web address, starting with https://")
        }
        guard let delivery, let date, errors.isEmpty else { return (nil, errors) }
        let event = TrainingEvent(
            id: existing?.id ?? UUID(), courseID: courseID, delivery: delivery, date: date, startTime: start,
            endTime: end,
            venue: delivery == .faceToFace ? fields["venue"] : nil, link: delivery == .faceToFace ? nil : link,
            capacity: capacity, eLearningMinutes: minutes)
        for problem in event.problems { errors.add(field(for: problem), problem.message) }
        return (errors.isEmpty ? event : nil, errors)
    }

    /// The form's fields for an existing event, to edit it.
    static func fields(of record: TrainingEventRecord) -> [String: String] {
        let e = record.event
        return [
            "delivery": e.delivery.rawValue, "date-day": String(e.date.day), "date-month": String(e.date.month),
            "date-year": String(e.date.year), "start": e.startTime?.description ?? "",
            "end": e.endTime?.description ?? "",
            "venue": e.venue ?? "", "link": e.link ?? "", "capacity": e.capacity.map(String.init) ?? "",
            "minutes": e.eLearningMinutes.map(String.init) ?? "", "trainer": record.trainerName,
        ]
    }

    /// The details the change form shows, in a fixed order, for its ``OpenedAs`` stamp. How the event is delivered
    /// and its places are not among them: the form cannot change either (places change on the register page, and a
    /// change there does not hold up a change of venue).
    static let shownFields = [
        "date-day", "date-month", "date-year", "start", "end", "venue", "link", "minutes", "trainer",
    ]

    /// What the change form shows of a stored event, as a stamp (``OpenedAs``).
    static func openedAs(_ record: TrainingEventRecord) -> OpenedAs {
        let shown = fields(of: record)
        return OpenedAs(values: shownFields.map { shown[$0] })
    }

    /// Where the event as saved now (`saved`, from ``fields(of:)``) and as typed differ, labelled as on the form, for a
    /// trainer whose change was held back because a colleague changed the event first.
    static func differences(saved: [String: String], typed: [String: String]) -> [EditDifference] {
        func text(_ f: [String: String], _ key: String) -> String {
            (f[key] ?? "").trimmingCharacters(in: .whitespaces)
        }
        func date(_ f: [String: String]) -> String {
            let parts = ["date-day", "date-month", "date-year"].map { text(f, $0) }
            // As the form shows a stored date: "3 3 2026" and "03 03 2026" are the same day.
            let numbers = parts.compactMap(Int.init)
            return numbers.count == 3 ? numbers.map(String.init).joined(separator: " ") : parts.joined(separator: " ")
        }
        func detail(_ key: String, _ label: String) -> (label: String, reads: ([String: String]) -> String) {
            (label, { text($0, key) })
        }
        return EditDifference.between(
            saved: saved, typed: typed,
            [
                ("Date", date), detail("start", "Start time"), detail("end", "Finish time"), detail("venue", "Venue"),
                detail("link", "Link"), detail("minutes", "How long the e-learning takes, in minutes"),
                detail("trainer", "Trainer"),
            ])
    }

    /// Which form field a rule's problem belongs beside.
    static func field(for problem: TrainingEventProblem) -> String {
        switch problem {
        case .venueMissing: "venue"
        case .linkMissing: "link"
        case .timesMissing, .endNotAfterStart: "start"
        case .capacityMissing, .capacityBelowOne: "capacity"
        case .eLearningMinutesMissing: "minutes"
        }
    }
}
