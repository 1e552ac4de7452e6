import Testing

@testable import SafeguardCore

/// The referral's questions as the web form and the API both ask them.
struct ReferralAnswersTests {
    static let today = SimpleDate(year: 2026, month: 3, day: 2)!

    @Test func aSubjectIsReadOrEveryProblemIsSaid() {
        let (kayla, none) = ReferralAnswers.subject(
            firstName: "Kayla", lastName: "Smyth", dateOfBirth: ("14", "6", "2018"), gender: "female",
            nhsNumber: "943 476 5919", today: Self.today, required: true)
        #expect(none.isEmpty && kayla?.dateOfBirth?.iso == "2018-06-14" && kayla?.nhsNumber == "9434765919")
        let (nobody, problems) = ReferralAnswers.subject(
            firstName: " ", lastName: "", dateOfBirth: ("31", "2", "2018"), gender: "",
            nhsNumber: "1234567890", today: Self.today, required: true)
        #expect(nobody == nil)
        #expect(
            problems.all.map(\.field) == [
                "subject-first-name", "subject-last-name", "subject-dob-day", "subject-gender", "subject-nhs-number",
            ])
        let (optional, nothing) = ReferralAnswers.subject(
            firstName: "", lastName: "", dateOfBirth: ("", "", ""), gender: "", nhsNumber: "",
            today: Self.today, required: false)
        #expect(optional == nil && nothing.isEmpty, "an untouched second person is no person and no error")
    }

    @Test func consentCannotBeTheBasisWhenTheFamilyHasNotAgreed() {
        let (_, _, refused) = ReferralAnswers.sharing(
            familyAwareness: "not-told-would-increase-risk", lawfulBasis: "consent")
        #expect(refused["lawful-basis"]?.contains("consent cannot be the basis") == true)
        let (awareness, basis, fine) = ReferralAnswers.sharing(
            familyAwareness: "told-and-agrees", lawfulBasis: "consent")
        #expect(fine.isEmpty && awareness == .toldAndAgrees && basis == .consent)
    }

    @Test func addressConcernsAndContact() {
        let address = ReferralAnswers.address(line1: "12 Mill Lane", town: "Northmere", postcode: "sw1a1aa")
        #expect(address.3.isEmpty && address.postcode == "SW1A 1AA")
        let unknown = ReferralAnswers.address(line1: "", town: "", postcode: "not a postcode")
        #expect(
            unknown.3.all.map(\.field) == ["address-line1", "address-town", "address-postcode"]
                && unknown.postcode == "not a postcode",
            "a wrong postcode is kept as typed, for the form to show")
        let concerns = ReferralAnswers.concerns(
            chosen: ["physical-abuse", "neglect"], whatHappened: "Bruises on her arm, seen at school today")
        #expect(concerns.2.isEmpty && concerns.categories == [.physicalAbuse, .neglect], "in the form's order")
        let (urgency, _, bad) = ReferralAnswers.contact(urgency: "soon", phone: "call me")
        #expect(urgency == nil && bad.all.map(\.field) == ["urgency", "referrer-phone"])
    }
}
