/// The outcome of comparing a query with one index record: a level (or missing) per field, whether the
/// names only agreed crossed over, and the total weight. Fixed-size and allocation-free, because the
/// matcher builds hundreds of these per query.
struct ComparisonVector: Sendable, Equatable {
    /// `ComparisonLevel.rawValue` per `MatchField.rawValue`; -1 where either side was missing.
    var levels = SIMD8<Int8>(repeating: -1)
    var namesSwapped = false
    var weight = 0.0

    subscript(field: MatchField) -> ComparisonLevel? {
        get { levels[field.rawValue] < 0 ? nil : ComparisonLevel(rawValue: Int(levels[field.rawValue])) }
        set { levels[field.rawValue] = newValue.map { Int8($0.rawValue) } ?? -1 }
    }
}
