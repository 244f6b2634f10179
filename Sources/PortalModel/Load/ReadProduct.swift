extension Product {
    static func read(_ r: FieldReader, fileID: String) -> Product {
        var p = Product(id: r.id("id") ?? fileID, source: r.sourceMap)
        p.name = r.string("name") ?? ""
        p.institution = r.id("institution") ?? ""
        p.category = r.choice("category", ProductCategory.self) ?? .other
        p.summary = r.string("summary") ?? ""
        p.targets = r.choiceList("targets", TargetCustomer.self) ?? []
        p.guaranteeMethods = r.choiceList("guaranteeMethods", GuaranteeMethod.self) ?? []
        p.amount = r.range("amount")
        p.termMonths = r.range("termMonths")
        p.apr = r.range("apr")
        p.aprMethod = r.choice("aprMethod", APRMethod.self)
        p.feeRate = r.number("feeRate")
        p.premiumRate = r.number("premiumRate")
        p.eligibility = r.stringList("eligibility") ?? []
        p.materials = r.stringList("materials") ?? []
        p.process = r.stringList("process") ?? []
        p.processingDays = r.integer("processingDays")
        p.repayment = r.string("repayment")
        if let c = r.object("contact") {
            p.contact = ContactInfo(name: c.string("name"), phone: c.string("phone") ?? "")
        }
        p.applyURL = r.url("applyURL")
        p.policies = r.idList("policies")?.map(\.id) ?? []
        p.validUntil = r.date("validUntil")
        p.updated = r.date("updated")
        p.description = r.markdown("description")
        p.source = r.sourceMap
        return p
    }
}
