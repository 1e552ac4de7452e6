import Foundation

/// Child, adult or unborn: decided from the date of birth (or expected date) on a given day,
/// because the same record moves from children's to adults' services on the 18th birthday.
public enum PersonCategory: String, Codable, Sendable {
    case unborn, child, adult

    public var displayName: String {
        switch self {
        case .unborn: "Unborn"
        case .child: "Child"
        case .adult: "Adult"
        }
    }

    public static func of(dateOfBirth: SimpleDate?, expectedDate: SimpleDate?, on today: SimpleDate) -> PersonCategory {
        if let dob = dateOfBirth {
            return dob.age(on: today) >= 18 ? .adult : .child
        }
        return expectedDate != nil ? .unborn : .adult
    }
}
