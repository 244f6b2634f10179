import XCTest
@testable import PortalCheck
@testable import PortalModel

/// The forms bank staff type (full-width digits, 顿号 lists, Excel's Chinese
/// dates, numbers with their unit) read as what they mean; what is
/// ambiguous or in another unit stays an error that says why.
final class TypedFormsTests: XCTestCase {
    func testFullWidthFoldsToASCII() {
        XCTAssertEqual(TypedForms.fold("１０-１００"), "10-100")
        XCTAssertEqual(TypedForms.fold("ｋｅｘｉｎｄａｉ"), "kexindai")
        XCTAssertEqual(TypedForms.fold("6－12"), "6-12")
        XCTAssertEqual(TypedForms.fold("小微企业"), "小微企业")
    }

    func testDatesAsPeopleWriteThem() {
        for text in ["2026-01-01", "2026-1-1", "2026/1/1", "2026.1.1", "2026年1月1日", "２０２６年１月１日", " 2026/01/01 "] {
            XCTAssertEqual(TypedForms.date(text).date, SimpleDate(year: 2026, month: 1, day: 1), text)
        }
        for text in ["1/2/2026", "2026/1-1", "2026年1月", "26/1/1", "2026-01-01x", "明年"] {
            XCTAssertNil(TypedForms.date(text).date, text)
        }
        let november = TypedForms.date("2026-11-31")
        XCTAssertNil(november.date)
        XCTAssertEqual(november.why?.contains("11 月只有 30 天"), true, november.why ?? "")
        XCTAssertEqual(TypedForms.date("2026-02-29").why?.contains("只有 28 天"), true)
        XCTAssertNotNil(TypedForms.date("2028-02-29").date)
        XCTAssertEqual(TypedForms.date("2026/13/1").why?.contains("没有 13 月"), true)
        XCTAssertEqual(TypedForms.date("1/2/2026").why?.contains("年份请写在前面"), true)
    }

    func testNumbersWithTheFieldsOwnUnit() {
        XCTAssertEqual(TypedForms.unit(ofLabel: "额度（万元）"), "万元")
        XCTAssertEqual(TypedForms.unit(ofLabel: "办理时限（工作日）"), "工作日")
        XCTAssertNil(TypedForms.unit(ofLabel: "产品名称"))
        XCTAssertEqual(TypedForms.strippingUnit("5个工作日", unit: "工作日").number, "5")
        XCTAssertEqual(TypedForms.strippingUnit("100万元", unit: "万元").number, "100")
        XCTAssertEqual(TypedForms.strippingUnit("１００ 万元", unit: "万元").number, "100")
        XCTAssertEqual(TypedForms.strippingUnit("3.5%", unit: "%").number, "3.5%")
        XCTAssertEqual(TypedForms.strippingUnit("100元", unit: "万元").foreignUnit, "元")
        XCTAssertEqual(TypedForms.strippingUnit("5天", unit: nil).foreignUnit, "天")
    }

    /// A product written as a bank clerk would, read into the same values as the tidy one.
    func testProductInTypedFormsLoadsCleanly() throws {
        var p = MiniPortal()
        let tidy = p.files["products/loan-a.yml"]!
        p.files["products/loan-a.yml"] = tidy
            .replacingOccurrences(of: "targets: [小微企业]", with: "targets: 小微企业、个体工商户")
            .replacingOccurrences(of: "guaranteeMethods: [信用]", with: "guaranteeMethods: [\"信用,保证\"]")
            .replacingOccurrences(of: "amount: {min: 10, max: 100}", with: "amount: １０-１００万元")
            .replacingOccurrences(of: "termMonths: {min: 1, max: 12}", with: "termMonths: 1－12个月")
            .replacingOccurrences(of: "processingDays: 5", with: "processingDays: 5个工作日")
            .replacingOccurrences(of: "updated: 2026-01-01", with: "updated: 2026年1月1日")
        let dir = try p.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = try PortalLoader.load(contentDirectory: dir, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics.sorted.map(\.text), [])
        let product = try XCTUnwrap(loaded.portal.products.first { $0.id == "loan-a" })
        XCTAssertEqual(product.targets, [.small, .individual])
        XCTAssertEqual(product.guaranteeMethods, [.credit, .surety])
        XCTAssertEqual(product.amount, NumberRange(min: 10, max: 100))
        XCTAssertEqual(product.termMonths, NumberRange(min: 1, max: 12))
        XCTAssertEqual(product.processingDays, 5)
        XCTAssertEqual(product.updated, SimpleDate(year: 2026, month: 1, day: 1))
    }

    func testAnotherUnitOrAnImpossibleDateIsRefusedWithTheReason() throws {
        var p = MiniPortal()
        p.files["products/loan-a.yml"] = p.files["products/loan-a.yml"]!
            .replacingOccurrences(of: "amount: {min: 10, max: 100}", with: "amount: 10-100元")
            .replacingOccurrences(of: "updated: 2026-01-01", with: "updated: 2026-11-31")
            .replacingOccurrences(of: "targets: [小微企业]", with: "targets: [三农，农户]")
        let all = try p.diagnostics()
        let amount = all.first { $0.field == "amount" }
        XCTAssertEqual(amount?.code, .V002)
        XCTAssertEqual(amount?.message.contains("应为 万元"), true, amount?.message ?? "none")
        let date = all.first { $0.field == "updated" }
        XCTAssertEqual(date?.code, .V006)
        XCTAssertEqual(date?.message.contains("11 月只有 30 天"), true, date?.message ?? "none")
        // 三农 is read; only 农户 is refused, by name.
        let targets = all.filter { $0.field == "targets" }
        XCTAssertEqual(targets.count, 1)
        XCTAssertEqual(targets.first?.message.contains("“农户”"), true, targets.first?.message ?? "none")
    }

    func testEmptyColumnsExcelLeavesAreIgnoredSilently() throws {
        var p = MiniPortal()
        p.files["products/batch.csv"] = "产品编号,产品名称,所属机构,产品类别,产品简介,适用对象,担保方式,额度（万元）,期限（月）,年化利率（%）,年化利率计算方式,申请条件,所需材料,办理流程,办理时限（工作日）,联系电话,更新日期,,\n"
            + "csv-a,甲贷,bank-a,信贷,简介,小微企业、三农,信用,10-100,1-12,3.5-4.5,单利,条件一,执照,申请；放款,5个工作日,0535-1,2026/1/1,,\n"
        let all = try p.diagnostics()
        XCTAssertEqual(all.filter { $0.location.file.hasSuffix("batch.csv") }.map(\.text), [])
    }
}
