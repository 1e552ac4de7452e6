import Foundation
import XCTest

@testable import SafeguardBenchmarks
@testable import SafeguardCore
@testable import SafeguardServer

/// The parts of `safeguard bench people` that need no Python: reading the generated files, matching,
/// writing predictions and reading score lines.
final class PeopleBenchmarkTests: XCTestCase {
    let people = """
        id,first_name,middle_names,surname,other_names,dob,sex,nhs_number,postcode,address
        p000001,Aaliyah,Grace Anne,O'Brien,,2015-03-03,F,9434765919,NM4 2AB,"22 Station Road, Calder Vale"
        p000002,Tom,,Okafor,Tommy,1980-11-30,M,,NM1 1AA,"1 ""The Old Mill"", Brook Lane, Calder Vale"
        p000003,Ruth,,Okafor,Smith,1982-02-01,F,,NM1 1AA,"1 ""The Old Mill"", Brook Lane, Calder Vale"

        """.replacingOccurrences(of: "\n", with: "\r\n")

    let queries = """
        id,first_name,middle_names,surname,other_names,dob,sex,nhs_number,postcode,address,truth_id
        q000001,AALIYAH,,O'BRIEN,,2015-03-03,,9434765919,NM4 2AB,"22 Station Rd, Calder Vale",p000001
        q000002,Ruth,,Okafor,,9182-02-01,F,,NM1 1AA,"1 ""The Old Mill"", Brook Lane, Calder Vale",p000003
        q000003,Zebedee,,Quist,,1950-06-06,M,,ZZ9 9ZZ,,
        """

