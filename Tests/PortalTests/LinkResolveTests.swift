@testable import PortalSite
import XCTest

/// Where an internal link lands, as the link checker sees it.
final class LinkResolveTests: XCTestCase {
    func testRelativeRootAndForeignLinks() {
        let dir = Array("products/p-1".utf8)
        let cases: [(String, String?)] = [
            ("../../policies/", "policies/index.html"),
            ("../../", "index.html"),
            ("poster/", "products/p-1/poster/index.html"),
            ("./qr.svg", "products/p-1/qr.svg"),
            ("../../../../too-high/", "too-high/index.html"),
            ("../../compare/?p=p-1&amp;p=p-2", "compare/index.html"),
            ("../../search/#q", "search/index.html"),
            ("#main", nil), ("", nil), ("tel:0571", nil), ("https://example.cn/", nil), ("//cdn.example.cn/x.js", nil),
            ("/404.css", "404.css"),
            ("/", "index.html"),
        ]
        for (link, target) in cases {
            XCTAssertEqual(LinkChecker.resolve(link, directory: dir), target, link)
        }
        XCTAssertEqual(LinkChecker.resolve("/jrfw/assets/a.css", directory: [], basePath: "/jrfw/"), "assets/a.css")
        XCTAssertEqual(LinkChecker.resolve("/other/a.css", directory: [], basePath: "/jrfw/"), "(outside the site) /other/a.css")
        XCTAssertEqual(LinkChecker.resolve("index.html", directory: []), "index.html")
    }
}
