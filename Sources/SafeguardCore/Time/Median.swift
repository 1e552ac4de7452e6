/// The middle value of `values` (the mean of the middle two for an even count), nil when empty: the
/// "typical" figure partnership reports give for timeliness, which one slow case does not drag.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
