import Foundation
import Testing

@testable import SafeguardCore

struct PartnershipRulesTests {
    func parse(_ json: String) throws(PartnershipRules.Problem) -> PartnershipRules {
        try PartnershipRules.parse(Data(json.utf8))
    }

    @Test func anEmptyFileKeepsEveryDefault() throws {
        #expect(try parse("{}") == .standard)
        #expect(PartnershipRules.standard.ragTimescales == .standard)
        #expect(PartnershipRules.standard.strategyDiscussionWithinWorkingDays == 3)
    }

    @Test func anAreaSetsItsOwnNumbers() throws {
        let rules = try parse(
            """
            {"ragWorkingHours": {"red": 2, "amber": 6, "green": 24},
             "continuumOfNeed": [{"number": 1, "name": "Universal"}, {"number": 2, "name": "Early help"}, {"number": 3, "name": "Statutory"}],
             "closures": {"2026-12-24": "Christmas Eve: offices closed"},
             "strategyDiscussionWithinWorkingDays": 1, "trainingLateCancellationHours": 72}
            """)
        #expect(rules.ragTimescales == (try RAGTimescales(red: 2, amber: 6, green: 24)))
        #expect(rules.continuum.levels.map(\.name) == ["Universal", "Early help", "Statutory"])
        #expect(rules.continuum.highest == 3)
        #expect(rules.closures == [SimpleDate(year: 2026, month: 12, day: 24)!: "Christmas Eve: offices closed"])
        #expect(rules.strategyDiscussionWithinWorkingDays == 1)
        #expect(rules.trainingLateCancellationHours == 72)
        #expect(PartnershipRules.standard.trainingLateCancellationHours == 48)
        // Only red named: amber and green keep their defaults.
        #expect(try parse(#"{"ragWorkingHours": {"red": 2}}"#).ragTimescales == (try RAGTimescales(red: 2)))
    }

    @Test(arguments: [
        ("[1, 2]", "one JSON object"),
        (#"{"ragHours": {}}"#, "unknown key 'ragHours'"),
        (#"{"ragWorkingHours": {"blue": 4}}"#, "use red, amber and green"),
        (#"{"ragWorkingHours": {"red": -4}}"#, "ragWorkingHours.red must be a whole number"),
        (#"{"ragWorkingHours": {"red": 4.5}}"#, "ragWorkingHours.red must be a whole number"),
        (#"{"ragWorkingHours": {"red": 30}}"#, "red no more time than amber"),
        (#"{"continuumOfNeed": [{"number": 1, "name": "Only"}]}"#, "at least two levels"),
        (
            #"{"continuumOfNeed": [{"number": 1, "name": "A"}, {"number": 3, "name": "C"}]}"#,
            "level 2 must have \"number\": 2"
        ),
        (#"{"continuumOfNeed": [{"number": 1, "name": "A"}, {"number": 2, "name": " "}]}"#, "level 2 needs a \"name\""),
        (#"{"closures": {"24/12/2026": "Closed"}}"#, "write dates as YYYY-MM-DD"),
        (#"{"closures": {"2026-12-24": ""}}"#, "needs a reason"),
        (#"{"strategyDiscussionWithinWorkingDays": true}"#, "whole number of working days"),
        (#"{"strategyDiscussionWithinWorkingDays": 99}"#, "from 0 to 20"),
        (
            #"{"trainingLateCancellationHours": "two days"}"#,
            "trainingLateCancellationHours must be a whole number of hours"
        ),
        (#"{"trainingLateCancellationHours": 1000}"#, "from 0 to 336"),
    ])
    func mistakesAreNamedWithWhatToWrite(json: String, message: String) {
        #expect {
            try parse(json)
        } throws: { error in
            (error as? PartnershipRules.Problem)?.description.contains(message) == true
        }
    }
}
