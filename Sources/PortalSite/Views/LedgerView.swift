import PortalModel

enum LedgerView {
    static func card(_ l: Ledger, _ index: PortalIndex) -> [String: Any] {
        let overdue = l.items.filter { !$0.overdueMilestones(on: index.date).isEmpty }.count
        return [
            "id": l.id, "title": l.title, "url": Paths.ledger(l.id), "kind": l.kind.label,
            "itemCount": l.items.count, "overdueCount": overdue,
            "reportDays": l.reportDays.map { "\($0)日" }.joined(separator: "、"),
        ]
    }

    static func page(_ l: Ledger, _ index: PortalIndex) -> [String: Any] {
        var v = card(l, index)
        if let plan = l.plan, let p = index.policiesByID[plan] {
            v["plan"] = ["title": p.title, "url": Paths.policy(p.id), "docNumber": p.docNumber]
        }
        v["items"] = l.items.map { item -> [String: Any] in
            let overdue = item.overdueMilestones(on: index.date)
            return [
                "seq": item.seq,
                "requirement": item.requirement ?? "",
                "task": item.task,
                "deadline": item.deadline ?? "",
                "milestones": item.milestones.map { m -> [String: Any] in
                    let isOverdue = overdue.contains { $0.due == m.due && $0.what == m.what }
                    return ["due": m.due.description, "what": m.what, "overdue": isOverdue]
                },
                "measures": item.measures ?? "",
                "goals": item.goals ?? "",
                "units": item.units.joined(separator: "、"),
                "progress": item.progress.sorted { $0.date > $1.date }.map { ["date": $0.date.description, "text": $0.text] },
                "overdue": !overdue.isEmpty,
            ]
        }
        return v
    }
}
