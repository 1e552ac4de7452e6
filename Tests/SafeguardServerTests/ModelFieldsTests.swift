import FluentKit
import Foundation
import XCTest

@testable import SafeguardServer

/// Every model's fields, found once by key path (``ModelFields``), are exactly those FluentKit's `Mirror` finds,
/// in the same order: a field missed there would silently never be saved or read.
final class ModelFieldsTests: XCTestCase {
    /// Every `final class X: Model` in the server's sources, so a model added later is checked without being listed.
    static func modelTypes() throws -> [any Model.Type] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SafeguardServer")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let pattern = try NSRegularExpression(pattern: #"final class (\w+): Model\b"#)
        var types: [any Model.Type] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                let type = try XCTUnwrap(
                    _typeByName("SafeguardServer.\(name)") as? any Model.Type, "\(name) is not a model")
                types.append(type)
            }
        }
        return types
    }

    func testEveryModelsFieldsAreThoseMirrorFindsInTheSameOrder() throws {
        let types = try Self.modelTypes()
        XCTAssertGreaterThan(types.count, 60, "the models were not found in the sources")
        ModelFields.forgetLayouts()
        for type in types {
            let model = type.init()
            XCTAssertFalse(ModelFields.isLaidOut(type))
            let fast = Self.throughFluent(model)
            let mirrored = ModelFields.mirrored(model)
            XCTAssertEqual(
                fast.map { ObjectIdentifier($0 as AnyObject) }, mirrored.map { ObjectIdentifier($0 as AnyObject) },
                "\(type)")
            XCTAssertTrue(ModelFields.isLaidOut(type), "FluentKit did not ask ModelFields for \(type)'s fields")
            XCTAssertTrue(ModelFields.readsDirectly(type), "\(type) fell back to Mirror")
        }
    }

    /// FluentKit's own generic code asks for `properties` through the protocol: this is the witness it gets.
    private static func throughFluent<F: Fields>(_ fields: F) -> [any AnyProperty] { fields.properties }
}