    func testReadsQuotedAndEmptyFields() throws {
        let rows = try PeopleBenchmark.rows(of: CSVTable(text: people))
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0].record.lastName, "O'Brien")
        XCTAssertEqual(rows[0].record.middleNames, "Grace Anne")
        XCTAssertEqual(rows[0].record.address, "22 Station Road, Calder Vale")
        XCTAssertEqual(rows[0].record.dateOfBirth, SimpleDate(year: 2015, month: 3, day: 3))
        XCTAssertEqual(rows[0].record.sex, .female)
        XCTAssertEqual(rows[0].record.otherNames, [])
        XCTAssertNil(rows[0].truthID)
        XCTAssertEqual(rows[1].record.address, #"1 "The Old Mill", Brook Lane, Calder Vale"#)
        XCTAssertNil(rows[1].record.nhsNumber, "an empty field is a missing value")
        XCTAssertEqual(rows[1].record.otherNames, ["Tommy"])
        XCTAssertEqual(rows[1].record.sex, .male)
    }

    func testQueriesKeepTheTruthAndAnImpossibleDateAsTyped() throws {
        let rows = try PeopleBenchmark.rows(of: CSVTable(text: queries))
        XCTAssertEqual(rows.map(\.truthID), ["p000001", "p000003", nil])
        XCTAssertNil(rows[0].record.sex)
        XCTAssertNil(rows[1].record.dateOfBirth)
        XCTAssertEqual(rows[1].record.dateOfBirthAsEntered, "9182-02-01")
        XCTAssertNil(rows[2].record.address)
    }

    func testRowsMustFitTheHeaderAndNameTheirColumns() throws {
        let quoted = try CSVTable(text: "a,b\n\"x\ny\",\"\"\"\"\n,\n")
        XCTAssertEqual(quoted.rows, [["x\ny", "\""], ["", ""]], "quoted line breaks and quotes, then empty fields")
        XCTAssertThrowsError(try CSVTable(text: "a,b\n1,2,3\n"), "a row longer than the header")
        XCTAssertThrowsError(try CSVTable(text: ""), "no header")
        XCTAssertThrowsError(try CSVTable(contentsOf: URL(fileURLWithPath: "/nonexistent/people.csv")))
        XCTAssertThrowsError(try PeopleBenchmark.rows(of: CSVTable(text: "id,first_name\nx,y\n")), "columns missing")
    }

    func testMatchesOnlyWhenTheModelIsSureAndWritesPredictions() throws {
        let index = PersonIndex(try PeopleBenchmark.rows(of: CSVTable(text: people)).map(\.record))
        let qs = try PeopleBenchmark.rows(of: CSVTable(text: queries))
        let best = PeopleBenchmark.bestMatches(qs.map(\.record), in: index, model: .default, threads: 2)
        XCTAssertEqual(best.count, 3)
        XCTAssertEqual(best[0]?.id, "p000001")
        XCTAssertNil(best[2], "nobody like Zebedee Quist is in the index")
        for candidate in best.compactMap({ $0 }) {
            XCTAssertGreaterThanOrEqual(candidate.probability, MatchModel.default.matchThreshold)
        }

        let csv = try PeopleBenchmark.predictionsCSV(zip(qs, best).map { ($0.record.id, $1?.id, $1?.probability) })
        let written = try CSVTable(text: csv)
        XCTAssertEqual(written.header, ["id", "predicted_id", "score"])
        XCTAssertEqual(written.rows.map { $0[0] }, ["q000001", "q000002", "q000003"])
        XCTAssertEqual(written.rows[0][1], "p000001")
        XCTAssertEqual(written.rows[2][1], "", "no prediction is an empty predicted_id")
        XCTAssertEqual(written.rows[2][2], "")
        let awkward = try CSVTable.document(header: ["a", "b", "c"], rows: [["a,b", #"say "hi""#, "plain"]])
        XCTAssertEqual(awkward, "a,b,c\n\"a,b\",\"say \"\"hi\"\"\",plain\n")
    }

    func testTheReferralSubjectHasOnlyWhatTheFormAsks() throws {
        let row = try PeopleBenchmark.rows(of: CSVTable(text: people))[1].record
        let subject = PeopleBenchmark.referralSubject(row)
        XCTAssertEqual(subject.id, "referral-subject")
        XCTAssertEqual(subject.middleNames, "")
        XCTAssertEqual(subject.otherNames, [])
        XCTAssertEqual([subject.firstName, subject.lastName, subject.postcode], ["Tom", "Okafor", "NM1 1AA"])
        let index = PersonIndex(try PeopleBenchmark.rows(of: CSVTable(text: people)).map(\.record))
        XCTAssertEqual(SubjectMatching.rank(subject, in: index).first?.id, "p000002")
    }

    func testReadsScoreAndPeerLines() {
        let score = PeopleBenchmark.metrics(in: "precision=0.9981 recall=0.9787 f1=0.9883\n")
        XCTAssertEqual(score, ["precision": 0.9981, "recall": 0.9787, "f1": 0.9883])
        let peer = PeopleBenchmark.metrics(
            in: """
                some warning from splink
                people-peer: precision=0.9981 recall=0.9787 f1=0.9883 per_second=1234 seconds=6.48 threshold=0.9
                """)
        XCTAssertEqual(peer["f1"], 0.9883)
        XCTAssertEqual(peer["per_second"], 1234)
        XCTAssertEqual(peer["threshold"], 0.9)
        XCTAssertEqual(PeopleBenchmark.metrics(in: "nothing useful"), [:])
    }

    func testFormatsTheResultLineAndThePercentile() {
        XCTAssertEqual(PeopleBenchmark.percentile(Array(1...100).map(Double.init), 95), 95)
        XCTAssertEqual(PeopleBenchmark.percentile([3, 1, 2], 50), 2)
        XCTAssertEqual(
            PeopleBenchmark.resultLine(
                precision: 0.99812, recall: 0.97, f1: 0.98, perSecond: 1500.4, p95Milliseconds: 3.456,
                peerF1: 0.9883, peerPerSecond: 1200),
            "people-matching: precision=0.9981 recall=0.9700 f1=0.9800 per_second=1500 p95_ms=3.46 peer_f1=0.9883 peer_per_second=1200"
        )
        XCTAssertTrue(
            PeopleBenchmark.resultLine(
                precision: 1, recall: 1, f1: 1, perSecond: 1, p95Milliseconds: nil, peerF1: 1, peerPerSecond: 1
            )
            .contains("p95_ms=n/a"))
    }
}
