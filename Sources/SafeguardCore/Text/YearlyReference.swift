import Foundation

/// The references a partnership quotes on forms and in letters: a prefix, the year and a number counted from 1
/// each year ("SIN-2026-0001", "MASH-2026-000142").
public struct YearlyReference: Sendable, Equatable {
    public let prefix: String
    /// How many digits the number is padded to: 4 for reviews and disagreements, 6 for MASH referrals.
    public let digits: Int

    public init(_ prefix: String, digits: Int = 4) {
        self.prefix = prefix
        self.digits = digits
    }

    /// A serious incident notification.
    public static let seriousIncident = YearlyReference("SIN")
    /// A Safeguarding Adults Review referral.
    public static let sarReferral = YearlyReference("SAR")
    /// A practice review (LCSPR or SAR).
    public static let practiceReview = YearlyReference("PR")
    /// A professional disagreement.
    public static let disagreement = YearlyReference("PD")
    /// A MASH referral.
    public static let mashReferral = YearlyReference("MASH", digits: 6)

    /// The `number`th reference of `year`.
    public func make(year: Int, number: Int) -> String {
        "\(prefix)-\(String(format: "%04d", year))-\(String(format: "%0\(digits)d", number))"
    }

    /// A SQL LIKE pattern matching every reference of `year`, for counting them.
    public func likePattern(year: Int) -> String { "\(prefix)-\(year)-%" }
}
