import Foundation
import SafeguardCore
import Vapor

/// A person as partner systems receive them: stable field names independent of our tables.
struct PersonDTO: Content {
    var id: UUID
    var firstName: String
    var middleNames: String
    var lastName: String
    var otherNames: [OtherNameDTO]?
    var dateOfBirth: String?
    var expectedDateOfBirth: String?
    var gender: String
    var ethnicity: String
    var nhsNumber: String?
    var language: String
    var disability: String?
    var category: String
    var currentPostcode: String?

    struct OtherNameDTO: Codable, Sendable {
        var kind: String
        var name: String
    }
}

struct PersonListDTO: Content {
    var people: [PersonDTO]
}

/// What a partner system posts to create a person.
struct NewPersonDTO: Codable, Sendable {
    var firstName: String?
    var middleNames: String?
    var lastName: String?
    var dateOfBirth: String?
    var expectedDateOfBirth: String?
    var gender: String?
    var ethnicity: String?
    var nhsNumber: String?
    var language: String?
    var disability: String?
    var address: AddressDTO?

    struct AddressDTO: Codable, Sendable {
        var line1: String?
        var line2: String?
        var town: String?
        var postcode: String?
    }
}
