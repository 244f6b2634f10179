import PortalModel

enum PolicyView {
    /// A policy in a list, made once per build however many lists show it.
    static func shared(_ p: Policy, _ index: PortalIndex) -> SharedContext {
        index.policyCards.value(p.id) { SharedContext(card(p, index)) }
    }

    static func card(_ p: Policy, _ index: PortalIndex) -> [String: Any] {
        let status = index.status(p)
        return [
            "id": p.id,
            "title": p.title,
            "url": Paths.policy(p.id),
            "docNumber": p.docNumber,
            "issuers": p.issuers.joined(separator: "、"),
            "issued": p.issued?.chinese ?? "",
            "issuedISO": p.issued?.description ?? "",
            "expires": p.longTerm ? "长期" : (p.expires?.chinese ?? ""),
            "level": p.level.label,
            "levelSlug": p.level.slug,
            "status": status.rawValue,
            "statusSlug": status.slug,
            "topics": p.topics,
            "summary": p.summary ?? "",
        ]
    }

    static func page(_ p: Policy, _ index: PortalIndex) -> [String: Any] {
        var v = card(p, index)
        v["effective"] = p.effectiveDate?.chinese ?? ""
        v["responsibleUnits"] = p.responsibleUnits
        v["measures"] = p.measures.map { m -> [String: Any] in
            ["title": m.title, "kind": m.kind.label, "summary": m.summary, "rate": m.rate ?? "", "cap": m.cap ?? ""]
        }
        v["hasMeasures"] = !p.measures.isEmpty
        v["consultPhone"] = Maybe.text(p.consultPhone)
        v["sourceURL"] = Maybe.text(p.sourceURL)
        v["bodyHTML"] = MarkdownText(p.body)
        let products = index.listedProductsByPolicy[p.id] ?? []
        v["products"] = products.map { ProductView.card($0, index) }
        v["hasProducts"] = !products.isEmpty
        v["ledgers"] = index.portal.ledgers.filter { $0.plan == p.id }.map { ["title": $0.title, "url": Paths.ledger($0.id)] }
        return v
    }
}
