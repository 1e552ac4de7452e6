/// Who may read one entry of a person's chronology, once they may see the person at all.
///
/// Most entries (a record made, an address, an agency starting work) are part of the record.
/// MASH work is not: that a referral was made, what each partner told the MASH, the decision
/// and the strategy discussion are shared with the agencies that lead child protection, and
/// with the agency that wrote the entry. A school that referred sees its own referral; it does
/// not read what the police told the MASH.
public enum ChronologyVisibility: String, CaseIterable, Codable, Sendable {
    case record
    case safeguarding

    /// Roles that read every safeguarding entry: the MASH, children's social care, police public
    /// protection (the strategy discussion's statutory partners) and the auditor.
    public static let safeguardingReaders: Set<Role> = [
        .mashPractitioner, .mashManager, .socialWorker, .teamManager, .policePublicProtection, .auditor,
    ]

    public func isVisible(to role: Role, recordedByViewersAgency: Bool) -> Bool {
        switch self {
        case .record: true
        case .safeguarding: recordedByViewersAgency || Self.safeguardingReaders.contains(role)
        }
    }
}
