import SafeguardCore
import Vapor

/// The period a report covers, read from its page's GET form: `from` and `to` as day, month and year boxes,
/// or as one ISO date each in links and CSV downloads. A box left wrong keeps the default and says what to fix.
enum ReportPeriod {
    static func read(
        _ req: Request, default fallback: ClosedRange<SimpleDate>, errors: inout FormErrors
    ) -> ClosedRange<SimpleDate> {
        func read(_ name: String, _ fallback: SimpleDate) -> SimpleDate {
            let parts = ["day", "month", "year"].map {
                ((try? req.query.get(String.self, at: "\(name)-\($0)")) ?? "").trimmed
            }
            let problem = "Enter the \(name == "from" ? "start" : "end") of the period as a real date, like 1 4 2026"
            if parts.contains(where: { !$0.isEmpty }) {
                guard let date = SimpleDate(day: parts[0], month: parts[1], year: parts[2]) else {
                    errors.add("\(name)-day", problem)
                    return fallback
                }
                return date
            }
            guard let text = try? req.query.get(String.self, at: name), !text.isEmpty else { return fallback }
            guard let date = SimpleDate(iso: text) else {
                errors.add("\(name)-day", problem)
                return fallback
            }
            return date
        }
        let from = read("from", fallback.lowerBound)
        let to = read("to", fallback.upperBound)
        guard from <= to else {
            errors.add("to-day", "The end of the period must be on or after its start")
            return fallback
        }
        return from...to
    }
}
