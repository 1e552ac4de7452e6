import Foundation

/// The numbers DOMAIN.md marks configurable, as one partnership sets them: read from a JSON file
/// named by `--rules` or `SAFEGUARD_RULES` at start-up, so an area changes them without code.
/// Every key is optional; one left out keeps the default.
///
/// ```json
/// { "ragWorkingHours": { "red": 2, "amber": 6, "green": 24 },
///   "continuumOfNeed": [ { "number": 1, "name": "Universal", "description": "…" }, … ],
///   "closures": { "2026-12-24": "Christmas Eve: offices closed" },
///   "strategyDiscussionWithinWorkingDays": 3,
///   "trainingLateCancellationHours": 48 }
/// ```
public struct PartnershipRules: Sendable, Equatable {
    public var ragTimescales: RAGTimescales = .standard
    public var continuum: ContinuumOfNeed = .standard
    /// Days the partnership's offices are closed, on top of weekends and bank holidays.
    public var closures: [SimpleDate: String] = [:]
    /// The partnership's own target for holding a strategy discussion after the referral arrives;
    /// Working Together sets none, so timeliness is reported against this.
    public var strategyDiscussionWithinWorkingDays = 3
    /// Whom an officer at a marked address is told to contact: the only thing besides "there is a
    /// marker" that police systems receive.
    public var safeguardingContact = "Children's Services MASH: call and quote the incident reference"
    /// Whom a referrer calls when the MASH is closed and someone must act before it opens: shown when an
    /// urgent referral is sent out of hours. Nil until the partnership sets it; the page then says to ask.
    public var outOfHoursContact: String?
    /// Cancelling a training place closer to the start than this is a late cancellation.
    public var trainingLateCancellationHours = TrainingEventPlaces.defaultLateCancellationHours
    /// The stages of escalating a professional disagreement, with their working days.
    public var escalation: EscalationLadder = .standard
    /// A practice review (LCSPR or SAR) is normally published this many months after the decision to hold it.
    public var practiceReviewPublicationMonths = 6
    /// An agency's summary for a rapid review or a SAR is due this many working days after it is asked for
    /// (Working Together's common plan: templates out on day 1, summaries back by day 8 for a meeting by day 10).
    public var agencySummaryWorkingDays = 7

    public init() {}

    public static let standard = PartnershipRules()

