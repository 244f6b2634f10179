import PortalModel

enum PolicyView {
    /// A policy in a list, made once per build however many lists show it.
    static func shared(_ p: Policy, _ index: PortalIndex) -> SharedContext {
        index.policyCards.value(p.id) { SharedContext(encoding: card(p, index)) }
    }

    /// A policy's fields in every list (and on its own page).
    struct Card: Encodable, Sendable {
        let id, title, url, docNumber, issuers, issued, issuedISO, expires: String
        let level, levelSlug, status, statusSlug: String
        let topics: [String]
        let summary: String
    }

    static func card(_ p: Policy, _ index: PortalIndex) -> Card {
        let status = index.status(p)
        return Card(
            id: p.id, title: p.title, url: Paths.policy(p.id), docNumber: p.docNumber,
            issuers: p.issuers.joined(separator: "、"),
            issued: p.issued?.chinese ?? "", issuedISO: p.issued?.description ?? "",
            expires: p.longTerm ? "长期" : (p.expires?.chinese ?? ""),
            level: p.level.label, levelSlug: p.level.slug, status: status.rawValue, statusSlug: status.slug,
            topics: p.topics, summary: p.summary ?? "")
    }

    /// What `policy.mustache` sees: the card's fields beside the page's own.
    typealias Page = CardPage<Card, Details>

    struct Details: Encodable, Sendable {
        let effective: String
        let responsibleUnits: [String]
        let measures: [Measure]
        let hasMeasures: Bool
        let consultPhone, sourceURL: String?
        let bodyHTML: MarkdownText
        /// The first page of the products that name this policy; all of them
        /// are listed, paginated, at `moreProductsURL` when they are more.
        let products: [ProductCard]
        let hasProducts: Bool
        let productCount: Int
        let moreProductsURL: String?
        let ledgers: [Link]
    }

    struct Measure: Encodable, Sendable {
        let title, kind, summary, rate, cap: String
    }

    struct Link: Encodable, Sendable {
        let title, url: String
    }

    static func page(_ p: Policy, _ index: PortalIndex) -> Page {
        let products = index.listedProductsByPolicy[p.id] ?? []
        return Page(card: card(p, index), details: Details(
            effective: p.effectiveDate?.chinese ?? "",
            responsibleUnits: p.responsibleUnits,
            measures: p.measures.map { Measure(title: $0.title, kind: $0.kind.label, summary: $0.summary, rate: $0.rate ?? "", cap: $0.cap ?? "") },
            hasMeasures: !p.measures.isEmpty,
            consultPhone: p.consultPhone, sourceURL: p.sourceURL,
            bodyHTML: MarkdownText(p.body),
            products: products.prefix(index.portal.site.pageSize).map { ProductView.card($0, index) },
            hasProducts: !products.isEmpty,
            productCount: products.count,
            moreProductsURL: products.count > index.portal.site.pageSize ? Paths.policyProducts(p.id) : nil,
            ledgers: index.portal.ledgers.filter { $0.plan == p.id }.map { Link(title: $0.title, url: Paths.ledger($0.id)) }))
    }
}
