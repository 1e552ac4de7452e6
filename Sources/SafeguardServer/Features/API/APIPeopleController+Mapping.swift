import Fluent
import SafeguardCore
import Vapor

extension APIPeopleController {
    /// The web form's field names, so API callers get the same validation; the problem
    /// document names the JSON fields instead.
    static let fieldNames = [
        "first-name": "firstName", "middle-names": "middleNames", "last-name": "lastName", "dob-day": "dateOfBirth",
        "gender": "gender", "ethnicity": "ethnicity", "nhs-number": "nhsNumber", "language": "language",
        "disability": "disability",
        "address-line1": "address.line1", "address-town": "address.town", "address-postcode": "address.postcode",
    ]

    static func problem(_ errors: FormErrors) -> Problem {
        Problem(
            status: .unprocessableEntity, title: "Invalid request",
            detail: "Correct the fields listed in 'errors' and send it again.",
            errors: errors.all.map { .init(field: fieldNames[$0.field] ?? $0.field, message: $0.message) })
    }

    static func form(from dto: NewPersonDTO) -> PersonForm {
        var f = PersonForm()
        f.firstName = dto.firstName
        f.middleNames = dto.middleNames
        f.lastName = dto.lastName
        let dateText = dto.expectedDateOfBirth ?? dto.dateOfBirth
        f.unborn = dto.expectedDateOfBirth != nil ? "yes" : "no"
        if let dateText {
            if let d = SimpleDate(iso: dateText) {
                f.dobDay = String(d.day)
                f.dobMonth = String(d.month)
                f.dobYear = String(d.year)
            } else {
                f.dobDay = "x"
                f.dobMonth = "x"
                f.dobYear = "x"
            }
        }
        f.gender = dto.gender
        f.ethnicity = dto.ethnicity
        f.nhsNumber = dto.nhsNumber
        f.language = dto.language
        f.disability = dto.disability
        f.addressLine1 = dto.address?.line1
        f.addressLine2 = dto.address?.line2
        f.addressTown = dto.address?.town
        f.addressPostcode = dto.address?.postcode
        return f
    }

    static func dtos(_ people: [Person], today: SimpleDate, on db: Database) async throws -> [PersonDTO] {
        let ids = people.compactMap(\.id)
        let names = try await OtherName.query(on: db).filter(\.$person.$id ~~ ids).all()
        let postcodes = try await CurrentAddresses.postcodes(for: ids, on: db)
        return people.map { p in
            PersonDTO(
                id: p.id!, firstName: p.firstName, middleNames: p.middleNames, lastName: p.lastName,
                otherNames: names.filter { $0.$person.id == p.id }.map { .init(kind: $0.kind, name: $0.name) },
                dateOfBirth: p.dateOfBirth, expectedDateOfBirth: p.expectedDateOfBirth, gender: p.gender,
                ethnicity: p.ethnicity, nhsNumber: p.nhsNumber, language: p.language, disability: p.disability,
                category: p.category(on: today).rawValue, currentPostcode: postcodes[p.id!])
        }
    }
}
