import Foundation
import XCTest
@testable import PortalBuild
import PortalModel
@testable import PortalSite

/// Incremental builds must give the same site as a full build, render only
/// what changed, and leave unchanged files alone.
final class IncrementalBuildTests: XCTestCase {
    var root: URL!
    var content: URL!
    let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes/default")

    override func setUpWithError() throws {
        content = try MiniPortal().write()
        root = content.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: content)
        try? FileManager.default.removeItem(at: root)
    }

    var inputs: BuildPipeline.Inputs {
        .init(contentDirectory: content, contentDisplayName: "content", themeDirectory: theme,
              options: .init(date: MiniPortal.date))
    }

    /// `huiqi build` as the command runs it: cache beside the output, commit on success.
    @discardableResult
    func build(_ output: URL, useCache: Bool = true) throws -> (SiteBuilder.Summary, Publisher.Report) {
        let publisher = try Publisher(output: output)
        defer { publisher.close() }
        let cache = useCache ? RouteCache.load(RouteCache.file(for: output), manifest: publisher.previousManifestIdentity) : RouteCache()
        let result = try BuildPipeline.run(inputs, into: publisher, cache: cache)
        XCTAssertTrue(result.succeeded, "\(result.diagnostics.sorted.map(\.text))")
        let summary = try XCTUnwrap(result.summary)
        try publisher.commit(paths: summary.paths)
        try cache.save(RouteCache.file(for: output), manifest: publisher.manifestIdentity)
        return (summary, publisher.report)
    }

    func tree(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.path.dropFirst(dir.path.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(path)
        try Data(change(String(decoding: try Data(contentsOf: url), as: UTF8.self)).utf8).write(to: url)
    }

    func testEditedProductRebuildsLikeAFullBuild() throws {
        let site = root.appendingPathComponent("site")
        let (first, _) = try build(site)
        XCTAssertEqual(first.reusedRoutes, 0)
        let untouched = site.appendingPathComponent("ledgers/led-a/index.html")
        let stamp = try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date

        try edit("products/loan-a.yml") { $0.replacingOccurrences(of: "name: 测试贷", with: "name: 测试贷（新）") }
        let (second, report) = try build(site)
        XCTAssertGreaterThan(second.reusedRoutes, 0, "unchanged routes are kept")
        XCTAssertGreaterThan(second.renderedRoutes, 0, "the product and the lists that show it are rendered")
        XCTAssertLessThan(report.written, first.paths.count / 2, "only changed files are written")
        let page = try String(contentsOf: site.appendingPathComponent("products/loan-a/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("测试贷（新）"))
        let list = try String(contentsOf: site.appendingPathComponent("products/index.html"), encoding: .utf8)
        XCTAssertTrue(list.contains("测试贷（新）"), "a list showing the product is rendered again")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date, stamp)

        let fresh = root.appendingPathComponent("fresh")
        try build(fresh, useCache: false)
        XCTAssertEqual(try tree(site), try tree(fresh), "the incremental build equals a full one, byte for byte")
    }

    func testRemovedProductLeavesNoFilesBehind() throws {
        let site = root.appendingPathComponent("site")
        try build(site)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("products/gua-loan/index.html").path))
        try FileManager.default.removeItem(at: content.appendingPathComponent("products/gua-loan.yml"))
        try build(site)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("products/gua-loan").path))
        let fresh = root.appendingPathComponent("fresh")
        try build(fresh, useCache: false)
        XCTAssertEqual(try tree(site), try tree(fresh))
    }

    func testFailedBuildLeavesOutputAndCache() throws {
        let site = root.appendingPathComponent("site")
        try build(site)
        let before = try tree(site)
        let cacheBefore = try Data(contentsOf: RouteCache.file(for: site))
        try edit("products/loan-a.yml") { $0.replacingOccurrences(of: "institution: bank-a", with: "institution: nobody") }
        let publisher = try Publisher(output: site)
        let result = try BuildPipeline.run(inputs, into: publisher,
                                           cache: RouteCache.load(RouteCache.file(for: site), manifest: publisher.previousManifestIdentity))
        XCTAssertFalse(result.succeeded)
        publisher.discard()
        XCTAssertEqual(try tree(site), before)
        XCTAssertEqual(try Data(contentsOf: RouteCache.file(for: site)), cacheBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".huiqi-cache").path)
            .filter { $0.contains("staging") }
        XCTAssertEqual(leftovers, [])
    }

    func testPreviewReusesContentAndRoutes() throws {
        let contentCache = LoadCache()
        var routes = RouteCache()
        var previous: [String: [UInt8]] = [:]
        func rebuild() throws -> SiteBuilder.Summary {
            let sink = MemorySink(previous: previous)
            let result = try BuildPipeline.run(inputs, into: sink, cache: routes, contentCache: contentCache)
            XCTAssertTrue(result.succeeded)
            routes = routes.advanced()
            previous = sink.contents
            return try XCTUnwrap(result.summary)
        }
        let first = try rebuild()
        XCTAssertEqual(contentCache.lastReadCount, MiniPortal().files.count - 1, "every file but site.yml is read")
        let again = try rebuild()
        XCTAssertEqual(contentCache.lastReadCount, 0, "nothing changed, nothing is read again")
        XCTAssertEqual(again.renderedRoutes, 1, "only the route without a fingerprint (the calendar file) is made again")
        _ = first
        try edit("events/ev-a.yml") { $0.replacingOccurrences(of: "title: 对接会", with: "title: 对接会（改期）") }
        _ = try rebuild()
        XCTAssertEqual(contentCache.lastReadCount, 1)
        XCTAssertTrue(String(decoding: previous["events/ev-a/index.html"] ?? [], as: UTF8.self).contains("对接会（改期）"))
    }

    // The same fields declared in another order, to show that the order does not count.
    private struct XY: Encodable { let x: String; let y: ZN }
    private struct ZN: Encodable { let z: Bool; let n: Int }
    private struct YX: Encodable { let y: NZ; let x: String }
    private struct NZ: Encodable { let n: Int; let z: Bool }

    func testFingerprintIgnoresKeyOrderButNotValues() {
        let a = ContextEncoder.fingerprint(XY(x: "1", y: ZN(z: true, n: 3)))
        let b = ContextEncoder.fingerprint(YX(y: NZ(n: 3, z: true), x: "1"))
        let c = ContextEncoder.fingerprint(XY(x: "1", y: ZN(z: false, n: 3)))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        var d = Fingerprint(), e = Fingerprint()
        d.add("ab"); d.add("c")
        e.add("a"); e.add("bc")
        XCTAssertNotEqual(d.value, e.value, "string boundaries count")
    }

    func testThemeWithoutATemplateIsRefused() throws {
        let copy = root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: theme, to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("templates/poster.mustache"))
        XCTAssertThrowsError(try Theme.load(directory: copy)) { error in
            XCTAssertTrue("\(error)".contains("poster.mustache"), "\(error)")
        }
        XCTAssertThrowsError(try Theme.load(directory: root.appendingPathComponent("no-such-theme")))
    }

    /// The preview's fast path: the open page is made first and handed over
    /// before the rest, and the site in the end is the same as without it.
    func testFirstRoutesAreMadeFirstAndChangeNothing() throws {
        let plain = MemorySink()
        XCTAssertTrue(try BuildPipeline.run(inputs, into: plain).succeeded)
        final class Told: @unchecked Sendable { var paths: [String] = []; var storedBefore = 0 }
        let told = Told()
        let sink = MemorySink()
        var first = inputs
        first.options.firstRoutes = ["products/loan-a/index.html"]
        first.options.firstRoutesDone = { files in
            told.paths = files.map(\.path)
            told.storedBefore = sink.contents.count
        }
        XCTAssertTrue(try BuildPipeline.run(first, into: sink).succeeded)
        XCTAssertEqual(told.paths, ["products/loan-a/index.html", "products/loan-a/poster.html",
                                    "products/loan-a/qr.svg", "products/loan-a/qr.png"])
        XCTAssertEqual(told.storedBefore, 4, "nothing else was rendered before")
        XCTAssertEqual(sink.contents, plain.contents)
        // Rendered again with the same bytes: no page counts as changed, so none reloads.
        let again = MemorySink(previous: plain.contents)
        XCTAssertTrue(try BuildPipeline.run(inputs, into: again).succeeded)
        XCTAssertEqual(again.changed, [])
    }

    /// An internal link to a page the site does not have fails the build, once
    /// per target, at the first page that links to it; working links do not.
    func testBrokenInternalLinksAreReportedOncePerTarget() throws {
        try edit("policies/pol-a.md") {
            $0.replacingOccurrences(of: "正文。", with: "见[产品](../../products/loan-a/)、[旧页](../../gone/)、[又一次](../../gone/#top)和[图](../nothing.png)。")
        }
        let result = try BuildPipeline.run(inputs, into: MemorySink())
        XCTAssertFalse(result.succeeded)
        let broken = result.diagnostics.sorted.filter { $0.code == .K001 }
        XCTAssertEqual(broken.map(\.location.file), ["site/policies/pol-a/index.html", "site/policies/pol-a/index.html"])
        XCTAssertEqual(broken.map { $0.message.contains("gone/index.html") || $0.message.contains("policies/nothing.png") }, [true, true])
        XCTAssertEqual(broken.filter { $0.message.contains("gone/index.html") }.count, 1)
    }

    /// Past the protocol's limit of URLs per file, the sitemap becomes an index of parts.
    func testSitemapSplitsPastTheLimit() throws {
        let checked = try BuildPipeline.loadAndCheck(contentDirectory: content, displayName: "content", date: MiniPortal.date)
        let index = PortalIndex(portal: checked.portal, date: MiniPortal.date, baseURL: nil)
        let pages = ["a/index.html", "b/index.html", "c/index.html", "qr.png", "index.html"]
        let whole = Sitemap.files(pages: pages, index: index, limit: 4)
        XCTAssertEqual(whole.map(\.path), ["sitemap.xml"])
        XCTAssertEqual(String(decoding: whole[0].bytes, as: UTF8.self).components(separatedBy: "<url>").count - 1, 4)
        let split = Sitemap.files(pages: pages, index: index, limit: 3)
        XCTAssertEqual(split.map(\.path), ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"])
        let root = String(decoding: split[0].bytes, as: UTF8.self)
        XCTAssertTrue(root.contains("<sitemapindex") && root.contains("https://t.example.gov.cn/sitemap-2.xml"), root)
        XCTAssertEqual(String(decoding: split[2].bytes, as: UTF8.self).components(separatedBy: "<url>").count - 1, 1)
    }

    /// A preview rebuild told to stop ends with `BuildStopped`; the next one, from the
    /// restarted cache, is a complete and correct site.
    func testStoppedBuildStartsOverCleanly() throws {
        final class Countdown: @unchecked Sendable {
            let lock = NSLock()
            var left = 5
            func tick() -> Bool { lock.lock(); defer { lock.unlock() }; left -= 1; return left < 0 }
        }
        let plain = MemorySink()
        XCTAssertTrue(try BuildPipeline.run(inputs, into: plain).succeeded)
        let countdown = Countdown()
        var stopping = inputs
        stopping.options.shouldStop = { countdown.tick() }
        let cache = RouteCache()
        XCTAssertThrowsError(try BuildPipeline.run(stopping, into: MemorySink(), cache: cache)) { error in
            XCTAssertTrue(error is SiteBuilder.BuildStopped, "\(error)")
        }
        let again = MemorySink()
        let result = try BuildPipeline.run(inputs, into: again, cache: RouteCache().restarted())
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(again.contents, plain.contents)
        // The stopped build had recorded its first routes; the restarted cache forgets them.
        XCTAssertFalse(cache.advanced().previousPaths.isEmpty)
        XCTAssertTrue(cache.restarted().advanced().previousPaths.isEmpty)
    }
}
