import PortalModel

enum LedgerRules {
    static func check(_ c: inout RuleContext) {
        let specs = Schemas.ledger
        for l in c.portal.ledgers {
            if let plan = l.plan, !c.policyIDs.contains(plan), !c.isUnread(.policy, plan) {
                c.report(.G002, l.source, field: "plan", specs: specs, "找不到政策 \(Excerpt.quoted(plan)) (no policy with this id)",
                         expected: ProductRules.nearby(plan, in: c.policyIDs.sorted()))
            }
            for (position, item) in l.items.enumerated() where item.seq != position + 1 {
                c.report(.G001, l.source, field: "items[\(item.index)].seq", specs: specs,
                         "第 \(position + 1) 项的序号是 \(item.seq)，应为 \(position + 1) (seq must be 1..n in order)",
                         expected: "\(position + 1)")
            }
            for item in l.items {
                for m in item.overdueMilestones(on: c.date) {
                    c.report(.G003, l.source, field: "items[\(item.index)].milestones", specs: specs,
                             "第 \(item.seq) 项\(Excerpt.quoted(m.what))应于 \(m.due) 完成，此后没有进展记录 (overdue, no later progress)",
                             expected: "在 progress 中补充 \(m.due) 之后的进展")
                }
            }
        }
    }
}
