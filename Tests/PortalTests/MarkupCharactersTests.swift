import XCTest
@testable import PortalCheck
@testable import PortalSite

/// Characters XML and HTML forbid never reach an output, and `huiqi check`
/// warns about exactly the characters the escaping drops.
final class MarkupCharactersTests: XCTestCase {
    func testEscapingDropsWhatTheCheckReports() {
        var scalars = (0..<0x10000).compactMap(Unicode.Scalar.init)
        for plane in 1...16 { scalars += [0, 0xFFFD, 0xFFFE, 0xFFFF].compactMap { Unicode.Scalar(UInt32(plane) << 16 | $0) } }
        for scalar in scalars {
            let text = String(Character(scalar))
            XCTAssertEqual(HTML.escape("a" + text + "b") == "ab", ControlCharacterRules.isForbidden(scalar),
                           "U+\(String(scalar.value, radix: 16))")
        }
        // (Swift refuses some of these as literals, so they are written as numbers.)
        for forbidden: UInt32 in [0x0, 0x8, 0xB, 0xC, 0x1F, 0x7F, 0x85, 0xFFFE, 0xFFFF, 0xFDD0, 0x10FFFF] {
            XCTAssertTrue(ControlCharacterRules.isForbidden(Unicode.Scalar(forbidden)!), String(forbidden, radix: 16))
        }
        for allowed in ["\t", "\n", "\r", " ", "中", "，", "\u{FFFD}", "😀", "\u{A0}"] {
            XCTAssertFalse(ControlCharacterRules.isForbidden(allowed.unicodeScalars.first!), allowed.debugDescription)
        }
    }

    func testEscapeStillEscapesAndKeepsTheRest() {
        XCTAssertEqual(HTML.escape("政策\u{1}<标题>\u{FFFE}&“引号”\u{7F}，完"), "政策&lt;标题&gt;&amp;“引号”，完")
        XCTAssertEqual(HTML.escape("a\tb\r\nc"), "a\tb\r\nc")
    }

    func testMarkdownBodyLosesControlCharacters() {
        let html = Markdown.html("第一段\u{1}\u{1B}\n\n- 项\u{FFFF}目")
        XCTAssertFalse(html.unicodeScalars.contains { ControlCharacterRules.isForbidden($0) }, html.debugDescription)
        XCTAssertTrue(html.contains("第一段") && html.contains("项目"), html)
    }
}
