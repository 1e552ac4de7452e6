/// How a vulnerable person's home has been taken over ("cuckooing"). A home can be used in more
/// than one way at once, so a record holds a set.
public enum CuckooingKind: String, CaseIterable, Codable, Sendable {
    /// Used to deal, store or prepare drugs: the county lines pattern.
    case drugs
    /// Used for the sexual exploitation of the tenant or of others.
    case sexualExploitation = "sexual-exploitation"
    /// Taken over by others to live in.
    case living
    /// The tenant's money, benefits or property taken or controlled.
    case financial

    public var displayName: String {
        switch self {
        case .drugs: "Drugs: dealing, storing or preparing"
        case .sexualExploitation: "Sexual exploitation"
        case .living: "Others living there"
        case .financial: "Financial abuse of the tenant"
        }
    }
}

/// How sure the partnership is that the home is cuckooed. A suspicion is enough for a marker:
/// officers attending should know before they knock.
public enum CuckooingConfidence: String, CaseIterable, Codable, Sendable {
    case suspected, confirmed

    public var displayName: String {
        switch self {
        case .suspected: "Suspected"
        case .confirmed: "Confirmed"
        }
    }
}
