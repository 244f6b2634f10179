import PortalModel

enum InstitutionView {
    static func card(_ i: Institution, _ index: PortalIndex) -> [String: Any] {
        let products = (index.productsByInstitution[i.id] ?? []).filter { !$0.isDiscontinued(on: index.date) }
        return [
            "id": i.id,
            "name": i.name,
            "url": Paths.institution(i.id),
            "type": i.type.label,
            "typeKey": i.type.rawValue,
            "productCount": products.count,
            "phone": i.phone,
            "hasDisclosure": index.disclosuresByInstitution[i.id] != nil,
            "isBank": i.type == .bank,
            "disclosureURL": Paths.disclosure(i.id),
        ]
    }

    static func page(_ i: Institution, _ index: PortalIndex) -> [String: Any] {
        var v = card(i, index)
        v["creditCode"] = i.creditCode
        v["address"] = i.address
        v["website"] = Maybe.text(i.website)
        v["summary"] = Maybe.text(i.summary)
        v["governmentBacked"] = i.governmentBacked
        v["updated"] = i.updated?.chinese ?? ""
        let all = index.productsByInstitution[i.id] ?? []
        v["products"] = all.filter { !$0.isDiscontinued(on: index.date) }.map { ProductView.card($0, index) }
        let discontinued = all.filter { $0.isDiscontinued(on: index.date) }
        v["discontinued"] = discontinued.map { ProductView.card($0, index) }
        v["hasDiscontinued"] = !discontinued.isEmpty
        if let d = index.disclosuresByInstitution[i.id] { v["disclosure"] = DisclosureView.summary(d, index) }
        return v
    }
}

enum DisclosureView {
    static func summary(_ d: Disclosure, _ index: PortalIndex) -> [String: Any] {
        [
            "url": Paths.disclosure(d.institution),
            "published": d.published?.chinese ?? "",
            "replyWorkingDays": d.acceptance.replyWorkingDays.map(String.init) ?? "",
            "decisionDays": d.acceptance.decisionDays.map(String.init) ?? "",
        ]
    }

    static func page(_ d: Disclosure, _ index: PortalIndex) -> [String: Any] {
        var v = summary(d, index)
        let institution = index.institutionsByID[d.institution]
        v["institutionName"] = institution?.name ?? d.institution
        v["institutionURL"] = Paths.institution(d.institution)
        v["institutionPhone"] = institution?.phone ?? ""
        v["authorization"] = d.authorization.map {
            ["business": $0.business, "level": $0.level.label, "maxAmount": Format.number($0.maxAmount)]
        }
        v["credit"] = d.credit.map { c -> [String: Any] in
            var entry: [String: Any] = ["business": c.business, "conditions": c.conditions]
            if let id = c.product, let p = index.product(id: id) {
                entry["product"] = ["name": p.name, "url": Paths.product(p.id)]
            }
            return entry
        }
        v["materials"] = d.acceptance.materials
        v["process"] = d.acceptance.process.map { ["step": $0.step, "workingDays": String($0.workingDays)] }
        v["channels"] = d.acceptance.channels
        v["replyLimit"] = String(index.portal.site.rules.replyWorkingDaysMax)
        v["decisionLimit"] = String(index.portal.site.rules.decisionDaysMax)
        v["scope"] = d.exemption.scope
        v["exempt"] = d.exemption.exempt
        v["mitigated"] = d.exemption.mitigated
        v["hasMitigated"] = !d.exemption.mitigated.isEmpty
        v["notExempt"] = d.exemption.notExempt
        v["procedure"] = d.exemption.procedure
        v["nplTolerance"] = Maybe.text(d.exemption.nplTolerance.map(Format.number))
        return v
    }
}