    /// What is wrong with a rules file, naming the key and what to write instead.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    static let knownKeys: Set<String> = [
        "ragWorkingHours", "continuumOfNeed", "closures", "strategyDiscussionWithinWorkingDays", "safeguardingContact",
        "trainingLateCancellationHours", "outOfHoursContact", "escalationStages", "practiceReviewPublicationMonths",
        "agencySummaryWorkingDays",
    ]

    public static func parse(_ data: Data) throws(Problem) -> PartnershipRules {
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw Problem(
                description: "the rules file must be one JSON object, like {\"ragWorkingHours\": {\"red\": 4}}")
        }
        if let unknown = top.keys.sorted().first(where: { !knownKeys.contains($0) }) {
            throw Problem(
                description: "unknown key '\(unknown)': the keys are \(knownKeys.sorted().joined(separator: ", "))")
        }
        var rules = PartnershipRules()
        if let rag = top["ragWorkingHours"] { rules.ragTimescales = try ragHours(rag) }
        if let levels = top["continuumOfNeed"] { rules.continuum = try continuum(levels) }
        if let closures = top["closures"] { rules.closures = try closureDays(closures) }
        if let days = top["strategyDiscussionWithinWorkingDays"] {
            guard let n = wholeNumber(days), (0...20).contains(n) else {
                throw Problem(
                    description:
                        "strategyDiscussionWithinWorkingDays must be a whole number of working days from 0 to 20")
            }
            rules.strategyDiscussionWithinWorkingDays = n
        }
        if let hours = top["trainingLateCancellationHours"] {
            guard let n = wholeNumber(hours), (0...336).contains(n) else {
                throw Problem(
                    description:
                        "trainingLateCancellationHours must be a whole number of hours from 0 to 336 (two weeks), like 48"
                )
            }
            rules.trainingLateCancellationHours = n
        }
        if let stages = top["escalationStages"] { rules.escalation = try escalation(stages) }
        if let months = top["practiceReviewPublicationMonths"] {
            guard let n = wholeNumber(months), (1...24).contains(n) else {
                throw Problem(
                    description: "practiceReviewPublicationMonths must be a whole number of months from 1 to 24, like 6"
                )
            }
            rules.practiceReviewPublicationMonths = n
        }
        if let days = top["agencySummaryWorkingDays"] {
            guard let n = wholeNumber(days), (1...20).contains(n) else {
                throw Problem(
                    description: "agencySummaryWorkingDays must be a whole number of working days from 1 to 20, like 7")
            }
            rules.agencySummaryWorkingDays = n
        }
        if let contact = top["outOfHoursContact"] {
            guard let text = (contact as? String)?.trimmingCharacters(in: .whitespaces), (5...200).contains(text.count)
            else {
                throw Problem(
                    description:
                        "outOfHoursContact must be text of 5 to 200 characters, like \"Emergency Duty Team, 01632 960 199\""
                )
            }
            rules.outOfHoursContact = text
        }
        if let contact = top["safeguardingContact"] {
            guard let text = (contact as? String)?.trimmingCharacters(in: .whitespaces), (5...200).contains(text.count)
            else {
                throw Problem(
                    description:
                        "safeguardingContact must be text of 5 to 200 characters, like \"Northmere MASH 01632 960 100\""
                )
            }
            rules.safeguardingContact = text
        }
        return rules
    }

    private static func wholeNumber(_ value: Any) -> Int? {
        // JSON true and false also arrive as NSNumber; their type code is "c" (char), a number's never is.
        guard let n = value as? NSNumber, String(cString: n.objCType) != "c", n.doubleValue == n.doubleValue.rounded()
        else { return nil }
        return n.intValue
    }

    private static func ragHours(_ value: Any) throws(Problem) -> RAGTimescales {
        guard let dict = value as? [String: Any] else {
            throw Problem(
                description: "ragWorkingHours must be an object like {\"red\": 4, \"amber\": 24, \"green\": 72}")
        }
        var hours: [RAGRating: Int] = [:]
        for (key, raw) in dict {
            guard let rating = RAGRating(rawValue: key) else {
                throw Problem(description: "ragWorkingHours has '\(key)': use red, amber and green")
            }
            guard let n = wholeNumber(raw), (1...500).contains(n) else {
                throw Problem(
                    description: "ragWorkingHours.\(key) must be a whole number of working hours from 1 to 500")
            }
            hours[rating] = n
        }
        guard let timescales = try? RAGTimescales(overriding: hours) else {
            throw Problem(description: "ragWorkingHours cannot be negative")
        }
        guard timescales.red <= timescales.amber, timescales.amber <= timescales.green else {
            throw Problem(
                description: "ragWorkingHours must give red no more time than amber, and amber no more than green")
        }
        return timescales
    }

    private static func continuum(_ value: Any) throws(Problem) -> ContinuumOfNeed {
        guard let list = value as? [[String: Any]], list.count >= 2 else {
            throw Problem(
                description:
                    "continuumOfNeed must be a list of at least two levels, like [{\"number\": 1, \"name\": \"Universal\", \"description\": \"…\"}, …]"
            )
        }
        var levels: [ContinuumOfNeed.Level] = []
        for (i, entry) in list.enumerated() {
            guard let number = entry["number"].flatMap(wholeNumber), number == i + 1 else {
                throw Problem(
                    description:
                        "continuumOfNeed level \(i + 1) must have \"number\": \(i + 1): levels are numbered 1, 2, 3… lowest first"
                )
            }
            guard let name = (entry["name"] as? String)?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
                name.count <= 60
            else {
                throw Problem(description: "continuumOfNeed level \(number) needs a \"name\" of 1 to 60 characters")
            }
            levels.append(
                ContinuumOfNeed.Level(number: number, name: name, description: (entry["description"] as? String) ?? ""))
        }
        return ContinuumOfNeed(levels: levels)
    }

    private static func closureDays(_ value: Any) throws(Problem) -> [SimpleDate: String] {
        guard let dict = value as? [String: Any] else {
            throw Problem(
                description:
                    "closures must be an object of dates and reasons, like {\"2026-12-24\": \"Offices closed\"}")
        }
        var out: [SimpleDate: String] = [:]
        for (key, raw) in dict {
            guard let day = SimpleDate(iso: key) else {
                throw Problem(description: "closures has '\(key)': write dates as YYYY-MM-DD")
            }
            guard let reason = raw as? String, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Problem(description: "closures \(key) needs a reason, like \"Offices closed\"")
            }
            out[day] = reason
        }
        return out
    }

    /// `[{"name": "Practitioner to practitioner", "workingDays": 2}, …]`: the first stage is the practitioners',
    /// the second their managers', the last the partnership chair's, any between for senior managers.
    static func escalation(_ value: Any) throws(Problem) -> EscalationLadder {
        let shape =
            "escalationStages must be a list like [{\"name\": \"Practitioner to practitioner\", \"workingDays\": 2}, …]"
        guard let list = value as? [[String: Any]] else { throw Problem(description: shape) }
        var stages: [EscalationLadder.Stage] = []
        for (i, item) in list.enumerated() {
            guard let name = item["name"] as? String, let days = item["workingDays"].flatMap(wholeNumber) else {
                throw Problem(description: shape)
            }
            let level: EscalationLadder.Level =
                i == 0 ? .practitioner : i == list.count - 1 ? .chair : i == 1 ? .manager : .senior
            stages.append(.init(name: name.trimmingCharacters(in: .whitespaces), workingDays: days, level: level))
        }
        if let problem = EscalationLadder.checked(stages) { throw Problem(description: problem) }
        return EscalationLadder(stages)
    }
}
