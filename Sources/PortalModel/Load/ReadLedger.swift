extension Ledger {
    static func read(_ r: FieldReader, fileID: String) -> Ledger {
        var l = Ledger(id: fileID, source: r.sourceMap)
        l.title = r.string("title") ?? ""
        l.kind = r.choice("kind", LedgerKind.self) ?? .comprehensive
        l.plan = r.id("plan")
        if let days = r.integerList("reportDays") { l.reportDays = days }
        l.items = r.objectList("items").enumerated().compactMap { index, i in
            let seq = i.integer("seq"), task = i.string("task")
            let item = LedgerItem(
                seq: seq ?? 0, requirement: i.string("requirement"), task: task ?? "",
                deadline: i.string("deadline"),
                milestones: i.objectList("milestones").compactMap { m in
                    let due = m.date("due"), what = m.string("what")
                    guard let due, let what else { return nil }
                    return Milestone(due: due, what: what)
                },
                measures: i.string("measures"), goals: i.string("goals"),
                units: i.stringList("units") ?? [],
                progress: i.objectList("progress").compactMap { p in
                    let date = p.date("date"), text = p.string("text")
                    guard let date, let text else { return nil }
                    return ProgressEntry(date: date, text: text)
                },
                index: index)
            return seq == nil ? nil : item
        }
        l.source = r.sourceMap
        return l
    }
}
