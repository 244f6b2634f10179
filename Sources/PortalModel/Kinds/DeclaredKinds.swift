// The kinds of the content contract (shared/design/content-model.md), each
// declared once. Items sort by id, then by where they were read (a file, or
// a row of a CSV file), so duplicates sort deterministically too. Their keys, so field tables can refer to them (`.reference(.institution)`):
extension ContentKind {
    public static let institution = ContentKind(rawValue: "institution")
    public static let product = ContentKind(rawValue: "product")
    public static let policy = ContentKind(rawValue: "policy")
    public static let disclosure = ContentKind(rawValue: "disclosure")
    public static let ledger = ContentKind(rawValue: "ledger")
    public static let event = ContentKind(rawValue: "event")
    public static let page = ContentKind(rawValue: "page")
}

extension ContentKinds {
    /// site.yml: read on its own, before the folders (its rules bound them).
    public static let site = ContentKindDeclaration(
        .site, label: "站点设置", folder: "", fields: Schemas.site, formats: [.yaml], items: \.sites,
        read: { r, _, _ in Site.read(r) }, id: { _ in "site" }, source: { $0.source }, sortBy: \.source.root)

    public static let institution = ContentKindDeclaration(
        .institution, label: "金融机构", folder: "institutions", fields: Schemas.institution, formats: [.yaml],
        items: \.institutions, read: { r, id, _ in Institution.read(r, fileID: id) },
        id: \.id, source: \.source, sortBy: \.source.root,
        texts: { ["name": $0.name, "address": $0.address, "summary": $0.summary] })

    public static let product = ContentKindDeclaration(
        .product, label: "金融产品", folder: "products", fields: Schemas.product, formats: [.yaml, .csv],
        items: \.products, read: { r, id, _ in Product.read(r, fileID: id) },
        id: \.id, source: \.source, sortBy: \.source.root,
        texts: { p in
            var fields = ["name": p.name, "summary": p.summary, "repayment": p.repayment, "description": p.description]
            for (key, list) in [("eligibility", p.eligibility), ("materials", p.materials), ("process", p.process)] {
                for (n, text) in list.enumerated() { fields["\(key)[\(n)]"] = text }
            }
            return fields
        })

    public static let policy = ContentKindDeclaration(
        .policy, label: "惠企政策", folder: "policies", fields: Schemas.policy, formats: [.markdown],
        items: \.policies, read: { r, id, body in Policy.read(r, fileID: id, body: body ?? "") },
        id: \.id, source: \.source, sortBy: \.source.root,
        texts: { p in
            var fields = ["title": p.title, "docNumber": p.docNumber, "summary": p.summary]
            for (n, m) in p.measures.enumerated() {
                fields["measures[\(n)].title"] = m.title
                fields["measures[\(n)].summary"] = m.summary
            }
            return fields
        }, body: \.body)

    public static let disclosure = ContentKindDeclaration(
        .disclosure, label: "四张清单", folder: "disclosures", fields: Schemas.disclosure, formats: [.yaml],
        idField: "institution", items: \.disclosures, read: { r, id, _ in Disclosure.read(r, fileID: id) },
        id: \.institution, source: \.source, sortBy: \.source.root)

    public static let ledger = ContentKindDeclaration(
        .ledger, label: "工作台账", folder: "ledgers", fields: Schemas.ledger, formats: [.yaml],
        items: \.ledgers, read: { r, id, _ in Ledger.read(r, fileID: id) },
        id: \.id, source: \.source, sortBy: \.source.root)

    public static let event = ContentKindDeclaration(
        .event, label: "银企对接活动", folder: "events", fields: Schemas.event, formats: [.yaml],
        items: \.events, read: { r, id, _ in Event.read(r, fileID: id) },
        id: \.id, source: \.source, sortBy: \.source.root,
        texts: { ["title": $0.title, "place": $0.place, "organizer": $0.organizer, "description": $0.description] })

    public static let page = ContentKindDeclaration(
        .page, label: "页面", folder: "pages", fields: Schemas.page, formats: [.markdown],
        items: \.pages, read: { r, id, body in Page.read(r, fileID: id, body: body ?? "") },
        id: \.id, source: \.source, sortBy: \.source.root,
        texts: { ["title": $0.title, "description": $0.description] }, body: \.body)
}
