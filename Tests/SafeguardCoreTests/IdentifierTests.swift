import Testing

@testable import SafeguardCore

struct NHSNumberTests {
    @Test(arguments: ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
    func acceptsValidNumbers(_ text: String) throws {
        let n = try NHSNumber(text)
        #expect(n.digits.count == 10)
    }

    @Test func formatsInThreeGroups() throws {
        #expect(try NHSNumber("9434765919").formatted == "943 476 5919")
    }

    @Test(arguments: [
        ("9434765918", NHSNumber.Problem.failsCheckDigit),  // last digit wrong
        ("9434765991", .failsCheckDigit),  // two digits transposed
        ("943476591", .wrongLength),
        ("94347659190", .wrongLength),
        ("94347A5919", .notDigits),
        ("", .wrongLength),
    ])
    func refusesInvalidNumbers(_ text: String, _ problem: NHSNumber.Problem) {
        #expect(throws: problem) { try NHSNumber(text) }
    }

    @Test func aRemainderOfTenHasNoCheckDigit() {
        // 1+... chosen so the weighted sum leaves remainder 1, giving 11 - 1 = 10.
        var found = false
        for n in 100_000_000..<100_000_200 {
            let digits = String(n).compactMap(\.wholeNumberValue)
            if NHSNumber.checkDigit(for: digits) == nil {
                found = true
                let weighted = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
                #expect(11 - weighted % 11 == 10)
            }
        }
        #expect(found)
    }
}

struct UKPostcodeTests {
    @Test(arguments: [
        ("sg138dq", "SG13 8DQ"), ("SG13  8DQ", "SG13 8DQ"), (" w1a 1aa ", "W1A 1AA"), ("M11AE", "M1 1AE"),
        ("B338TH", "B33 8TH"), ("CR26XH", "CR2 6XH"), ("DN551PT", "DN55 1PT"), ("EC1A1BB", "EC1A 1BB"),
        ("gir0aa", "GIR 0AA"),
    ])
    func normalises(_ typed: String, _ normal: String) throws {
        #expect(try UKPostcode(typed).text == normal)
    }

    @Test(arguments: [
        "", "   ", "SG13", "SG13 8D", "12345", "SG13 8CQ", "QA1 1AA", "AJ1 1AA", "SG13 8DQX", "SG13-8DQ", "S@13 8DQ",
    ])
    func refuses(_ typed: String) {
        #expect(throws: UKPostcode.Problem.self) { try UKPostcode(typed) }
    }

    @Test func exposesDistrictAndSector() throws {
        let p = try UKPostcode("SG13 8DQ")
        #expect(p.district == "SG13")
        #expect(p.sector == "SG13 8")
    }
}

struct SimpleDateTests {
    @Test func parsesOnlyRealDays() {
        #expect(SimpleDate(iso: "2024-02-29") != nil)
        #expect(SimpleDate(iso: "2023-02-29") == nil)
        #expect(SimpleDate(iso: "2023-13-01") == nil)
        #expect(SimpleDate(iso: "2023-1-01") == nil)
        #expect(SimpleDate(iso: "01/02/2023") == nil)
    }

    @Test func ageCountsCompletedYears() {
        let dob = SimpleDate(year: 2008, month: 11, day: 22)!
        #expect(dob.age(on: SimpleDate(year: 2026, month: 11, day: 21)!) == 17)
        #expect(dob.age(on: SimpleDate(year: 2026, month: 11, day: 22)!) == 18)
    }

    @Test func categoryTurnsAdultOnTheEighteenthBirthday() {
        let dob = SimpleDate(year: 2008, month: 11, day: 22)!
        #expect(
            PersonCategory.of(dateOfBirth: dob, expectedDate: nil, on: SimpleDate(year: 2026, month: 11, day: 21)!)
                == .child)
        #expect(
            PersonCategory.of(dateOfBirth: dob, expectedDate: nil, on: SimpleDate(year: 2026, month: 11, day: 22)!)
                == .adult)
        #expect(PersonCategory.of(dateOfBirth: nil, expectedDate: dob, on: dob) == .unborn)
    }

    @Test func longTextIsGOVUKStyle() {
        #expect(SimpleDate(year: 2015, month: 3, day: 3)!.longText == "3 March 2015")
    }
}
