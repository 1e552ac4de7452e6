import Foundation
import SafeguardCore

/// A demo login. The password is published in the demo documentation on purpose: these accounts
/// exist only on demo instances, and the `.test` domain can never receive mail.
public struct DemoUser: Sendable, Equatable, Codable {
    public let displayName: String
    public let email: String
    public let role: Role
    /// Index into ``DemoPartnership/agencies``.
    public let agency: Int
    /// Index into ``DemoPartnership/teams``; nil where the role has no team (a school DSL, a board member).
    public let team: Int?
    public let password: String
    /// The review groups they sit on: who in the demo can open serious incidents and reviews.
    public var reviewGroups: Set<ReviewGroup> = []

    public init(displayName: String, email: String, role: Role, agency: Int, team: Int?, password: String) {
        self.displayName = displayName
        self.email = email
        self.role = role
        self.agency = agency
        self.team = team
        self.password = password
    }
}
