/// Who works a referral. A MASH manager allocates to any MASH worker; a practitioner may take an
/// unallocated referral for themselves, never hand one to someone else or take one from a colleague.
public enum ReferralAllocation {
    /// Roles that can hold a referral.
    public static func canHold(_ role: Role) -> Bool { role == .mashPractitioner || role == .mashManager }

    public enum Problem: Error, Equatable, Sendable {
        case notAWorker, notYours, alreadyAllocated, closed

        public var message: String {
            switch self {
            case .notAWorker: "Choose a MASH practitioner or manager to allocate the referral to"
            case .notYours: "Only a MASH manager can allocate a referral to someone else: you can take it yourself"
            case .alreadyAllocated: "This referral is already allocated: ask a MASH manager to move it"
            case .closed: "The referral is decided: there is nothing left to allocate"
            }
        }
    }

    /// Whether `by` may give the referral to `to`; `current` is whoever holds it now.
    public static func check(
        by role: Role, isSelf: Bool, toRole: Role?, current: String?, status: ReferralStatus
    ) -> Problem? {
        guard status.isOpen else { return .closed }
        guard let toRole, canHold(toRole) else { return .notAWorker }
        if role == .mashManager { return nil }
        guard isSelf else { return .notYours }
        return current == nil ? nil : .alreadyAllocated
    }
}
