import Foundation
@testable import PortalModel
import XCTest

/// The byte-level helpers that replaced Foundation calls give Foundation's answers.
final class TextHelpersTests: XCTestCase {
    func testTrimmingMatchesFoundation() {
        let samples = ["", " ", "\t a b \t", "\u{3000}全角空格\u{3000}", "\n line \r\n", "x", " \u{301}", "a\u{2028}", "\u{85}值\u{A0}"]
        for s in samples {
            XCTAssertEqual(s.trimmingSpaces(), s.trimmingCharacters(in: .whitespaces), s.debugDescription)
            XCTAssertEqual(s.trimmingWhitespace(), s.trimmingCharacters(in: .whitespacesAndNewlines), s.debugDescription)
        }
    }

    func testFrontMatterSplitsTheSameWithAndWithoutCarriageReturns() throws {
        let cases: [(String, yaml: String, body: String)?] = [
            ("---\ntitle: 甲\nid: a\n---\n正文\n\n第二段\n", "title: 甲\nid: a", "正文\n\n第二段\n"),
            ("--- \n---\nbody", "", "body"),
            ("---\nk: v\n  ---  ", "k: v", ""),
            ("---\nk: v\n---", "k: v", ""),
            nil,
        ]
        for case let (text, yaml, body)? in cases {
            for variant in [text, text.replacingOccurrences(of: "\n", with: "\r\n")] {
                let split = try XCTUnwrap(FrontMatter.split(variant), variant.debugDescription)
                XCTAssertEqual(split.yaml, yaml, variant.debugDescription)
                XCTAssertEqual(split.body, body, variant.debugDescription)
            }
        }
        XCTAssertEqual(FrontMatter.split("---\nk: a\rb\n---\n")?.yaml, "k: a\rb")
        for text in ["no front matter\n---\n", "---\nnever closed\n", "---", "", "---\r"] {
            XCTAssertNil(FrontMatter.split(text), text.debugDescription)
        }
    }
}
