extension Policy {
    static func read(_ r: FieldReader, fileID: String, body: String) -> Policy {
        var p = Policy(id: r.id("id") ?? fileID, source: r.sourceMap)
        p.title = r.string("title") ?? ""
        p.docNumber = r.string("docNumber") ?? ""
        p.issuers = r.stringList("issuers") ?? []
        p.issued = r.date("issued")
        p.effective = r.date("effective")
        let expires = r.dateOrLongTerm("expires")
        p.expires = expires.date
        p.longTerm = expires.present && expires.date == nil
        p.level = r.choice("level", PolicyLevel.self) ?? .city
        p.topics = r.stringList("topics") ?? []
        p.responsibleUnits = r.stringList("responsibleUnits") ?? []
        p.measures = r.objectList("measures").compactMap { m in
            let title = m.string("title"), kind = m.choice("kind", MeasureKind.self), summary = m.string("summary")
            let rate = m.string("rate"), cap = m.string("cap")
            guard let title, let kind, let summary else { return nil }
            return Measure(title: title, kind: kind, summary: summary, rate: rate, cap: cap)
        }
        p.consultPhone = r.string("consultPhone")
        p.sourceURL = r.url("sourceURL")
        p.summary = r.string("summary")
        p.body = body
        p.source = r.sourceMap
        return p
    }
}
