import Foundation
import SafeguardCore

/// Who lived where and when, by index into ``DemoPartnership/people`` and
/// ``DemoPartnership/addresses``. `to == nil` means the person lives there now.
public struct DemoResidence: Sendable, Equatable, Codable {
    public let person: Int
    public let address: Int
    public let from: SimpleDate
    public let to: SimpleDate?

    public init(person: Int, address: Int, from: SimpleDate, to: SimpleDate?) {
        self.person = person
        self.address = address
        self.from = from
        self.to = to
    }
}
