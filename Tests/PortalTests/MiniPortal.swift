import Foundation
@testable import PortalCheck
@testable import PortalModel

/// A small valid portal written to a temporary folder. Each test changes one
/// file so that exactly one rule fails, then asserts code, line and column.
struct MiniPortal {
    var files: [String: String] = [
        "site.yml": """
        title: 测试平台
        city: 测试市
        baseURL: https://t.example.gov.cn/
        organizer: 测试市金融局
        contact: "0535-0000000"
        """,
        "institutions/bank-a.yml": """
        id: bank-a
        name: 测试银行
        type: 银行
        creditCode: 91370600MA3C4X8N49
        address: 测试路1号
        phone: "0535-1111111"
        updated: 2026-01-01
        """,
        "institutions/gua-a.yml": """
        id: gua-a
        name: 测试担保
        type: 融资担保
        creditCode: 91370600MA3C4X8N49
        governmentBacked: true
        address: 测试路2号
        phone: "0535-2222222"
        updated: 2026-01-01
        """,
        "products/loan-a.yml": """
        id: loan-a
        name: 测试贷
        institution: bank-a
        category: 信贷
        summary: 测试用信用贷款
        targets: [小微企业]
        guaranteeMethods: [信用]
        amount: {min: 10, max: 100}
        termMonths: {min: 1, max: 12}
        apr: {min: 3.5, max: 4.5}
        aprMethod: 单利
        eligibility: [依法经营]
        materials: [营业执照]
        process: [申请, 放款]
        processingDays: 5
        contact: {phone: "0535-1111111"}
        policies: [pol-a]
        updated: 2026-01-01
        """,
        "products/gua-loan.yml": """
        id: gua-loan
        name: 测试担保产品
        institution: gua-a
        category: 担保
        summary: 测试担保
        targets: [小微企业]
        amount: {min: 10, max: 300}
        termMonths: {min: 1, max: 12}
        feeRate: 1.0
        eligibility: [依法经营]
        materials: [营业执照]
        process: [申请]
        processingDays: 5
        contact: {phone: "0535-2222222"}
        updated: 2026-01-01
        """,
        "policies/pol-a.md": """
        ---
        id: pol-a
        title: 测试政策
        docNumber: 测金发〔2026〕1号
        issuers: [测试市金融局]
        issued: 2026-01-01
        expires: 长期
        level: 市
        responsibleUnits: [测试市金融局]
        ---
        正文。
        """,
        "disclosures/bank-a.yml": """
        institution: bank-a
        published: 2026-06-01
        authorization:
          - {business: 信用贷款, level: 支行, maxAmount: 300}
        credit:
          - business: 信用贷款
            product: loan-a
            conditions: [依法经营]
        acceptance:
          materials: [营业执照]
          process:
            - {step: 受理, workingDays: 1}
          replyWorkingDays: 5
          decisionDays: 30
          channels: [网点]
        exemption:
          scope: 小微信贷
          exempt: [尽职无过错]
          notExempt: [违规操作]
          procedure: [申请, 认定]
          nplTolerance: 3
        """,
        "ledgers/led-a.yml": """
        title: 测试台账
        kind: 全面清单
        plan: pol-a
        items:
          - seq: 1
            task: 任务一
            milestones:
              - {due: 2026-03-01, what: 形成方案}
            progress:
              - {date: 2026-03-10, text: 已完成}
        """,
        "advisors/adv-a.yml": """
        id: adv-a
        name: 测试顾问
        role: 金融辅导员
        organization: 测试银行普惠金融部
        institution: bank-a
        districts: [测试区]
        expertise: [信贷, 小微企业]
        phone: "0535-3333333"
        updated: 2026-01-01
        """,
        "events/ev-a.yml": """
        title: 对接会
        start: 2026-12-01T09:30
        end: 2026-12-01T11:30
        place: 测试会场
        organizer: 测试市金融局
        """,
    ]

    static let date = SimpleDate("2026-11-23")!

    func write() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("huiqi-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    func writeBytes(_ bytes: [UInt8], to path: String, in dir: URL) throws {
        try Data(bytes).write(to: dir.appendingPathComponent(path))
    }

    /// Loads and checks; returns every diagnostic.
    func diagnostics(extra: (URL) throws -> Void = { _ in }) throws -> [Diagnostic] {
        let dir = try write()
        defer { try? FileManager.default.removeItem(at: dir) }
        try extra(dir)
        let loaded = try PortalLoader.load(contentDirectory: dir, displayRoot: "content")
        var list = loaded.diagnostics
        list.add(contentsOf: Checker.check(loaded.portal, on: MiniPortal.date))
        return list.sorted
    }
}
