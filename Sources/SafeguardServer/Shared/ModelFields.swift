import FluentKit
import NIOConcurrencyHelpers
@_spi(Reflection) import Swift

/// FluentKit finds a model's fields with `Mirror` on every row it reads and every value it writes, and `Mirror`
/// decodes each field's type from its mangled name each time: under load that was the largest single cost of a
/// person page (14% of the server's processor time). A model's stored properties never change, so the key paths to
/// its Fluent properties are found once per type here (where in the object each is stored) and read directly afterwards. Same properties, same order
/// (`ModelFieldsTests` compares every model with `Mirror`).
extension Model {
    package var properties: [any AnyProperty] { ModelFields.properties(of: self) }
}

package enum ModelFields {
    /// Per model type, where in the object its Fluent properties are stored, in declaration order; nil when the
    /// runtime could not list the type's fields or one is not a class, which falls back to `Mirror`.
    private static let offsets = NIOLockedValueBox<[ObjectIdentifier: [Int]?]>([:])
    /// `_EachFieldOptions.classType`, spelled by value: the static is not marked safe for concurrency.
    private static let classType = _EachFieldOptions(rawValue: 1 << 0)

    package static func properties<M: Model>(of model: M) -> [any AnyProperty] {
        guard let offsets = offsets(for: M.self) else { return mirrored(model) }
        let object = Unmanaged.passUnretained(model).toOpaque()
        return offsets.map { offset in
            // FluentKit's property wrappers are all classes: the field holds one strong reference.
            object.load(fromByteOffset: offset, as: AnyObject.self) as! any AnyProperty
        }
    }

    /// Whether `type`'s fields are read directly (false: the runtime could not list them, and `Mirror` is used).
    static func readsDirectly<M: Model>(_ type: M.Type) -> Bool { offsets(for: type) != nil }

    /// Whether `type` has been laid out already, without laying it out: for the test that FluentKit reaches this code.
    static func isLaidOut<M: Model>(_ type: M.Type) -> Bool {
        offsets.withLockedValue { $0[ObjectIdentifier(type)] != nil }
    }
    static func forgetLayouts() { offsets.withLockedValue { $0 = [:] } }

    /// What FluentKit's own implementation returns.
    static func mirrored(_ model: some Fields) -> [any AnyProperty] {
        Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
    }

    private static func offsets<M: Model>(for type: M.Type) -> [Int]? {
        let key = ObjectIdentifier(type)
        if let known = offsets.withLockedValue({ $0[key] }) { return known }
        var found: [Int] = []
        var usable = true
        let listed = _forEachField(of: type, options: classType) { _, offset, fieldType, kind in
            // Only the property wrappers' storage (`_name`), not plain stored values a model may keep besides.
            guard fieldType is any AnyProperty.Type else { return true }
            guard kind == .class else {
                usable = false
                return false
            }
            found.append(offset)
            return true
        }
        let result = listed && usable ? found : nil
        offsets.withLockedValue { $0[key] = result }
        return result
    }
}
