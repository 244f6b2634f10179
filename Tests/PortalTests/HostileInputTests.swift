import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PortalCheck
@testable import PortalModel

/// Security review, issue 12: content is read from files anyone with commit
/// rights can write, so every file must cost bounded time and memory, stay
/// inside the content folder, and never be echoed at length.
final class HostileInputTests: XCTestCase {
    /// Writes the portal, lets `extra` add to it, loads and checks.
    func load(_ portal: MiniPortal, extra: (URL) throws -> Void = { _ in }) throws -> (portal: Portal, diagnostics: [Diagnostic]) {
        let dir = try portal.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        // MiniPortal has no pages: make the folder, so tests can link in it.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try extra(dir)
        let loaded = try PortalLoader.load(contentDirectory: dir, displayRoot: "content")
        var list = loaded.diagnostics
        list.add(contentsOf: Checker.check(loaded.portal, on: MiniPortal.date))
        return (loaded.portal, list.sorted)
    }

    /// 9 levels of 10 aliases: 10⁹ nodes once expanded, from 1 KB of text.
    static func billionLaughs(indent: String = "") -> String {
        var text = indent + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { text += indent + "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return text
    }

    func assertRefusedQuickly(_ code: DiagnosticCode, _ file: String, in diagnostics: [Diagnostic], started: Date,
                              line: UInt = #line) {
        XCTAssertTrue(diagnostics.contains { $0.code == code && $0.location.file == "content/" + file },
                      "no \(code) for \(file): \(diagnostics.map(\.text))", line: line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "took too long", line: line)
    }

    // MARK: 1. Alias bombs and deep nesting

    func testAliasBombInProductIsRefused() throws {
        var p = MiniPortal()
        p.files["products/bomb.yml"] = Self.billionLaughs()
        let started = Date()
        let (_, all) = try load(p)
        assertRefusedQuickly(.F009, "products/bomb.yml", in: all, started: started)
    }

    func testAliasBombInFrontMatterIsRefused() throws {
        var p = MiniPortal()
        p.files["pages/bomb.md"] = "---\ntitle: x\n" + Self.billionLaughs() + "---\n正文\n"
        let started = Date()
        let (_, all) = try load(p)
        assertRefusedQuickly(.F009, "pages/bomb.md", in: all, started: started)
        // Line numbers count the opening `---`: a4's 8th alias is on line 5 of the YAML, 6 of the file.
        let d = try XCTUnwrap(all.first { $0.code == .F009 })
        XCTAssertEqual(d.location.line, 6)
    }

    func testAliasBombInSiteYmlIsRefused() throws {
        var p = MiniPortal()
        p.files["site.yml"]! += "\nsearch:\n" + Self.billionLaughs(indent: "  ")
        let started = Date()
        let (_, all) = try load(p)
        assertRefusedQuickly(.F009, "site.yml", in: all, started: started)
    }

    func testAliasesAsMappingKeysAreCounted() throws {
        // Yams hashes mapping keys to find duplicates: a key that is an alias of a
        // huge node would be walked whole, so aliases in keys count like any other.
        var text = Self.billionLaughs()
        text += "k: {? *a9 : 1, ? *a8 : 2}\n"
        var p = MiniPortal()
        p.files["events/keys.yml"] = text
        let started = Date()
        let (_, all) = try load(p)
        assertRefusedQuickly(.F009, "events/keys.yml", in: all, started: started)
    }

    func testSmallAliasUseStillWorks() throws {
        // Anchors within the limits are fine: the example content does not use
        // them, but an editor may.
        var p = MiniPortal()
        p.files["events/ev-a.yml"] = "title: &t 对接会\nstart: 2026-12-01T09:30\nplace: *t\norganizer: 测试市金融局\n"
        let (portal, all) = try load(p)
        XCTAssertEqual(all.filter { $0.severity == .error }.map(\.text), [])
        XCTAssertEqual(portal.events.first?.place, "对接会")
    }

    func testTooManyNodesWithoutAliases() throws {
        var p = MiniPortal()
        p.files["ledgers/huge.yml"] = "title: x\nkind: 全面清单\nitems: [" + Array(repeating: "1", count: 100_001).joined(separator: ",") + "]\n"
        let (_, all) = try load(p)
        let d = try XCTUnwrap(all.first { $0.code == .F009 }, "\(all.map(\.text))")
        XCTAssertEqual(d.location.file, "content/ledgers/huge.yml")
        XCTAssertEqual(d.location.line, 3)
    }

    func testTenThousandNestedFlowSequencesDoNotCrash() throws {
        var p = MiniPortal()
        p.files["events/flow.yml"] = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        p.files["events/map.yml"] = String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "\n"
        let (_, all) = try load(p)
        for file in ["events/flow.yml", "events/map.yml"] {
            XCTAssertTrue(all.contains { $0.code == .F010 && $0.location.file == "content/" + file }, "\(file): \(all.map(\.text))")
        }
    }

    func testTenThousandNestedBlockSequencesDoNotCrash() throws {
        var p = MiniPortal()
        // Compact nesting on one line, and one level per line (2 000 lines: 2 MB).
        p.files["events/dash.yml"] = String(repeating: "- ", count: 10_000) + "x\n"
        p.files["ledgers/lines.yml"] = (0..<2_000).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x\n"
        p.files["pages/deep.md"] = "---\n" + String(repeating: "[", count: 10_000) + "\n---\n正文\n"
        let (_, all) = try load(p)
        for file in ["events/dash.yml", "ledgers/lines.yml", "pages/deep.md"] {
            XCTAssertTrue(all.contains { $0.code == .F010 && $0.location.file == "content/" + file }, "\(file): \(all.map(\.text))")
        }
    }

    func testAliasOfDeepNodeNestedDeepIsRefused() throws {
        // 60 levels, then that node repeated 60 levels down: 120 once expanded.
        let deep = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        var p = MiniPortal()
        p.files["events/stack.yml"] = "a: &d \(deep)\nb: " + String(repeating: "[", count: 60) + "*d" + String(repeating: "]", count: 60) + "\n"
        let (_, all) = try load(p)
        XCTAssertTrue(all.contains { $0.code == .F010 && $0.location.file == "content/events/stack.yml" }, "\(all.map(\.text))")
    }

    // MARK: 2. Size cap

    func testDefaultSizeCapIsTenMegabytes() throws {
        var p = MiniPortal()
        p.files["pages/big.md"] = "---\ntitle: 大\n---\n" + String(repeating: "a", count: 10 * 1024 * 1024)
        let (portal, all) = try load(p)
        let d = try XCTUnwrap(all.first { $0.code == .F008 }, "\(all.map(\.text))")
        XCTAssertEqual(d.location.file, "content/pages/big.md")
        XCTAssertTrue(d.message.contains("10241 KB") && d.message.contains("10240 KB"), d.message)
        XCTAssertTrue(d.expected?.contains("maxFileKB") ?? false)
        XCTAssertFalse(portal.pages.contains { $0.id == "big" })
    }

    func testRaisedSizeCapAdmitsTheFile() throws {
        var p = MiniPortal()
        p.files["site.yml"]! += "\nrules:\n  maxFileKB: 20480"
        p.files["pages/big.md"] = "---\ntitle: 大\n---\n" + String(repeating: "a", count: 10 * 1024 * 1024)
        let (portal, all) = try load(p)
        XCTAssertFalse(all.contains { $0.code == .F008 }, "\(all.map(\.text))")
        XCTAssertTrue(portal.pages.contains { $0.id == "big" })
    }

    // MARK: 3. Symlinks and special files

    func testSymlinkedPageOutsideContentIsNotReadOrPublished() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("huiqi-secret-\(UUID().uuidString).md")
        try Data("---\ntitle: 机密\n---\n机密正文\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let (portal, all) = try load(MiniPortal()) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("pages/secret.md").path,
                                                       withDestinationPath: outside.path)
        }
        XCTAssertFalse(portal.pages.contains { $0.id == "secret" })
        let d = try XCTUnwrap(all.first { $0.code == .F011 }, "\(all.map(\.text))")
        XCTAssertEqual(d.location.file, "content/pages/secret.md")
        // Where it points, relative to the link's folder: pages/ → temp dir.
        XCTAssertTrue(d.message.contains("../../" + outside.lastPathComponent), d.message)
    }

    func testSymlinkToEtcPasswdQuotesNothing() throws {
        let (_, all) = try load(MiniPortal()) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("products/pw.yml").path,
                                                       withDestinationPath: "/etc/passwd")
        }
        XCTAssertTrue(all.contains { $0.code == .F011 && $0.location.file == "content/products/pw.yml" })
        XCTAssertFalse(all.contains { $0.text.contains("root:") }, "\(all.map(\.text))")
    }

    func testSymlinkedKindFolderOutsideContentIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("huiqi-events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("title: 外部\nstart: 2026-12-01T09:30\nplace: x\norganizer: y\n".utf8).write(to: outside.appendingPathComponent("ext.yml"))
        defer { try? FileManager.default.removeItem(at: outside) }
        var p = MiniPortal()
        p.files.removeValue(forKey: "events/ev-a.yml")
        let (portal, all) = try load(p) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("events").path, withDestinationPath: outside.path)
        }
        XCTAssertTrue(portal.events.isEmpty)
        XCTAssertTrue(all.contains { $0.code == .F011 && $0.location.file == "content/events" }, "\(all.map(\.text))")
    }

    func testSymlinkInsideContentIsFollowed() throws {
        let (portal, all) = try load(MiniPortal()) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("events/ev-b.yml").path,
                                                       withDestinationPath: "ev-a.yml")
        }
        XCTAssertEqual(all.filter { $0.severity == .error }.map(\.text), [])
        XCTAssertEqual(portal.events.map(\.id), ["ev-a", "ev-b"])
    }

    func testSymlinkLoopsAndLinksToFoldersDoNotHang() throws {
        let started = Date()
        let (_, all) = try load(MiniPortal()) { dir in
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("events/l1.yml").path, withDestinationPath: "l2.yml")
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("events/l2.yml").path, withDestinationPath: "l1.yml")
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("pages/here.md").path, withDestinationPath: ".")
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("pages/up.md").path, withDestinationPath: "..")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertTrue(all.contains { $0.code == .F011 && $0.location.file == "content/events/l1.yml" }, "\(all.map(\.text))")
        XCTAssertTrue(all.contains { $0.code == .F012 && $0.location.file == "content/pages/here.md" }, "\(all.map(\.text))")
        XCTAssertTrue(all.contains { $0.code == .F012 && $0.location.file == "content/pages/up.md" }, "\(all.map(\.text))")
    }

    func testFIFOAsSiteYmlDoesNotBlock() throws {
        var p = MiniPortal()
        p.files.removeValue(forKey: "site.yml")
        let started = Date()
        let (_, all) = try load(p) { dir in
            XCTAssertEqual(mkfifo(dir.appendingPathComponent("site.yml").path, 0o644), 0)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertTrue(all.contains { $0.code == .F012 && $0.location.file == "content/site.yml" }, "\(all.map(\.text))")
    }

    // MARK: 4. Short excerpts only

    func testLongValuesAreQuotedShort() throws {
        var p = MiniPortal()
        let long = String(repeating: "日", count: 5000)
        // libyaml allows keys of up to 1024 characters.
        p.files["institutions/bank-a.yml"] = p.files["institutions/bank-a.yml"]!
            .replacingOccurrences(of: "updated: 2026-01-01", with: "updated: \(long)") + "\n\(long.prefix(300)): 1"
        p.files["products/loan-a.yml"] = p.files["products/loan-a.yml"]!.replacingOccurrences(of: "processingDays: 5", with: "processingDays: \(long)")
        let (_, all) = try load(p)
        let about = all.filter { $0.message.contains("日日日") }
        XCTAssertGreaterThanOrEqual(about.count, 3, "\(all.map(\.text))")
        for d in about {
            XCTAssertLessThan(d.text.count, 400, d.text)
            XCTAssertTrue(d.message.contains("…"), d.message)
            XCTAssertLessThanOrEqual(d.field?.count ?? 0, Excerpt.maxCharacters + 40)
        }
    }

    func testExcerptLimits() {
        XCTAssertEqual(Excerpt.of(String(repeating: "a", count: 80)), String(repeating: "a", count: 80))
        XCTAssertEqual(Excerpt.of(String(repeating: "a", count: 81)), String(repeating: "a", count: 79) + "…")
        XCTAssertEqual(Excerpt.of("a\u{1B}[2Jb\nc"), "a\u{FFFD}[2Jb\u{FFFD}c")
        // One Character with 500 combining marks is 501 scalars: cut too.
        XCTAssertLessThanOrEqual(Excerpt.of("e" + String(repeating: "\u{0301}", count: 500)).unicodeScalars.count, 80)
    }

    func testEveryDiagnosticKeepsQuotesShort() {
        // A rule that interpolates a value without Excerpt (the link checker quotes hrefs) is cut all the same.
        let long = String(repeating: "../", count: 10_000)
        let d = Diagnostic(.K001, at: SourceLocation(file: "site/x.html"), "链接 “\(long)” 指向不存在的页面 \(long) (broken internal link)")
        XCTAssertLessThanOrEqual(d.message.unicodeScalars.count, Excerpt.maxMessage)
        XCTAssertTrue(d.message.hasPrefix("链接 “" + String(long.prefix(79)) + "…”"), d.message)
        XCTAssertEqual(Diagnostic(.V001, at: SourceLocation(file: "x"), "短 “值”").message, "短 “值”")
    }

    func testBinaryFileIsNotQuoted() throws {
        let (_, all) = try load(MiniPortal()) { dir in
            try Data("title: 秘密内容\u{0}\u{0}place: x\n".utf8).write(to: dir.appendingPathComponent("events/bin.yml"))
            try Data([0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x3A, 0x20, 0xFF, 0xFE, 0x00]).write(to: dir.appendingPathComponent("pages/bad.md"))
        }
        for file in ["events/bin.yml", "pages/bad.md"] {
            let mine = all.filter { $0.location.file == "content/" + file }
            XCTAssertEqual(mine.map(\.code), [.F001], "\(all.map(\.text))")
        }
        XCTAssertFalse(all.contains { $0.text.contains("秘密") || $0.text.contains("secret") })
    }

    // MARK: 5. Duplicate ids in every kind

    func testDuplicateIDsAcrossExtensionsInEveryKind() throws {
        var p = MiniPortal()
        p.files["events/ev-a.yaml"] = p.files["events/ev-a.yml"]!
        p.files["ledgers/led-a.yaml"] = p.files["ledgers/led-a.yml"]!
        p.files["pages/about.md"] = "---\ntitle: 关于\n---\n正文\n"
        p.files["pages/about.MD"] = "---\ntitle: 关于\n---\n正文\n"
        p.files["institutions/bank-a.yaml"] = p.files["institutions/bank-a.yml"]!
        let (_, all) = try load(p)
        let dups = all.filter { $0.code == .V010 }
        for (second, first) in [("events/ev-a.yml", "events/ev-a.yaml"), ("ledgers/led-a.yml", "ledgers/led-a.yaml"),
                                ("pages/about.md", "pages/about.MD"), ("institutions/bank-a.yml", "institutions/bank-a.yaml")] {
            // The later file in sort order is reported, naming the earlier one.
            XCTAssertTrue(dups.contains { $0.location.file == "content/" + second && $0.message.contains("content/" + first) },
                          "\(second): \(dups.map(\.text))")
        }
    }

    /// Every kind in the registry, so a kind added later is covered without a new test.
    func testDuplicateIDsReportedForEveryDeclaredKind() throws {
        var p = MiniPortal()
        p.files["pages/about.md"] = "---\ntitle: 关于\n---\n正文\n"
        var expected: [(second: String, first: String)] = []
        for kind in ContentKinds.all {
            guard let original = p.files.keys.sorted().first(where: { $0.hasPrefix(kind.folder + "/") }) else {
                XCTFail("MiniPortal has no \(kind.kind) file"); continue
            }
            let twin = original.hasSuffix(".yml") ? original.dropLast(4) + ".yaml" : original.dropLast(3) + ".MD"
            p.files[String(twin)] = p.files[original]!
            expected.append((original, String(twin)))
        }
        let (_, all) = try load(p)
        let dups = all.filter { $0.code == .V010 }
        for (second, first) in expected {
            XCTAssertTrue(dups.contains { $0.location.file == "content/" + second && $0.message.contains("content/" + first) },
                          "\(second): \(dups.map(\.text))")
        }
        XCTAssertEqual(expected.count, ContentKinds.all.count)
    }

    func testDuplicateProductIDBetweenYAMLAndCSVRow() throws {
        var p = MiniPortal()
        let csv = "产品编号,产品名称,所属机构,产品类别,产品简介,适用对象,担保方式,额度（万元）,期限（月）,年化利率（%）,年化利率计算方式,申请条件,所需材料,办理流程,办理时限（工作日）,联系电话,更新日期\n"
            + "loan-a,甲贷,bank-a,信贷,简介,小微企业,信用,10-100,1-12,3.5-4.5,单利,条件一,执照,申请；放款,5,0535-1,2026-01-01\n"
        p.files["products/batch.csv"] = csv
        let (_, all) = try load(p)
        XCTAssertTrue(all.contains { $0.code == .V010 && $0.message.contains("loan-a") }, "\(all.map(\.text))")
    }

    func testUnsafeIDsAreRefusedInEveryKind() throws {
        var p = MiniPortal()
        p.files["events/Ev_A.yml"] = p.files["events/ev-a.yml"]!
        p.files["pages/..md"] = "---\ntitle: x\n---\n"
        p.files["products/batch.csv"] = "产品编号,产品名称\n../../x,甲贷\n"
        let (portal, all) = try load(p)
        XCTAssertTrue(all.contains { $0.code == .F007 && $0.location.file == "content/events/Ev_A.yml" }, "\(all.map(\.text))")
        XCTAssertTrue(all.contains { $0.code == .V008 && $0.location.file == "content/products/batch.csv" }, "\(all.map(\.text))")
        let ids = portal.products.map(\.id) + portal.events.map(\.id) + portal.pages.map(\.id) + portal.ledgers.map(\.id)
            + portal.policies.map(\.id) + portal.institutions.map(\.id)
        for id in ids where !id.isEmpty { XCTAssertTrue(ContentID.isValid(id), id) }
    }
}
