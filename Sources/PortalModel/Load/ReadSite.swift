extension Site {
    static func read(_ r: FieldReader) -> Site {
        var s = Site(source: r.sourceMap)
        s.title = r.string("title") ?? ""
        s.city = r.string("city") ?? ""
        s.baseURL = r.url("baseURL") ?? s.baseURL
        s.organizer = r.string("organizer") ?? ""
        s.contact = r.string("contact") ?? ""
        s.siteCode = r.string("siteCode")
        s.icp = r.string("icp")
        s.psb = r.string("psb")
        s.language = r.string("language") ?? "zh-CN"
        s.description = r.string("description")
        s.pageSize = r.integer("pageSize") ?? Site.defaultPageSize
        s.feedSize = r.integer("feedSize") ?? Site.defaultFeedSize
        if let rules = r.object("rules") {
            if let v = rules.integer("replyWorkingDaysMax") { s.rules.replyWorkingDaysMax = v }
            if let v = rules.integer("decisionDaysMax") { s.rules.decisionDaysMax = v }
            if let v = rules.integer("expiringSoonDays") { s.rules.expiringSoonDays = v }
            if let v = rules.integer("disclosureMaxAgeDays") { s.rules.disclosureMaxAgeDays = v }
            if let v = rules.integer("maxFileKB") { s.rules.maxFileKB = v }
            if rules.has("guaranteeFeeCaps") {
                s.rules.guaranteeFeeCaps = rules.objectList("guaranteeFeeCaps").compactMap { c in
                    guard let rate = c.number("maxRate") else { return nil }
                    return GuaranteeFeeCap(upToAmount: c.number("upToAmount"), maxRate: rate)
                }
            }
        }
        s.source = r.sourceMap
        return s
    }
}
