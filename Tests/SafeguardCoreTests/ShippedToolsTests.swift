import Testing

@testable import SafeguardCore

@Suite struct ShippedToolsTests {
    @Test func everyShippedFileParsesInFileNameOrder() throws {
        let files = try ShippedTools.sources().map(\.file)
        #expect(
            files == [
                "clutter-rating.yaml", "domestic-abuse-risk.yaml", "exploitation.yaml",
                "harmful-sexual-behaviour.yaml", "neglect-profile.yaml",
            ])
        let keys = try ShippedTools.all().map(\.key)
        #expect(
            keys == [
                "clutter-rating", "domestic-abuse-risk", "exploitation", "harmful-sexual-behaviour", "neglect-profile",
            ])
    }

    @Test(arguments: [
        "clutter-rating", "domestic-abuse-risk", "exploitation", "harmful-sexual-behaviour", "neglect-profile",
    ])
    func everyToolAllowsRaisingAndStartsAtVersionOne(key: String) throws {
        let tool = try TestTools.shipped(key)
        #expect(tool.version == 1)
        #expect(tool.override == .raiseOnly)
        #expect(tool.reassessAfterDays == 90)
        #expect(tool.levels.last?.reassessAfterDays == 28)
        #expect(tool.levels.last?.colour == .red)
    }

    @Test func dashHasTwentyFourYesNoNotKnownQuestionsAndAnOptionalIncidentCount() throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let questions = tool.sections.flatMap(\.questions)
        #expect(questions.filter { $0.answer == .yesNoNotKnown }.count == 24)
        #expect(questions.count == 25)
        let incidents = try #require(tool.question("incidents-last-12-months"))
        #expect(incidents.answer == .number(min: 0, max: nil))
        #expect(incidents.required == false)
        #expect(tool.subject == .adult)
        #expect(
            tool.rating
                == .count(
                    answer: "yes",
                    bands: [
                        ScoreBand(atLeast: 0, level: "standard"),
                        ScoreBand(atLeast: 10, level: "medium"),
                        ScoreBand(atLeast: 14, level: "high"),
                    ]))
        #expect(tool.levels.map(\.key) == ["standard", "medium", "high"])
    }

    @Test func exploitationGradesEachCategoryFromNoneToSignificantWithEvidence() throws {
        let tool = try TestTools.shipped("exploitation")
        #expect(tool.subject == .child)
        #expect(tool.levels.map(\.key) == ["none", "emerging", "moderate", "significant"])
        #expect(tool.level("moderate")?.reassessAfterDays == 56)
        let grades = tool.sections.flatMap(\.questions).filter(\.answer.isGradeOrChecklist)
        #expect(
            grades.map(\.text) == [
                "Running away and going missing", "Coercion and control",
                "Physical harm and violence", "Sexual health and relationships",
                "Substance misuse", "Associates and peer relationships", "Online activity",
                "Money, possessions and debt", "Education and engagement",
            ])
        for question in grades {
            #expect(question.evidence == .whenConcern)
            guard case .grade(let options) = question.answer else {
                Issue.record("\(question.key) is not graded")
                continue
            }
            #expect(options.map(\.level) == ["none", "emerging", "moderate", "significant"])
            #expect(options.allSatisfy { (3...6).contains($0.descriptors.count) }, "\(question.key)")
        }
        let legal = try #require(tool.question("legal-status"))
        #expect(legal.answer.optionKeys?.count == 6)
        #expect(tool.question("attendance")?.answer == .percentage)
    }

    @Test func neglectProfileHasFourAreasGradedOneToFive() throws {
        let tool = try TestTools.shipped("neglect-profile")
        let areas = tool.sections.flatMap(\.questions)
        #expect(
            areas.map(\.key) == ["physical-care", "safety-and-supervision", "love-and-care", "esteem-and-stimulation"])
        for area in areas {
            guard case .scale(let min, let max, let labels) = area.answer else {
                Issue.record("not a scale")
                continue
            }
            #expect((min, max) == (1, 5))
            #expect(labels.count == 5)
            #expect(area.hint?.contains("1:") == true && area.hint?.contains("5:") == true)
            #expect(area.evidence == .whenConcern)
        }
    }

    @Test func clutterRatesFiveRoomsOneToNineWithThreeRequired() throws {
        let tool = try TestTools.shipped("clutter-rating")
        let rooms = tool.sections.flatMap(\.questions)
        #expect(rooms.filter(\.required).map(\.key) == ["living-room", "kitchen", "bedroom"])
        #expect(rooms.count == 5)
        for room in rooms {
            guard case .scale(1, 9, let labels) = room.answer else {
                Issue.record("\(room.key) is not 1 to 9")
                continue
            }
            #expect(labels.keys.sorted() == [1, 3, 4, 6, 9])
        }
        #expect(tool.subject == .any)
    }

    @Test func trafficLightHasAChecklistForEachAgeBand() throws {
        let tool = try TestTools.shipped("harmful-sexual-behaviour")
        #expect(tool.question("age-band")?.answer.optionKeys == ["0-4", "5-9", "10-13", "13-17"])
        let banded = tool.sections.filter { $0.showIf != nil }
        #expect(banded.map { $0.showIf!.equals } == ["0-4", "5-9", "10-13", "13-17"])
        for section in banded {
            guard case .checklist(let items) = section.questions.first?.answer else {
                Issue.record("no checklist")
                continue
            }
            #expect((6...10).contains(items.count))
            #expect(Set(items.map(\.level)) == ["green", "amber", "red"])
        }
        #expect(tool.level("amber")?.colour == .orange)
        #expect(tool.level("red")?.response?.contains("refer to children's social care or the police") == true)
    }
}

@Test(arguments: [
    (ToolSubject.child, PersonCategory.child, true), (.child, .unborn, true), (.child, .adult, false),
    (.adult, .adult, true), (.adult, .child, false), (.any, .child, true), (.any, .adult, true),
])
func aToolIsOfferedOnlyForThePeopleItFits(subject: ToolSubject, category: PersonCategory, fits: Bool) {
    #expect(subject.fits(category) == fits)
}
