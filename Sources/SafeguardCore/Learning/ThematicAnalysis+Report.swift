/// The analysis as the page and its download give it: a row per theme, and the overlaps of the top three spelt out.
extension ThematicAnalysis {
    public var csvLines: [[String]] {
        [["Theme", "Group", "Reviews with the theme", "Reviews in the period", "Percent"]]
            + shares.map {
                [$0.theme.name, $0.theme.group.displayName, String($0.reviews), String(reviews), "\($0.percent)%"]
            }
    }

    /// One line per Venn region, largest combination first: "Assessment and professional curiosity, not lived experience".
    public struct OverlapRow: Sendable, Equatable {
        public let has: [Bool]
        public let label: String
        public let reviews: Int
    }

    public var overlapRows: [OverlapRow] {
        guard let overlap else { return [] }
        let names = overlap.themes.map(\.name)
        let combinations: [[Bool]] = [
            [true, true, true], [true, true, false], [true, false, true], [false, true, true],
            [true, false, false], [false, true, false], [false, false, true],
        ]
        return combinations.map { has in
            let with = names.indices.filter { has[$0] }.map { names[$0] }
            let without = names.indices.filter { !has[$0] }.map { names[$0] }
            let label =
                with.joined(separator: " and ")
                + (without.isEmpty ? " (all three)" : ", without " + without.joined(separator: " or "))
            return OverlapRow(has: has, label: label, reviews: overlap.regions[has] ?? 0)
        }
    }
}
