import PortalModel

/// The "four lists" [seed 004]: complete for every bank, deadlines within the
/// city's limits, kept up to date.
enum DisclosureRules {
    static func check(_ c: inout RuleContext) {
        let specs = Schemas.disclosure
        let rules = c.portal.site.rules
        for d in c.portal.disclosures {
            if d.source.has("institution"), !d.institution.isEmpty {
                if let inst = c.institutions[d.institution] {
                    if inst.type != .bank {
                        c.report(.D002, d.source, field: "institution", specs: specs,
                                 "\(inst.name)是\(inst.type.label)机构；四张清单由银行公示 (the four lists are for banks)")
                    }
                } else if !c.isUnread(.institution, d.institution) {
                    c.report(.D001, d.source, field: "institution", specs: specs,
                             "找不到机构 \(Excerpt.quoted(d.institution)) (no institution with this id)",
                             expected: ProductRules.nearby(d.institution, in: c.institutions.keys.sorted()))
                }
            }
            if let days = d.acceptance.replyWorkingDays, days > rules.replyWorkingDaysMax {
                c.report(.D003, d.source, field: "acceptance.replyWorkingDays", specs: specs,
                         "\(days) 个工作日超过本市上限 \(rules.replyWorkingDaysMax) 个工作日 (above the city's limit)",
                         expected: "≤ \(rules.replyWorkingDaysMax)")
            }
            if let days = d.acceptance.decisionDays, days > rules.decisionDaysMax {
                c.report(.D004, d.source, field: "acceptance.decisionDays", specs: specs,
                         "\(days) 天超过本市上限 \(rules.decisionDaysMax) 天 (above the city's limit)",
                         expected: "≤ \(rules.decisionDaysMax)")
            }
            if let published = d.published, published.days(until: c.date) > rules.disclosureMaxAgeDays {
                c.report(.D005, d.source, field: "published", specs: specs,
                         "公示于 \(published)，已超过 \(rules.disclosureMaxAgeDays) 天未更新 (older than allowed)",
                         expected: "重新核对四张清单并更新公示日期")
            }
            if let npl = d.exemption.nplTolerance, npl > 3 {
                c.report(.D007, d.source, field: "exemption.nplTolerance", specs: specs,
                         "\(FieldKind.format(npl)) 个百分点超过 3 个百分点 (above 3 points) [盐城措施]", expected: "≤ 3")
            }
            for (i, a) in d.authorization.enumerated() where a.maxAmount <= 0 {
                c.report(.D008, d.source, field: "authorization[\(i)].maxAmount", specs: specs,
                         "审批权限须大于 0 万元 (must be > 0)", expected: "> 0")
            }
            for (i, entry) in d.credit.enumerated() {
                guard let productID = entry.product else { continue }
                let product = c.productsByID[productID]
                if product == nil && c.isUnread(.product, productID) { continue }
                if product == nil || product!.institution != d.institution {
                    let own = c.portal.products.filter { $0.institution == d.institution }.map(\.id)
                    c.report(.D009, d.source, field: "credit[\(i)].product", specs: specs,
                             product == nil ? "找不到产品 \(Excerpt.quoted(productID)) (no product with this id)"
                                            : "产品 \(Excerpt.quoted(productID)) 不属于本行 (belongs to \(product!.institution))",
                             expected: "本行的产品编号：" + ProductRules.nearby(productID, in: own))
                }
            }
        }
        // A four-lists file that exists but could not be read has its own error already.
        let published = Set(c.portal.disclosures.map(\.institution)).union(c.portal.unreadIDs[.disclosure] ?? [])
        for inst in c.portal.institutions where inst.type == .bank && !published.contains(inst.id) {
            c.report(.D006, inst.source, field: "type", specs: Schemas.institution,
                     "\(inst.name)尚未公示四张清单 (no content/disclosures/\(inst.id).yml)",
                     expected: "新建 content/disclosures/\(inst.id).yml（可用 huiqi new disclosure \(inst.id)）")
        }
    }
}
