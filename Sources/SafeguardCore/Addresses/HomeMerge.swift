/// Merging copies of one home into the copy kept: what the user must give, and what becomes of the
/// markers, so the police are told once about one door.
public enum HomeMerge {
    public static let minimumReasonLength = 10

    /// What was wrong with a merge request, as messages for the fields `keep` and `reason`.
    public static func problems(
        keep: String?, among ids: [String], reason: String
    ) -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        if ids.count < 2 {
            out.append(("keep", "These addresses are no longer duplicates of one another: go back to the list"))
        }
        if keep == nil || !ids.contains(keep!) {
            out.append(("keep", "Select the address to keep: the others are merged into it"))
        }
        if reason.count < minimumReasonLength {
            out.append(
                (
                    "reason",
                    "Say how you know these are one home, for example the same UPRN or a visit (at least \(minimumReasonLength) characters)"
                ))
        }
        return out
    }

    /// A marker on a copy being merged away: moved to the home kept, or ended because the kept home
    /// already carries an active marker for the same record.
    public struct MarkerFate: Sendable, Equatable {
        public let markerID: String
        public let ends: Bool
    }

    /// `kept` lists the records (plan or cuckooing) already marking the kept home; `moving` the markers on the
    /// copies, each with its record. A record marking two copies keeps one marker, the first given.
    public static func markerFates(kept: Set<String>, moving: [(markerID: String, recordID: String)]) -> [MarkerFate] {
        var marked = kept
        return moving.map { m in MarkerFate(markerID: m.markerID, ends: !marked.insert(m.recordID).inserted) }
    }
}
