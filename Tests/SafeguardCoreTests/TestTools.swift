@testable import SafeguardCore

/// Shared fixtures: the shipped tools by key, and quick ways to build answers.
enum TestTools {
    static func shipped(_ key: String) throws -> AssessmentTool {
        let tools = try ShippedTools.all()
        guard let tool = tools.first(where: { $0.key == key }) else { throw Missing(key: key) }
        return tool
    }

    struct Missing: Error { let key: String }

    /// Every yes/no question in the tool, in order.
    static func yesNoKeys(_ tool: AssessmentTool) -> [String] {
        tool.sections.flatMap(\.questions).filter(\.answer.isYesNo).map(\.key)
    }

    /// DASH answers with the first `yes` questions answered yes and the rest no.
    static func dash(_ tool: AssessmentTool, yes: Int, incidents: String? = nil) -> AssessmentAnswers {
        var values: [String: [String]] = [:]
        for (index, key) in yesNoKeys(tool).enumerated() { values[key] = [index < yes ? "yes" : "no"] }
        if let incidents { values["incidents-last-12-months"] = [incidents] }
        return AssessmentAnswers(values: values)
    }

    static func answers(_ pairs: [String: String], evidence: [String: String] = [:]) -> AssessmentAnswers {
        AssessmentAnswers(values: pairs.mapValues { [$0] }, evidence: evidence)
    }
}
