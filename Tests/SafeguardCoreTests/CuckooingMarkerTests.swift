import Testing

@testable import SafeguardCore

struct CuckooingMarkerTests {
    static func request(
        address: Bool = true, marked: Bool = false, kinds: [String] = ["financial", "drugs"],
        confidence: String? = "suspected",
        summary: String = "Two men seen coming and going at night", lead: Bool = true
    ) -> CuckooingMarker.Request {
        .init(
            addressChosen: address, addressAlreadyMarked: marked, kinds: kinds, confidence: confidence,
            summary: summary, leadChosen: lead,
            firstName: "Ray")
    }

    @Test func aCompleteFormPlacesAMarkerWithItsKindsInTheFormsOrder() throws {
        let marker = try CuckooingMarker.place(Self.request()).get()
        #expect(marker.kinds == [.drugs, .financial])
        #expect(marker.confidence == .suspected && marker.isOpen)
    }

    @Test func everyProblemIsSaidAtOnce() {
        guard
            case .failure(let problems) = CuckooingMarker.place(
                Self.request(
                    address: false, kinds: ["parties"], confidence: "likely", summary: "men",
                    lead: false))
        else {
            Issue.record("an empty form placed a marker")
            return
        }
        #expect(problems.all.map(\.field) == ["address", "kinds", "confidence", "summary", "lead"])
        #expect(problems.all[0].message.contains("add it to Ray's addresses"))
    }

    @Test func aHomeHasOneOpenMarker() {
        guard case .failure(let problems) = CuckooingMarker.place(Self.request(marked: true)) else {
            Issue.record("a second open marker was placed")
            return
        }
        #expect(problems.all == [FieldProblem(field: "address", message: CuckooingMarker.alreadyMarked)])
    }

    @Test func endingNeedsAReasonAndHappensOnce() throws {
        var marker = try CuckooingMarker.place(Self.request()).get()
        #expect(throws: FieldProblem.self) { try marker.end(reason: " gone ") }
        #expect(marker.isOpen)
        try marker.end(reason: "Tenant moved; property secured by the landlord")
        #expect(!marker.isOpen && marker.endReason == "Tenant moved; property secured by the landlord")
        #expect(throws: FieldProblem(field: "end-reason", message: "This marker has already ended")) {
            try marker.end(reason: "again, later on")
        }
    }
}
