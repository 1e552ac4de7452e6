/// Whose MASH work a user's "My work" lists. Everyone sees what is allocated to them and their team, and
/// what nobody has yet; managers can widen it to the whole county.
public enum MyWorkScope: String, CaseIterable, Sendable {
    case team, county

    public var displayName: String {
        switch self {
        case .team: "My team"
        case .county: "County-wide"
        }
    }

    public static func choices(for role: Role) -> [MyWorkScope] {
        role == .mashManager || role == .teamManager ? [.team, .county] : [.team]
    }

    /// The scope asked for, or the team's when the role may not have it.
    public static func resolve(_ asked: String?, role: Role) -> MyWorkScope {
        let scope = asked.flatMap(MyWorkScope.init(rawValue:)) ?? .team
        return choices(for: role).contains(scope) ? scope : .team
    }

    /// `team` holds the user ids of the viewer's team, the viewer included.
    public func includes(allocatedTo: String?, team: Set<String>) -> Bool {
        switch self {
        case .county: true
        case .team: allocatedTo.map(team.contains) ?? true
        }
    }
}
