import Testing

@testable import SafeguardCore

/// How typed UK addresses are taken apart: flats, floors, building names, numbers with letters,
/// abbreviations and postcodes, as call handlers type them.
struct AddressParsingTests {
    @Test func flatAndNumberWithoutCommas() {
        let p = ParsedAddress("Flat 2 10 high st", postcode: nil)
        #expect(p.flat == "2")
        #expect(p.houseNumber == "10")
        #expect(p.street == "HIGH STREET")
        #expect(p.subBuilding == "FLAT 2")
    }

    @Test(arguments: [
        ("2/10 High Street", "2"), ("Apartment 2, 10 High Street", "2"), ("Apt 2, 10 High St", "2"),
        ("Flat A, 10 High Street", "A"), ("flat2, 10 High Street", "2"), ("C, 10 High Street", "C"),
        ("1, 10, High Street", "1"),
    ])
    func flatSpellings(text: String, flat: String) {
        let p = ParsedAddress(text, postcode: nil)
        #expect(p.flat == flat)
        #expect(p.houseNumber == "10")
        #expect(p.street == "HIGH STREET")
    }

    @Test(arguments: [
        ("Ground Floor Flat, 3 Humphreys Crescent", "GROUND"), ("Grd Flr Flat, 3 Humphreys Crescent", "GROUND"),
        ("Basement Flat, 3 Humphreys Crescent", "BASEMENT"), ("First Floor Flat, 3 Humphreys Crescent", "FIRST"),
        ("1st Floor Flat, 3 Humphreys Cres", "FIRST"), ("(Second Floor) Flat, 3 Humphreys Crescent", "SECOND"),
        ("Top Floor Flat, 3 Humphreys Crescent", "TOP"),
    ])
    func floorsNameFlats(text: String, floor: String) {
        let p = ParsedAddress(text, postcode: nil)
        #expect(p.floor == floor)
        #expect(p.flat == nil)
        #expect(p.houseNumber == "3")
        #expect(p.street == "HUMPHREYS CRESCENT")
    }

    @Test func firstAvenueIsAStreetNotAFloor() {
        let p = ParsedAddress("12 First Avenue, Leeds", postcode: nil)
        #expect(p.floor == nil)
        #expect(p.street == "FIRST AVENUE")
    }

    @Test(arguments: [
        ("10B High Street", "10B"), ("10 B High Street", "10B"), ("10b high st", "10B"),
        ("10-12 High Street", "10-12"), ("No 10 High Street", "10"),
    ])
    func houseNumbersKeepTheirLetter(text: String, number: String) {
        let p = ParsedAddress(text, postcode: nil)
        #expect(p.houseNumber == number)
        #expect(p.street == "HIGH STREET")
    }

    @Test func gazetteerLineWithEveryPart() {
        let p = ParsedAddress("FLAT A, ST JOHNS COURT, 1 LEWIS ROAD, BATES HEATH, NEW WAYNE", postcode: "ws9w 8ju")
        #expect(p.flat == "A")
        #expect(p.buildingName == "ST JOHNS COURT")
        #expect(p.houseNumber == "1")
        #expect(p.street == "LEWIS ROAD")
        #expect(p.locality == "BATES HEATH")
        #expect(p.town == "NEW WAYNE")
        #expect(p.postcode == "WS9W 8JU")
    }

    @Test(arguments: ["Rose Cottage, Fox Street, Banks Heath, Hallshire", "The Old Mill, Fox Street, Hallshire"])
    func namedHouseHasNoNumber(text: String) {
        let p = ParsedAddress(text, postcode: nil)
        #expect(p.houseNumber == nil)
        #expect(p.buildingName == text.split(separator: ",")[0].uppercased())
        #expect(p.street == "FOX STREET")
    }

    @Test(arguments: [
        ("12 Acacia Ave", "ACACIA AVENUE"), ("12 Acacia Rd", "ACACIA ROAD"), ("12 Acacia Ln", "ACACIA LANE"),
        ("12 Acacia Cl", "ACACIA CLOSE"), ("12 Acacia Gdns", "ACACIA GARDENS"), ("12 Acacia Cres", "ACACIA CRESCENT"),
        ("12 Acacia Dr", "ACACIA DRIVE"), ("12 Acacia Pl", "ACACIA PLACE"), ("12 Acacia Sq", "ACACIA SQUARE"),
        ("12 Acacia Ter", "ACACIA TERRACE"), ("12 Acacia Ct", "ACACIA COURT"), ("12 O'Brien St.", "OBRIEN STREET"),
    ])
    func streetTypeAbbreviationsExpand(text: String, street: String) {
        #expect(ParsedAddress(text, postcode: nil).street == street)
    }

    @Test func saintStaysSaintAtTheStart() {
        let p = ParsedAddress("St Johns Court, 4 Mill Lane", postcode: nil)
        #expect(p.buildingName == "ST JOHNS COURT")
    }

    @Test(arguments: [
        ("10 High St, Leeds LS1 4AB", "LS1 4AB"), ("10 High St, Leeds, ls14ab", "LS1 4AB"),
        ("10 High St, Leeds", nil),
    ])
    func postcodeTypedInTheAddress(text: String, postcode: String?) {
        let p = ParsedAddress(text, postcode: nil)
        #expect(p.postcode == postcode)
        #expect(p.town == "LEEDS")
    }

    @Test func townThatLooksLikeAPostcodeWhenMendedIsATown() {
        // "HOLLIE" would read as "HO11IE" if O/I/L were mended before the shape test.
        let p = ParsedAddress("3 Clark Close, New Hollie", postcode: nil)
        #expect(p.postcode == nil)
        #expect(p.town == "NEW HOLLIE")
    }

    @Test(arguments: [
        ("ls1 4ab", "LS14AB"), (" LS1  4AB ", "LS14AB"), ("SW1A OAA", "SW1A0AA"), ("LS1 OAB", "LS10AB"),
        ("LS1 4A0", "LS14AO"),
        ("", nil),
    ])
    func postcodeNormalisationMendsSlips(text: String, compact: String?) {
        #expect(AddressPostcode.normalise(text) == compact)
    }

    @Test(arguments: [
        ("LS14AB", "LS14AB", AddressPostcode.Agreement.exact), ("LS14AB", "LS14AD", .oneCharacter),
        ("LS14AB", "LS14BA", .oneCharacter), ("LS14AB", "LS14XY", .sameSector), ("LS14AB", "LS19XY", .sameDistrict),
        ("LS14AB", "YO16AA", .different),
    ])
    func postcodeAgreementLevels(a: String, b: String, level: AddressPostcode.Agreement) {
        #expect(AddressPostcode.compare(a, b) == level)
        #expect(AddressPostcode.compare(packed: AddressPostcode.pack(a), AddressPostcode.pack(b)) == level)
    }

    @Test func missingPostcodeIsMissingNotDifferent() {
        #expect(AddressPostcode.compare(nil, "LS14AB") == .missing)
    }
}
