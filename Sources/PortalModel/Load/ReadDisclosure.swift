extension Disclosure {
    static func read(_ r: FieldReader, fileID: String) -> Disclosure {
        var d = Disclosure(id: fileID, source: r.sourceMap)
        d.institution = r.id("institution") ?? ""
        d.published = r.date("published")
        d.authorization = r.objectList("authorization").compactMap { a in
            let business = a.string("business"), level = a.choice("level", AuthorizationLevel.self)
            let amount = a.number("maxAmount")
            guard let business, let level, let amount else { return nil }
            return AuthorizationEntry(business: business, level: level, maxAmount: amount)
        }
        d.credit = r.objectList("credit").compactMap { c in
            let business = c.string("business"), product = c.id("product"), conditions = c.stringList("conditions")
            guard let business else { return nil }
            return CreditEntry(business: business, product: product, conditions: conditions ?? [])
        }
        if let a = r.object("acceptance") {
            d.acceptance.materials = a.stringList("materials") ?? []
            d.acceptance.process = a.objectList("process").compactMap { s in
                let step = s.string("step"), days = s.integer("workingDays")
                guard let step, let days else { return nil }
                return ProcessStep(step: step, workingDays: days)
            }
            d.acceptance.replyWorkingDays = a.integer("replyWorkingDays")
            d.acceptance.decisionDays = a.integer("decisionDays")
            d.acceptance.channels = a.stringList("channels") ?? []
        }
        if let e = r.object("exemption") {
            d.exemption.scope = e.string("scope") ?? ""
            d.exemption.exempt = e.stringList("exempt") ?? []
            d.exemption.mitigated = e.stringList("mitigated") ?? []
            d.exemption.notExempt = e.stringList("notExempt") ?? []
            d.exemption.procedure = e.stringList("procedure") ?? []
            d.exemption.nplTolerance = e.number("nplTolerance")
        }
        d.source = r.sourceMap
        return d
    }
}
