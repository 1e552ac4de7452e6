import Foundation
import SafeguardCore

/// An agency that knows a person, by index; what the MASH would ask to contribute information.
public struct DemoInvolvement: Sendable, Equatable, Codable {
    public let person: Int
    public let agency: Int

    public init(person: Int, agency: Int) {
        self.person = person
        self.agency = agency
    }
}
