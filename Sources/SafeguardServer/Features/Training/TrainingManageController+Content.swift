import Fluent
import SafeguardCore
import Vapor

/// A course's evaluation questions and downloadable materials.
extension TrainingManageController {
    func questions(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        let course = try await Self.course(req)
        return QuestionsFormView(
            courseID: try course.requireID(), courseTitle: course.title,
            rows: course.questions.map(QuestionsFormView.Row.init), errors: FormErrors()
        ).render(on: req)
    }

    func saveQuestions(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let course = try await Self.course(req)
        let fields = try FormBody.fields(req)
        let count = min(Int(fields["rows"] ?? "") ?? 0, 40)
        var rows: [QuestionsFormView.Row] = []
        var errors = FormErrors()
        for i in 0..<count {
            let row = QuestionsFormView.Row(
                key: fields["q\(i)-key"] ?? "", text: fields["q\(i)-text"] ?? "",
                kind: fields["q\(i)-kind"] ?? "", required: fields["q\(i)-required"] == "yes")
            rows.append(row)
            // A row whose text was cleared is a question removed.
            if row.text.isEmpty { continue }
            if EvaluationQuestionKind(rawValue: row.kind) == nil {
                errors.add("q\(i)-kind", "Choose what kind of answer question \(i + 1) takes")
            }
            if row.text.count > 300 { errors.add("q\(i)-text", "Question \(i + 1) must be 300 characters or fewer") }
        }
        let kept = rows.filter { !$0.text.isEmpty }
        if kept.isEmpty { errors.add("q0-text", "Keep at least one question: an evaluation needs something to ask") }
        guard errors.isEmpty else {
            return QuestionsFormView(
                courseID: try course.requireID(), courseTitle: course.title, rows: rows, errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        var used = Set<String>()
        let questions = kept.map { row in
            EvaluationQuestion(
                key: EvaluationQuestion.key(for: row.text, existing: row.key, used: &used), text: row.text,
                kind: EvaluationQuestionKind(rawValue: row.kind)!, isRequired: row.required)
        }
        try course.setQuestions(questions)
        let id = try course.requireID()
        try await req.audit.write(on: req.db) { db in
            try await course.update(on: db)
            return (
                (), [viewer.event(.change, "training-course", id.uuidString, reason: "evaluation questions", on: req)]
            )
        }
        return TrainingFlash.redirect(req, to: .trainingCourse(id), .questionsSaved)
    }

    struct MaterialUpload: Content {
        var title: String?
        var file: File?
        enum CodingKeys: String, CodingKey {
            case title = "material-title"
            case file
        }
    }

    func addMaterial(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let course = try await Self.course(req)
        let upload = try? req.content.decode(MaterialUpload.self)
        // Multipart bodies skip the clean form decoder (the file's bytes must stay as sent): clean the text here.
        let title = TypedText.cleaned(upload?.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FormErrors()
        if title.isEmpty { errors.add("material-title", "Enter a title for the material, for example \"Slides\"") }
        let file = upload?.file
        if file == nil || file!.data.readableBytes == 0 { errors.add("material-file", "Choose a file to upload") }
        if let file, file.data.readableBytes > 15 * 1024 * 1024 {
            errors.add("material-file", "The file must be smaller than 15 MB")
        }
        guard errors.isEmpty, let file else {
            return try await Self.coursePage(course, on: req, errors: errors, fields: nil).render(
                on: req, status: .unprocessableEntity)
        }
        let material = TrainingMaterialRecord()
        material.$course.id = try course.requireID()
        material.title = title
        material.filename = TrainingAttendanceController.safeFilename(file.filename)
        material.contentType = file.contentType?.serialize() ?? "application/octet-stream"
        material.size = file.data.readableBytes
        material.content = Data(file.data.readableBytesView)
        material.uploadedAt = req.now
        material.$uploadedBy.id = viewer.userID
        let courseID = material.$course.id
        try await req.audit.write(on: req.db) { db in
            try await material.create(on: db)
            return ((), [viewer.event(.create, "training-material", try material.requireID().uuidString, on: req)])
        }
        return TrainingFlash.redirect(req, to: .trainingCourse(courseID), .materialAdded)
    }

    func removeMaterial(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        guard let id = req.parameters.get("materialID", as: UUID.self),
            let material = try await TrainingMaterialRecord.find(id, on: req.db)
        else {
            throw Abort(.notFound)
        }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            material.removedAt = material.removedAt ?? now
            try await material.update(on: db)
            return ((), [viewer.event(.change, "training-material", id.uuidString, reason: "removed", on: req)])
        }
        return TrainingFlash.redirect(req, to: .trainingCourse(material.$course.id), .materialRemoved)
    }
}
