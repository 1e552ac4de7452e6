import Fluent
import SafeguardCore
import Vapor

/// `/api/v1/people`: partner systems search, read and create people. A token sees only the
/// people its agency is involved with; there is no break-glass through the API.
struct APIPeopleController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.api(.openAPI), for: .everyone, use: openAPI)
        let people = routes.grouped(APITokenMiddleware())
        people.get(.api(.people), for: .partnerToken(APIPrincipal.read), use: list)
        people.post(.api(.people), for: .partnerToken(APIPrincipal.write), use: create)
        people.get(.api(.person(.param("personID"))), for: .partnerToken(APIPrincipal.read), use: show)
    }

    func openAPI(req: Request) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else {
            throw Abort(.internalServerError)
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    func list(req: Request) async throws -> PersonListDTO {
        let p = try req.requirePrincipal(APIPrincipal.read)
        let s = PersonSearch(
            text: (try? req.query.get(String.self, at: "q")) ?? "",
            dateOfBirth: (try? req.query.get(String.self, at: "dob")) ?? "",
            postcode: (try? req.query.get(String.self, at: "postcode")) ?? "")
        let errors = s.validate()
        if !errors.isEmpty { throw Self.problem(errors) }
        let people = try await s.run(on: req.db, limit: 50, onlyInvolvedWith: p.agencyID)
        try await req.audit.record(p.event(.search, "person-search", s.auditDescription, on: req), on: req.db)
        return PersonListDTO(people: try await Self.dtos(people, today: req.today, on: req.db))
    }

    func show(req: Request) async throws -> PersonDTO {
        let p = try req.requirePrincipal(APIPrincipal.read)
        guard let id = req.personID(), let person = try await Person.find(id, on: req.db), person.$mergedInto.id == nil
        else {
            throw Problem(status: .notFound, title: "Not found", detail: "No person has that id.")
        }
        let involved =
            try await AgencyInvolvement.query(on: req.db).filter(\.$person.$id == id).filter(
                \.$agency.$id == p.agencyID
            )
            .filter(\.$endedOn == nil).count() > 0
        // Same answer as an unknown id, so a token cannot probe which ids exist.
        guard involved else { throw Problem(status: .notFound, title: "Not found", detail: "No person has that id.") }
        try await req.audit.record(p.event(.export, "person", id.uuidString, on: req), on: req.db)
        return try await Self.dtos([person], today: req.today, on: req.db)[0]
    }

    func create(req: Request) async throws -> Response {
        let p = try req.requirePrincipal(APIPrincipal.write)
        let dto: NewPersonDTO
        do { dto = try req.content.decode(NewPersonDTO.self) } catch {
            throw Problem(
                status: .badRequest, title: "Bad request",
                detail: "The body must be a JSON object as described in /api/v1/openapi.json.")
        }
        let form = Self.form(from: dto)
        let valid: PersonForm.Valid
        switch form.validate(today: req.today) {
        case .success(let v): valid = v
        case .failure(let box): throw Self.problem(box.errors)
        }
        // A partner system has no one to ask: a home the matcher is sure of is reused, anything less is
        // filed new and left for the MASH's duplicate-homes list.
        var home: UUID?
        if let typed = valid.typedHome, case .same(let found, _) = try await KnownHomes.lookup(typed, on: req.db) {
            home = UUID(uuidString: found.id)
        }
        let id = try await PersonWriter.create(
            valid, reusingHome: home, agencyID: p.agencyID, userID: nil,
            auditUser: "api-token:\(p.tokenID.uuidString)", on: req)
        let person = try await Person.find(id, on: req.db)!
        let body = try await Self.dtos([person], today: req.today, on: req.db)[0]
        let response = try await body.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteURL.api(.person(id)).path)
        return response
    }
}
