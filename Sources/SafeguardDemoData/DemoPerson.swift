import Foundation
import SafeguardCore

/// A fictional person. Names, ethnicity and language usually agree with one another, as they do in
/// real records, but not always, so that screens are never tuned to a stereotype.
public struct DemoPerson: Sendable, Equatable, Codable {
    public let firstName: String
    public let middleNames: String
    public let lastName: String
    public let otherNames: [DemoOtherName]
    /// Exactly one of `dateOfBirth` and `expectedDateOfBirth` is set; the expected date only for
    /// an unborn child.
    public let dateOfBirth: SimpleDate?
    public let expectedDateOfBirth: SimpleDate?
    public let gender: Gender
    /// One of ``Ethnicity/categories``.
    public let ethnicity: String
    /// Ten digits in the 999 range the NHS reserves for test data, so a demo number can never be
    /// a real patient's; nil for about a quarter of people and for every unborn child.
    public let nhsNumber: String?
    /// Main language, which decides whether an interpreter is needed.
    public let language: String
    public let disability: String?

    public init(
        firstName: String, middleNames: String, lastName: String, otherNames: [DemoOtherName],
        dateOfBirth: SimpleDate?, expectedDateOfBirth: SimpleDate?, gender: Gender, ethnicity: String,
        nhsNumber: String?, language: String, disability: String?
    ) {
        self.firstName = firstName
        self.middleNames = middleNames
        self.lastName = lastName
        self.otherNames = otherNames
        self.dateOfBirth = dateOfBirth
        self.expectedDateOfBirth = expectedDateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.nhsNumber = nhsNumber
        self.language = language
        self.disability = disability
    }

    public var fullName: String {
        middleNames.isEmpty ? "\(firstName) \(lastName)" : "\(firstName) \(middleNames) \(lastName)"
    }
}
