import PortalModel

enum ProductRules {
    static func check(_ c: inout RuleContext) {
        let specs = Schemas.product
        for p in c.portal.products {
            let institution = c.institutions[p.institution]
            if p.source.has("institution"), !p.institution.isEmpty, institution == nil, !c.isUnread(.institution, p.institution) {
                c.report(.P001, p.source, field: "institution", specs: specs,
                         "找不到机构 \(Excerpt.quoted(p.institution)) (no institution with this id)",
                         expected: "content/institutions/ 中已有的机构编号：" + nearby(p.institution, in: c.institutions.keys.sorted()))
            }
            if p.source.has("category") {
                if p.category.requiresAPR, p.guaranteeMethods.isEmpty, !p.source.has("guaranteeMethods") {
                    c.report(.P010, p.source, field: "guaranteeMethods", specs: specs,
                             "\(p.category.label)产品须填写担保方式 (required for a \(p.category.rawValue) product)",
                             expected: FieldKind.choiceList(GuaranteeMethod.pairs).expectation, example: "guaranteeMethods: [信用]")
                }
                if p.category.requiresAPR, !p.source.has("apr") {
                    c.report(.P011, p.source, field: "apr", specs: specs,
                             "\(p.category.label)产品须公示年化利率 (is required for a \(p.category.rawValue) product)",
                             expected: "按中国人民银行公告〔2021〕第3号，以年化利率 {min, max} 公示", example: "apr: {min: 3.45, max: 4.35}")
                }
                if p.category == .guarantee, !p.source.has("feeRate") {
                    c.report(.P013, p.source, field: "feeRate", specs: specs,
                             "担保产品须填写担保费率 (is required for a guarantee product)", example: "feeRate: 1.0")
                }
            }
            if p.source.has("apr"), !p.source.has("aprMethod") {
                c.report(.P012, p.source, field: "aprMethod", specs: specs,
                         "填写年化利率时须注明计算方式 (required when apr is given)",
                         expected: FieldKind.choice(APRMethod.pairs).expectation, example: "aprMethod: 单利")
            }
            if let rate = p.feeRate, let institution, institution.governmentBacked, let amount = p.amount,
               let cap = c.portal.site.rules.feeCap(forAmount: amount.min), rate > cap.maxRate {
                let scope = cap.upToAmount.map { "\(FieldKind.format($0)) 万元及以下" } ?? "该金额"
                c.report(.P014, p.source, field: "feeRate", specs: specs,
                         "\(institution.name)为政府性融资担保机构，\(scope)担保费率上限为 \(FieldKind.format(cap.maxRate))%，此处为 \(FieldKind.format(rate))% (above the cap)",
                         expected: "≤ \(FieldKind.format(cap.maxRate))")
            }
            for (i, policy) in p.policies.enumerated() where !c.policyIDs.contains(policy) && !c.isUnread(.policy, policy) {
                c.report(.P015, p.source, field: "policies", specs: specs,
                         "第 \(i + 1) 项：找不到政策 \(Excerpt.quoted(policy)) (no policy with this id)",
                         expected: "content/policies/ 中已有的政策编号：" + nearby(policy, in: c.policyIDs.sorted()))
            }
            if let institution, p.source.has("category"), let allowed = allowedTypes[p.category], !allowed.contains(institution.type) {
                c.report(.P016, p.source, field: "category", specs: specs,
                         "\(institution.name)是\(institution.type.label)机构，不能发布\(p.category.label)产品 (category does not fit the institution type)",
                         expected: allowed.map(\.label).joined(separator: "、") + "机构")
            }
        }
    }

    /// Which institutions may offer which kinds of product.
    static let allowedTypes: [ProductCategory: Set<InstitutionType>] = [
        .loan: [.bank, .microloan, .fund, .other],
        .guarantee: [.guarantee],
        .insurance: [.insurance],
        .leasing: [.leasing],
    ]

    /// Up to five ids closest to a wrong one, to help spot a typo.
    static func nearby(_ id: String, in ids: [String]) -> String {
        let best = ids.sorted { a, b in
            let (da, db) = (editDistance(a, id), editDistance(b, id))
            return da != db ? da < db : a < b
        }
        return best.prefix(5).joined(separator: "、") + (ids.count > 5 ? " …" : "")
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var prev = Array(0...y.count), cur = prev
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
