import XCTest

// XCTest's assertions take autoclosures that cannot await; these take values, so a test can
// write `assertEqual(try await page.status, .ok)`.
func assertEqual<T: Equatable>(
    _ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(a, b, message, file: file, line: line)
}

func assertNotEqual<T: Equatable>(
    _ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertNotEqual(a, b, message, file: file, line: line)
}

func assertTrue(_ a: Bool, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(a, message, file: file, line: line)
}

func assertFalse(_ a: Bool, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(a, message, file: file, line: line)
}

func assertNil<T>(_ a: T?, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNil(a, message, file: file, line: line)
}

func assertGreaterThanOrEqual<T: Comparable>(
    _ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertGreaterThanOrEqual(a, b, message, file: file, line: line)
}

func assertNotNil<T>(_ a: T?, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotNil(a, message, file: file, line: line)
}
