import Foundation
import Testing

@testable import SafeguardCore

struct PeopleSearchTermsTests {
    @Test func theBoxIsReadAsTheMASHReadsIt() {
        #expect(PeopleSearch.terms("943 476 5919") == .nhsNumber("9434765919"))
        #expect(PeopleSearch.terms("943-476-5919") == .nhsNumber("9434765919"))
        #expect(PeopleSearch.terms("mash-2026-000002") == .referralReference("MASH-2026-000002"))
        #expect(
            PeopleSearch.terms("/people/3F2504E0-4F89-11D3-9A0C-0305E82C3301")
                == .recordReference("3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
        #expect(PeopleSearch.terms("Thomas Michalsky") == .names(["Thomas", "Michalsky"]))
        #expect(PeopleSearch.terms("  ") == .nothing)
        let q = PeopleSearch.query(words: ["Anne", "Louise", "O'Brien"], dateOfBirth: nil, postcode: nil)
        #expect((q.firstName, q.middleNames, q.lastName) == ("Anne", "Louise", "O'Brien"))
        #expect(PeopleSearch.query(words: ["Smith"], dateOfBirth: nil, postcode: nil).lastName == "Smith")
    }

    @Test(arguments: [
        (1, 0, "No results", false, false), (1, 50, "Showing 1 to 50 of 50", false, false),
        (1, 51, "Showing 1 to 50 of 51", false, true), (2, 51, "Showing 51 to 51 of 51", true, false),
        (7, 120, "Showing 101 to 120 of 120", true, false), (0, 10, "Showing 1 to 10 of 10", false, false),
    ])
    func pagesSayWhereTheyAre(requested: Int, total: Int, summary: String, previous: Bool, next: Bool) {
        let page = ResultPage(requested: requested, total: total)
        #expect(page.summary == summary)
        #expect(page.hasPrevious == previous)
        #expect(page.hasNext == next)
    }
}
