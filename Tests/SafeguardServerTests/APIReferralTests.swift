import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// `/api/v1/referrals`: a school's case system sends a referral and reads back only its outcome.
final class APIReferralTests: ServerTestCase {
    func token(_ permissions: [String]) async throws -> String {
        try await APITests.issue(in: self, agency: fx.school, permissions: permissions)
    }

    func send(_ json: String, token: String) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        return try await app.sendRequest(
            .POST, SiteURL.api(.referrals).path, headers: h, body: ByteBuffer(string: json))
    }

    func get(_ path: String, token: String) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        return try await app.sendRequest(.GET, path, headers: h)
    }

    var referralJSON: String {
        """
        {"referrer": {"email": "\(fx[.schoolDesignatedSafeguardingLead].email)", "phone": "01632 960 001"},
         "subjects": [{"firstName": "Kayla", "lastName": "Smyth", "dateOfBirth": "2018-06-14", "gender": "female"}],
         "address": {"line1": "14 Mill Lane", "town": "Calder Vale", "postcode": "nm42ab"},
         "concerns": ["neglect", "domestic-abuse"],
         "whatHappened": "Kayla arrived hungry for the third day running and said mum's partner shouts at night.",
         "familyAwareness": "not-told-would-increase-risk", "lawfulBasis": "public-task", "urgency": "today"}
        """
    }

    func testASchoolSystemSendsAReferralThatReachesTheMASHQueue() async throws {
        let token = try await token(["referrals:write", "referrals:read"])
        let res = try await send(referralJSON, token: token)
        XCTAssertEqual(res.status, .created, res.text)
        let body = try JSONDecoder.iso8601.decode(ReferralStatusDTO.self, from: Data(res.text.utf8))
        XCTAssertTrue(body.reference.hasPrefix("MASH-"))
        XCTAssertEqual(body.status, "with-mash")
        XCTAssertNotNil(body.decisionDueAt, "a child's referral gets the one-working-day clock")
        XCTAssertEqual(res.headers.first(name: .location), SiteURL.api(.referral(body.id)).path)

        let saved = try await Referral.find(body.id, on: app.db)!
        XCTAssertEqual(saved.status, .submitted)
        XCTAssertEqual(saved.addressPostcode, "NM4 2AB")
        XCTAssertEqual(saved.$district.id, fx.district)
        XCTAssertEqual(saved.$referrer.id, fx[.schoolDesignatedSafeguardingLead].id)
        assertEqual(try await saved.$subjects.query(on: app.db).all().map(\.fullName), ["Kayla Smyth"])
        assertTrue(
            try await auditEntries().contains {
                $0.action == "create" && $0.recordType == "referral" && $0.recordID == body.id.uuidString
                    && $0.userID.hasPrefix("api-token:")
            })

        let mash = try await signedIn(fx[.mashPractitioner])
        assertTrue(try await mash.get(.mash).text.contains(body.reference), "the MASH sees it like any other")
        let dsl = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertTrue(
            try await dsl.get(.referrals).text.contains(body.reference), "the named referrer sees it on their page")
    }

    func testTheOutcomeIsAllTheReferringAgencyReadsBack() async throws {
        let token = try await token(["referrals:write", "referrals:read"])
        let sent = try JSONDecoder.iso8601.decode(
            ReferralStatusDTO.self, from: Data(try await send(referralJSON, token: token).text.utf8))
        try await linkSubjects(sent.id)
        let rationale = "Repeated neglect indicators from school and two police incidents: assessment needed."
        let practitioner = try await signedIn(fx[.mashPractitioner])
        let decided = try await practitioner.post(
            .referralDecision(sent.id),
            [("level", "4"), ("outcome", "child-in-need-assessment"), ("rationale", rationale)])
        XCTAssertEqual(decided.location, SiteURL.referral(sent.id).path)
        assertEqual(
            try await get(SiteURL.api(.referral(sent.id)).path, token: token).text.contains("\"with-mash\""), true,
            "not before sign-off")
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralSignOff(sent.id), [("sign-off", "approve")])

        let one = try await get(SiteURL.api(.referral(sent.id)).path, token: token)
        XCTAssertEqual(one.status, .ok)
        let status = try JSONDecoder.iso8601.decode(ReferralStatusDTO.self, from: Data(one.text.utf8))
        XCTAssertEqual(status.status, "decided")
        XCTAssertEqual(status.outcome, "child-in-need-assessment")
        XCTAssertFalse(one.text.contains("Repeated neglect"), "never the rationale")
        let list = try JSONDecoder.iso8601.decode(
            ReferralListDTO.self, from: Data(try await get(SiteURL.api(.referrals).path, token: token).text.utf8))
        XCTAssertEqual(list.referrals.map(\.reference), [sent.reference])

        let hospital = try await APITests.issue(in: self, agency: fx.hospital, permissions: ["referrals:read"])
        assertEqual(
            try await get(SiteURL.api(.referral(sent.id)).path, token: hospital).status, .notFound,
            "another agency's referral is not there")
        assertEqual(try await get(SiteURL.api(.referrals).path, token: hospital).text, #"{"referrals":[]}"#)
        let writeOnly = try await self.token(["referrals:write"])
        assertEqual(try await get(SiteURL.api(.referrals).path, token: writeOnly).status, .forbidden)
    }

    func testBadReferralsAreRefusedWholeWithEveryFieldNamed() async throws {
        let token = try await token(["referrals:write"])
        let res = try await send(
            """
            {"referrer": {"email": "nobody@test.example", "phone": "12"},
             "subjects": [{"firstName": "Kayla", "lastName": "", "dateOfBirth": "14/06/2018", "gender": "girl", "nhsNumber": "1234567890"}],
             "address": {"line1": "", "town": "Calder Vale", "postcode": "not a postcode"},
             "concerns": ["neglect", "bad-vibes"], "whatHappened": "short",
             "familyAwareness": "told-and-disagrees", "lawfulBasis": "consent", "urgency": "soon"}
            """, token: token)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(res.headers.first(name: .contentType), "application/problem+json")
        let problem = try JSONDecoder().decode(Problem.self, from: Data(res.text.utf8))
        let fields = Set(problem.errors?.map(\.field) ?? [])
        XCTAssertEqual(
            fields,
            [
                "referrer.email", "referrer.phone", "subjects[0].lastName", "subjects[0].dateOfBirth",
                "subjects[0].gender",
                "subjects[0].nhsNumber", "address.line1", "address.postcode", "concerns", "whatHappened", "lawfulBasis",
                "urgency",
            ])
        XCTAssertTrue(problem.errors!.contains { $0.message.contains("'bad-vibes' is not a concern category") })
        assertEqual(try await Referral.query(on: app.db).count(), 0, "nothing half-written")
        assertEqual(try await ReferralSubject.query(on: app.db).count(), 0)

        let noSubjects = try await send(#"{"subjects": []}"#, token: token)
        XCTAssertTrue(noSubjects.text.contains("Add at least one person the referral is about"))
        assertEqual(try await send("not json", token: token).status, .badRequest)
        // A user of another agency cannot be named as the referrer.
        let other = referralJSON.replacingOccurrences(
            of: fx[.schoolDesignatedSafeguardingLead].email, with: fx[.healthPractitioner].email)
        let wrongAgency = try await send(other, token: token)
        XCTAssertEqual(wrongAgency.status, .unprocessableEntity)
        XCTAssertTrue(wrongAgency.text.contains("referrer.email"))
        let readOnly = try await self.token(["people:read"])
        assertEqual(try await send(referralJSON, token: readOnly).status, .forbidden)
    }

    /// The documented enums are the domain's own lists, so a new category cannot go undocumented.
    func testTheDocumentedValuesAreTheDomainsValues() async throws {
        let res = try await app.sendRequest(.GET, SiteURL.api(.openAPI).path)
        let doc = try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as! [String: Any]
        let schemas = (doc["components"] as! [String: Any])["schemas"] as! [String: Any]
        func properties(_ name: String) -> [String: Any] {
            (schemas[name] as! [String: Any])["properties"] as! [String: Any]
        }
        func values(_ property: Any?) -> [String] { (property as! [String: Any])["enum"] as! [String] }
        let new = properties("NewReferral")
        XCTAssertEqual(values((new["concerns"] as! [String: Any])["items"]), ConcernCategory.allCases.map(\.rawValue))
        XCTAssertEqual(values(new["familyAwareness"]), FamilyAwareness.allCases.map(\.rawValue))
        XCTAssertEqual(values(new["lawfulBasis"]), LawfulBasis.allCases.map(\.rawValue))
        XCTAssertEqual(values(new["urgency"]), ReferralUrgency.allCases.map(\.rawValue))
        XCTAssertEqual(values(properties("ReferralStatus")["outcome"]), ReferralOutcome.allCases.map(\.rawValue))
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
