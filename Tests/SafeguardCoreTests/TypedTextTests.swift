import Foundation
import Testing

@testable import SafeguardCore

/// Control characters and bidirectional overrides never reach storage, from any input.
struct TypedTextTests {
    @Test(arguments: [
        ("Kayla\u{0}", "Kayla"), ("\u{202E}Smith", "Smith"), ("a\u{1}b\u{1F}c\u{7F}", "abc"),
        ("line one\nline two\ttabbed\r\n", "line one\nline two\ttabbed\r\n"),
        ("Zo\u{00EB} \u{2066}x\u{2069}", "Zo\u{00EB} x"),
    ])
    func forbiddenCharactersAreRemovedAndOthersKept(input: String, expected: String) {
        #expect(TypedText.cleaned(input) == expected)
    }

    @Test func aNameNeedsSomethingVisible() {
        #expect(!TypedText.hasVisibleCharacter("\u{0}"))
        #expect(!TypedText.hasVisibleCharacter("\u{202E}"))
        #expect(!TypedText.hasVisibleCharacter("  \u{200B}\t"))
        #expect(TypedText.hasVisibleCharacter("Ó"))
        #expect(TypedText.hasVisibleCharacter("李"))
    }

    @Test(arguments: [
        ("q=%00", "q="), ("name=Kayla%00&x=1", "name=Kayla&x=1"), ("a=%E2%80%AEevil", "a=evil"),
        ("a=%e2%81%a6x", "a=x"),
        ("note=one%0D%0Atwo%09three", "note=one%0D%0Atwo%09three"), ("a=%2500", "a=%2500"), ("a=%1f%7F", "a="),
        ("a=\u{0}b", "a=b"), ("a=%E2%80%99quote", "a=%E2%80%99quote"), ("a=%", "a=%"), ("a=%E2%80", "a=%E2%80"),
    ])
    func formEncodedBodiesAreCleanedWithoutParsing(input: String, expected: String) {
        #expect(String(decoding: FormEncodedText.cleaned(Array(input.utf8)), as: UTF8.self) == expected)
        #expect(FormEncodedText.needsCleaning(Array(input.utf8)) == (input != expected))
    }

    @Test func fieldsAreCountedAndOneIsFoundInOnePass() {
        #expect(FormEncodedText.fieldCount(Array("a=1&b=2&&c".utf8)) == 3)
        #expect(FormEncodedText.fieldCount(Array("".utf8)) == 0)
        let body = Array("name=Jo+Bloggs&_csrf=ab%2Bcd%3D&_csrf=second".utf8)
        #expect(FormEncodedText.value(of: "_csrf", in: body) == "ab+cd=")
        #expect(FormEncodedText.value(of: "name", in: body) == "Jo Bloggs")
        #expect(FormEncodedText.value(of: "missing", in: body) == nil)
        #expect(FormEncodedText.value(of: "_csrf", in: Array("x_csrf=no".utf8)) == nil)
    }

    @Test func countingAHugeFormIsLinear() {
        let bomb = Array(Array(repeating: "a[]=x", count: 40_000).joined(separator: "&").utf8)
        let start = Date()
        #expect(FormEncodedText.fieldCount(bomb) == 40_000)
        #expect(FormEncodedText.value(of: "_csrf", in: bomb) == nil)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test(arguments: [
        (#"{"q":"a\u0000b"}"#, #"{"q":"ab"}"#), (#"{"q":"\u202Eevil"}"#, #"{"q":"evil"}"#),
        (#"{"q":"keep\n\t\u000A"}"#, #"{"q":"keep\n\t\u000A"}"#),
        (#"{"q":"\\u0000 is text"}"#, #"{"q":"\\u0000 is text"}"#),
        ("{\"q\":\"x\u{202E}y\"}", #"{"q":"xy"}"#), (#"{"\u0001key":1}"#, #"{"key":1}"#),
        (#"{"q":"\"\u0000"}"#, #"{"q":"\""}"#),
    ])
    func jsonIsCleanedInsideStringsOnly(input: String, expected: String) {
        #expect(String(decoding: JSONText.cleaned(Array(input.utf8)), as: UTF8.self) == expected)
    }
}

/// ISO 8601 moments from partner systems and imports, read strictly.
struct ISOTimestampTests {
    @Test(arguments: [
        ("2026-03-02T21:40:00Z", 1_772_487_600.0), ("2026-03-02T21:40Z", 1_772_487_600.0),
        ("2026-03-02T22:40:00+01:00", 1_772_487_600.0),
        ("2026-03-02T21:40:00.250Z", 1_772_487_600.25), ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1970-01-01T00:00:00Z", 0),
        ("2026-07-01T09:00:00-05:30", 1_782_916_200.0),
    ])
    func realMomentsAreRead(text: String, seconds: Double) {
        #expect(ISOTimestamp.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-02-31T10:00:00Z", "2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-03-02T24:00:00Z",
        "2026-03-02T23:60:00Z",
        "2026-03-02T23:59:60Z", "2026-03-02T10:00:00+25:00", "2026-03-02T10:00:00+14:30", "2026-03-02T10:00:00+01:60",
        "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z", "2026-03-02", "2026-03-02T10:00:00", "2026-03-02 10:00:00Z",
        "26-03-02T10:00:00Z", "2026-03-02T10:00:00Zjunk", "", "2026-3-2T10:00:00Z", "2026-03-02T10:00:00.Z",
    ])
    func impossibleOrLooseTextIsRefused(text: String) {
        #expect(ISOTimestamp.parse(text) == nil)
    }
}
