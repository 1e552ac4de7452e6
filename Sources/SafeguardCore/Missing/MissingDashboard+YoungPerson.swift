import Foundation

extension MissingDashboard {
    /// One young person's input to the dashboard: where they live, every missing episode on record
    /// (older ones matter for repeat missing) and their latest exploitation risk level.
    public struct YoungPerson: Sendable, Equatable, Codable {
        /// The district (or borough) the young person lives in, as the partnership names them.
        public var district: String
        public var episodes: [MissingEpisode]
        /// The latest exploitation risk assessment's level; nil when never assessed.
        public var exploitationRisk: ExploitationRiskLevel?

        public init(district: String, episodes: [MissingEpisode], exploitationRisk: ExploitationRiskLevel?) {
            self.district = district
            self.episodes = episodes
            self.exploitationRisk = exploitationRisk
        }

        /// The heading a district is counted under: trimmed, with a blank one shown as not recorded
        /// rather than as an empty row heading.
        static func districtName(_ raw: String) -> String {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return name.isEmpty ? "District not recorded" : name
        }
    }
}
