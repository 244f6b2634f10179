import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PortalCheck
@testable import PortalModel

/// One failing fixture per diagnostic code: each asserts the code, the file,
/// the line and the column an editor would be sent to.
final class DiagnosticFixtureTests: XCTestCase {
    func expect(_ code: DiagnosticCode, _ file: String, line: Int, column: Int, _ edit: (inout MiniPortal) -> Void,
                extra: @escaping (URL) throws -> Void = { _ in }, fileID: StaticString = #filePath, at: UInt = #line) throws {
        var portal = MiniPortal()
        edit(&portal)
        let all = try portal.diagnostics(extra: extra)
        let matching = all.filter { $0.code == code }
        XCTAssertFalse(matching.isEmpty, "no \(code) in: \(all.map(\.text))", file: fileID, line: at)
        guard let d = matching.first else { return }
        XCTAssertEqual(d.location.file, "content/" + file, file: fileID, line: at)
        XCTAssertEqual(d.location.line, line, "line of \(d.text)", file: fileID, line: at)
        XCTAssertEqual(d.location.column, column, "column of \(d.text)", file: fileID, line: at)
        XCTAssertEqual(d.severity, code.defaultSeverity, file: fileID, line: at)
    }

    func replace(_ p: inout MiniPortal, _ file: String, _ old: String, _ new: String) {
        let text = p.files[file]!
        precondition(text.contains(old), "\(old) not in \(file)")
        p.files[file] = text.replacingOccurrences(of: old, with: new)
    }

    func testValidPortalHasNoDiagnostics() throws {
        XCTAssertEqual(try MiniPortal().diagnostics().map(\.text), [])
    }

    func testF001NotUTF8() throws {
        try expect(.F001, "institutions/bad.yml", line: 1, column: 1, { _ in }) { dir in
            try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xB2, 0xE2, 0xCA, 0xD4]).write(to: dir.appendingPathComponent("institutions/bad.yml"))
        }
    }

    func testF002Empty() throws {
        try expect(.F002, "events/empty.yml", line: 1, column: 1, { $0.files["events/empty.yml"] = "\n\n" })
    }

    func testF003SyntaxError() throws {
        // libyaml notices the unclosed flow sequence where the next key starts.
        try expect(.F003, "products/loan-a.yml", line: 4, column: 9, { replace(&$0, "products/loan-a.yml", "institution: bank-a", "institution: [bank-a") })
    }

    func testF003FullWidthColonIsNamedAtItsOwnLine() throws {
        // What a Chinese input method types after a key: libyaml notices it only on the next line.
        try expect(.F003, "products/loan-a.yml", line: 5, column: 8, { replace(&$0, "products/loan-a.yml", "summary: 测试用信用贷款", "summary：测试用信用贷款") })
        var p = MiniPortal()
        replace(&p, "products/loan-a.yml", "summary: 测试用信用贷款", "summary：测试用信用贷款")
        let d = try p.diagnostics().first { $0.code == .F003 }
        XCTAssertEqual(d?.message.contains("全角冒号“：”"), true, d?.text ?? "none")
        XCTAssertEqual(d?.expected?.contains("summary: "), true, d?.text ?? "none")
    }

    func testF003TabIndentationIsNamed() throws {
        try expect(.F003, "disclosures/bank-a.yml", line: 4, column: 1, { replace(&$0, "disclosures/bank-a.yml", "  - {business: 信用贷款", "\t- {business: 信用贷款") })
    }

    func testF003ProblemSaidInChinese() {
        XCTAssertEqual(YAMLSyntaxHints.translate("did not find expected key"), "找不到应有的键名（多为缩进不一致） (did not find expected key)")
        XCTAssertEqual(YAMLSyntaxHints.translate("something new"), "something new")
    }

    func testAnUnreadableFileCausesNoFollowOnErrorsElsewhere() throws {
        // The bank's four lists exist but do not parse: no D006 "not published";
        // the product its credit list names does not parse: no D009 "not found".
        var p = MiniPortal()
        replace(&p, "disclosures/bank-a.yml", "published: 2026-06-01", "published：2026-06-01")
        var all = try p.diagnostics()
        XCTAssertEqual(all.filter { $0.code == .F003 }.map(\.location.file), ["content/disclosures/bank-a.yml"])
        XCTAssertFalse(all.contains { $0.code == .D006 }, all.map(\.text).joined(separator: "\n"))
        p = MiniPortal()
        replace(&p, "products/loan-a.yml", "summary: 测试用信用贷款", "summary：测试用信用贷款")
        all = try p.diagnostics()
        XCTAssertFalse(all.contains { $0.code == .D009 }, all.map(\.text).joined(separator: "\n"))
    }

    func testUnknownProductInCreditListSuggestsTheBanksOwn() throws {
        var p = MiniPortal()
        replace(&p, "disclosures/bank-a.yml", "product: loan-a", "product: loan-aa")
        let d = try p.diagnostics().first { $0.code == .D009 }
        XCTAssertEqual(d?.expected?.contains("loan-a"), true, d?.text ?? "none")
    }

    func testF004FrontMatterMissing() throws {
        try expect(.F004, "policies/pol-b.md", line: 1, column: 1, { $0.files["policies/pol-b.md"] = "没有 front matter" })
    }

    func testF005MalformedCSV() throws {
        try expect(.F005, "products/batch.csv", line: 2, column: 1, { $0.files["products/batch.csv"] = "产品编号,产品名称\n\"x,y\n" })
    }

    func testF007FileNameNotAnID() throws {
        try expect(.F007, "events/Bad_Name.yml", line: 1, column: 1, { $0.files["events/Bad_Name.yml"] = "title: x" })
    }

    func testF008FileLargerThanMaxFileKB() throws {
        // 2 KB of summary against a 1 KB limit set in site.yml.
        try expect(.F008, "products/loan-a.yml", line: 1, column: 1, { p in
            p.files["site.yml"]! += "\nrules:\n  maxFileKB: 1"
            replace(&p, "products/loan-a.yml", "summary: 测试用信用贷款", "summary: " + String(repeating: "x", count: 2048))
        })
    }

    func testF009AliasExpansion() throws {
        // 4 levels of 10 aliases: level 3's anchor stands for 1 111 nodes, so
        // the 8th alias on line 4 passes 10 000 expanded nodes (110 + 1 110 + 8 × 1 111).
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...4 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try expect(.F009, "products/bomb.yml", line: 4, column: 10 + 7 * 5, { $0.files["products/bomb.yml"] = bomb })
    }

    func testF010NestedTooDeep() throws {
        // Block sequences, one more level per line: level 101 is on line 101.
        let deep = (0..<150).map { String(repeating: "  ", count: $0) + "-" }.joined(separator: "\n")
        try expect(.F010, "ledgers/deep.yml", line: 101, column: 201, { $0.files["ledgers/deep.yml"] = deep })
    }

    func testF011SymlinkOutOfContent() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("huiqi-outside-\(UUID().uuidString).yml")
        try Data("secret: 不应出现\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try expect(.F011, "products/linked.yml", line: 1, column: 1, { _ in }) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("products/linked.yml").path,
                                                       withDestinationPath: outside.path)
        }
    }

    func testF012FIFO() throws {
        try expect(.F012, "events/pipe.yml", line: 1, column: 1, { _ in }) { dir in
            XCTAssertEqual(mkfifo(dir.appendingPathComponent("events/pipe.yml").path, 0o644), 0)
        }
    }

    func testV001MissingMandatory() throws {
        try expect(.V001, "institutions/bank-a.yml", line: 1, column: 1, { replace(&$0, "institutions/bank-a.yml", "address: 测试路1号\n", "") })
    }

    func testV002WrongType() throws {
        try expect(.V002, "products/loan-a.yml", line: 15, column: 17, { replace(&$0, "products/loan-a.yml", "processingDays: 5", "processingDays: 五天") })
    }

    func testV003UnknownKeySuggestsNearest() throws {
        var p = MiniPortal()
        p.files["products/loan-a.yml"]! += "\nrepaymnet: 按月付息"
        let d = try p.diagnostics().first { $0.code == .V003 }
        XCTAssertEqual(d?.location.line, 19)
        XCTAssertEqual(d?.location.column, 1)
        XCTAssertEqual(d?.expected, "repayment")
        XCTAssertEqual(d?.severity, .warning)
    }

    func testV004DuplicateKey() throws {
        try expect(.V004, "products/loan-a.yml", line: 3, column: 1, { replace(&$0, "products/loan-a.yml", "name: 测试贷\n", "name: 测试贷\nname: 重复\n") })
    }

    func testV005BadEnum() throws {
        try expect(.V005, "products/loan-a.yml", line: 4, column: 11, { replace(&$0, "products/loan-a.yml", "category: 信贷", "category: 贷款") })
    }

    func testV006BadDate() throws {
        try expect(.V006, "institutions/bank-a.yml", line: 7, column: 10, { replace(&$0, "institutions/bank-a.yml", "updated: 2026-01-01", "updated: 2026-02-30") })
    }

    func testV007BadURL() throws {
        try expect(.V007, "products/loan-a.yml", line: 19, column: 11, { $0.files["products/loan-a.yml"]! += "\napplyURL: javascript:alert(1)" })
    }

    func testV008BadID() throws {
        try expect(.V008, "products/loan-a.yml", line: 1, column: 5, { replace(&$0, "products/loan-a.yml", "id: loan-a", "id: ../../etc") })
    }

    func testV009IDDiffersFromFileName() throws {
        try expect(.V009, "products/loan-a.yml", line: 1, column: 5, { replace(&$0, "products/loan-a.yml", "id: loan-a", "id: loan-b") })
    }

    func testV010DuplicateID() throws {
        try expect(.V010, "products/loan-b.yml", line: 1, column: 5, { p in
            p.files["products/loan-b.yml"] = p.files["products/loan-a.yml"]!.replacingOccurrences(of: "id: loan-a", with: "id: loan-a")
        })
    }

    func testV011BadRange() throws {
        try expect(.V011, "products/loan-a.yml", line: 8, column: 9, { replace(&$0, "products/loan-a.yml", "amount: {min: 10, max: 100}", "amount: {min: 100, max: 10}") })
    }

    func testV012TooLong() throws {
        try expect(.V012, "products/loan-a.yml", line: 5, column: 10, { replace(&$0, "products/loan-a.yml", "summary: 测试用信用贷款", "summary: " + String(repeating: "长", count: 121)) })
    }

    func testV013EmptyList() throws {
        try expect(.V013, "products/loan-a.yml", line: 13, column: 12, { replace(&$0, "products/loan-a.yml", "materials: [营业执照]", "materials: []") })
    }

    func testV014NumberOutOfRange() throws {
        try expect(.V014, "products/loan-a.yml", line: 15, column: 17, { replace(&$0, "products/loan-a.yml", "processingDays: 5", "processingDays: 0") })
    }

    func testV015ControlCharacter() throws {
        // YAML lets a double-quoted value carry any character as an escape.
        try expect(.V015, "policies/pol-a.md", line: 3, column: 8, { replace(&$0, "policies/pol-a.md", "title: 测试政策", #"title: "测试\x01政策""#) })
        var p = MiniPortal()
        replace(&p, "policies/pol-a.md", "title: 测试政策", #"title: "测试\x01政策""#)
        let d = try XCTUnwrap(try p.diagnostics().first { $0.code == .V015 })
        XCTAssertEqual(d.field, "title")
        XCTAssertEqual(d.label, "政策名称")
        XCTAssertTrue(d.message.contains("U+0001"), d.message)
        // In a Markdown body the character is there as it is; the message names the body's line.
        var q = MiniPortal()
        replace(&q, "policies/pol-a.md", "正文。", "第一行\n\n正文\u{0B}。")
        let body = try XCTUnwrap(try q.diagnostics().first { $0.code == .V015 }, "no V015 for the body")
        XCTAssertEqual(body.field, "body")
        XCTAssertTrue(body.message.contains("第 3 行") && body.message.contains("U+000B"), body.message)
    }

    func testS001BaseURLWithoutSlash() throws {
        try expect(.S001, "site.yml", line: 3, column: 10, { replace(&$0, "site.yml", "https://t.example.gov.cn/", "https://t.example.gov.cn") })
    }

    func testS002SiteCode() throws {
        try expect(.S002, "site.yml", line: 6, column: 11, { $0.files["site.yml"]! += "\nsiteCode: \"12345\"" })
    }

    func testS003ICP() throws {
        try expect(.S003, "site.yml", line: 6, column: 6, { $0.files["site.yml"]! += "\nicp: ICP12345678" })
    }

    func testS004PSB() throws {
        try expect(.S004, "site.yml", line: 6, column: 6, { $0.files["site.yml"]! += "\npsb: 鲁公网安备 123号" })
    }

    func testI001CreditCodeCheckCharacter() throws {
        try expect(.I001, "institutions/bank-a.yml", line: 4, column: 13, { replace(&$0, "institutions/bank-a.yml", "91370600MA3C4X8N49", "91370600MA3C4X8N4L") })
    }

    func testI002GovernmentBackedBank() throws {
        try expect(.I002, "institutions/bank-a.yml", line: 8, column: 19, { $0.files["institutions/bank-a.yml"]! += "\ngovernmentBacked: true" })
    }

    func testP001UnknownInstitution() throws {
        try expect(.P001, "products/loan-a.yml", line: 3, column: 14, { replace(&$0, "products/loan-a.yml", "institution: bank-a", "institution: bank-z") })
    }

    func testP010GuaranteeMethodsForLoan() throws {
        try expect(.P010, "products/loan-a.yml", line: 1, column: 1, { replace(&$0, "products/loan-a.yml", "guaranteeMethods: [信用]\n", "") })
    }

    func testP011APRRequiredForLoan() throws {
        try expect(.P011, "products/loan-a.yml", line: 1, column: 1, { replace(&$0, "products/loan-a.yml", "apr: {min: 3.5, max: 4.5}\n", "") })
    }

    func testP012APRMethodRequired() throws {
        try expect(.P012, "products/loan-a.yml", line: 1, column: 1, { replace(&$0, "products/loan-a.yml", "aprMethod: 单利\n", "") })
    }

    func testP013FeeRateForGuarantee() throws {
        try expect(.P013, "products/gua-loan.yml", line: 1, column: 1, { replace(&$0, "products/gua-loan.yml", "feeRate: 1.0\n", "") })
    }

    func testP014FeeAboveCap() throws {
        try expect(.P014, "products/gua-loan.yml", line: 9, column: 10, { replace(&$0, "products/gua-loan.yml", "feeRate: 1.0", "feeRate: 1.2") })
    }

    func testP015UnknownPolicy() throws {
        try expect(.P015, "products/loan-a.yml", line: 17, column: 11, { replace(&$0, "products/loan-a.yml", "policies: [pol-a]", "policies: [pol-z]") })
    }

    func testP016CategoryDoesNotFitInstitution() throws {
        try expect(.P016, "products/loan-a.yml", line: 4, column: 11, { replace(&$0, "products/loan-a.yml", "institution: bank-a", "institution: gua-a") })
    }

    func testL001DocNumber() throws {
        try expect(.L001, "policies/pol-a.md", line: 4, column: 12, { replace(&$0, "policies/pol-a.md", "测金发〔2026〕1号", "测金发[2026]1号") })
    }

    func testL002ExpiresBeforeEffective() throws {
        try expect(.L002, "policies/pol-a.md", line: 7, column: 10, { replace(&$0, "policies/pol-a.md", "expires: 长期", "expires: 2025-01-01") })
    }

    func testD001UnknownInstitution() throws {
        try expect(.D001, "disclosures/bank-z.yml", line: 1, column: 14, { p in
            p.files["disclosures/bank-z.yml"] = p.files["disclosures/bank-a.yml"]!.replacingOccurrences(of: "institution: bank-a", with: "institution: bank-z")
        })
    }

    func testD002NotABank() throws {
        try expect(.D002, "disclosures/gua-a.yml", line: 1, column: 14, { p in
            p.files["disclosures/gua-a.yml"] = p.files["disclosures/bank-a.yml"]!.replacingOccurrences(of: "institution: bank-a", with: "institution: gua-a")
                .replacingOccurrences(of: "product: loan-a", with: "product: gua-loan")
        })
    }

    func testD003ReplyDeadline() throws {
        try expect(.D003, "disclosures/bank-a.yml", line: 13, column: 21, { replace(&$0, "disclosures/bank-a.yml", "replyWorkingDays: 5", "replyWorkingDays: 7") })
    }

    func testD004DecisionDeadline() throws {
        try expect(.D004, "disclosures/bank-a.yml", line: 14, column: 17, { replace(&$0, "disclosures/bank-a.yml", "decisionDays: 30", "decisionDays: 45") })
    }

    func testD005Stale() throws {
        try expect(.D005, "disclosures/bank-a.yml", line: 2, column: 12, { replace(&$0, "disclosures/bank-a.yml", "published: 2026-06-01", "published: 2025-06-01") })
    }

    func testD006BankWithoutFourLists() throws {
        try expect(.D006, "institutions/bank-a.yml", line: 3, column: 7, { $0.files.removeValue(forKey: "disclosures/bank-a.yml") })
    }

    func testD007NPLTolerance() throws {
        try expect(.D007, "disclosures/bank-a.yml", line: 21, column: 17, { replace(&$0, "disclosures/bank-a.yml", "nplTolerance: 3", "nplTolerance: 5") })
    }

    func testD008MaxAmount() throws {
        try expect(.D008, "disclosures/bank-a.yml", line: 4, column: 44, { replace(&$0, "disclosures/bank-a.yml", "maxAmount: 300", "maxAmount: 0") })
    }

    func testD009CreditProductNotThisBanks() throws {
        try expect(.D009, "disclosures/bank-a.yml", line: 7, column: 14, { replace(&$0, "disclosures/bank-a.yml", "product: loan-a", "product: gua-loan") })
    }

    func testG001SeqOrder() throws {
        try expect(.G001, "ledgers/led-a.yml", line: 5, column: 10, { replace(&$0, "ledgers/led-a.yml", "seq: 1", "seq: 2") })
    }

    func testG002UnknownPlan() throws {
        try expect(.G002, "ledgers/led-a.yml", line: 3, column: 7, { replace(&$0, "ledgers/led-a.yml", "plan: pol-a", "plan: pol-z") })
    }

    func testG003OverdueMilestone() throws {
        try expect(.G003, "ledgers/led-a.yml", line: 8, column: 7, { replace(&$0, "ledgers/led-a.yml", "date: 2026-03-10", "date: 2026-02-10") })
    }

    func testG004ReportDay() throws {
        try expect(.G004, "ledgers/led-a.yml", line: 4, column: 18, { replace(&$0, "ledgers/led-a.yml", "plan: pol-a\n", "plan: pol-a\nreportDays: [10, 32]\n") })
    }

    func testE001EndBeforeStart() throws {
        try expect(.E001, "events/ev-a.yml", line: 3, column: 6, { replace(&$0, "events/ev-a.yml", "end: 2026-12-01T11:30", "end: 2026-12-01T08:30") })
    }

    func testV017ScaffoldSampleRefused() throws {
        try expect(.V017, "products/loan-a.yml", line: 2, column: 7, { replace(&$0, "products/loan-a.yml", "name: 测试贷", "name: \"示例：科信贷\"") })
    }

    func testV001EmptyMandatoryText() throws {
        try expect(.V001, "products/loan-a.yml", line: 5, column: 10, { replace(&$0, "products/loan-a.yml", "summary: 测试用信用贷款", "summary: \"\"") })
    }

    // MARK: Advisers (金融顾问): the generic field rules and references, as for every kind

    func testV001AdvisorPhoneMissing() throws {
        try expect(.V001, "advisors/adv-a.yml", line: 1, column: 1, { replace(&$0, "advisors/adv-a.yml", "phone: \"0535-3333333\"\n", "") })
    }

    func testV005AdvisorRoleUnknown() throws {
        try expect(.V005, "advisors/adv-a.yml", line: 3, column: 7, { replace(&$0, "advisors/adv-a.yml", "role: 金融辅导员", "role: 辅导老师") })
    }

    func testV005AdvisorExpertiseUnknown() throws {
        try expect(.V005, "advisors/adv-a.yml", line: 7, column: 17, { replace(&$0, "advisors/adv-a.yml", "[信贷, 小微企业]", "[信贷, 炒股]") })
    }

    func testV013AdvisorDistrictsEmpty() throws {
        try expect(.V013, "advisors/adv-a.yml", line: 6, column: 12, { replace(&$0, "advisors/adv-a.yml", "[测试区]", "[]") })
    }

    func testV016AdvisorInstitutionUnknown() throws {
        try expect(.V016, "advisors/adv-a.yml", line: 5, column: 14, { replace(&$0, "advisors/adv-a.yml", "institution: bank-a", "institution: bank-z") })
    }

    func testV009AdvisorIDDiffersFromFileName() throws {
        try expect(.V009, "advisors/adv-a.yml", line: 1, column: 5, { replace(&$0, "advisors/adv-a.yml", "id: adv-a", "id: adv-b") })
    }

    func testAdvisorDiagnosticsNameTheChineseLabel() throws {
        var p = MiniPortal()
        replace(&p, "advisors/adv-a.yml", "institution: bank-a", "institution: bank-z")
        let d = try p.diagnostics().first { $0.code == .V016 }
        XCTAssertEqual(d?.text.contains("所属机构 (institution)"), true, d?.text ?? "none")
        XCTAssertEqual(d?.text.contains("bank-z"), true, d?.text ?? "none")
    }

    func testAllErrorsReportedNotJustTheFirst() throws {
        var p = MiniPortal()
        replace(&p, "products/loan-a.yml", "category: 信贷", "category: 贷款")
        replace(&p, "institutions/bank-a.yml", "91370600MA3C4X8N49", "91370600MA3C4X8N4L")
        replace(&p, "disclosures/bank-a.yml", "replyWorkingDays: 5", "replyWorkingDays: 9")
        let codes = Set(try p.diagnostics().map(\.code))
        XCTAssertTrue(codes.isSuperset(of: [.V005, .I001, .D003]), "\(codes)")
    }

    func testCSVWithChineseHeadersInGB18030() throws {
        // "产品编号,产品名称\nx,y" in GB18030, with a bad cell in row 2, column 3 (所属机构 unknown).
        var p = MiniPortal()
        p.files.removeValue(forKey: "products/gua-loan.yml")
        let csv = "产品编号,产品名称,所属机构,产品类别,产品简介,适用对象,担保方式,额度（万元）,期限（月）,年化利率（%）,年化利率计算方式,申请条件,所需材料,办理流程,办理时限（工作日）,联系电话,更新日期\n"
            + "csv-a,甲贷,bank-zz,信贷,简介,小微企业；个体工商户,信用,10-100,1-12,3.5-4.5,单利,条件一；条件二,执照,申请；放款,5,0535-1,2026-01-01\n"
        let all = try p.diagnostics { dir in
            let gb = try XCTUnwrap(Self.gb18030(csv))
            try Data(gb).write(to: dir.appendingPathComponent("products/batch.csv"))
        }
        let d = try XCTUnwrap(all.first { $0.code == .P001 }, "\(all.map(\.text))")
        XCTAssertEqual(d.location.file, "content/products/batch.csv")
        XCTAssertEqual(d.location.line, 2)
        XCTAssertEqual(d.location.column, 3)
        XCTAssertEqual(all.filter { $0.severity == .error }.count, 1, "\(all.map(\.text))")
    }

    /// UTF-8 → GB18030 with glibc's iconv, as Excel in China would save it.
    static func gb18030(_ s: String) -> [UInt8]? {
        let cd = iconv_open("GB18030", "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(s.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var written = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress, inLeft = inBuf.count
                var outPtr = outBuf.baseAddress, outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                written = outBuf.count - outLeft
                return r != -1
            }
        }
        return ok ? output.prefix(written).map { UInt8(bitPattern: $0) } : nil
    }

    func testCreditCodeVectors() {
        XCTAssertEqual(CreditCode.verify("91370600MA3C4X8N49"), .valid)
        XCTAssertEqual(CreditCode.verify("91350100M000100Y43"), .valid)
        XCTAssertEqual(CreditCode.verify("91350100M000100Y44"), .wrongCheckCharacter(expected: "3"))
        XCTAssertEqual(CreditCode.verify("9135"), .wrongLength(4))
    }
}
