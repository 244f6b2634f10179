import PortalModel

/// What templates see of a product. Rates and ranges are formatted here so
/// every page shows them the same way.
enum ProductView {
    static func card(_ p: Product, _ index: PortalIndex) -> ProductCard {
        // Ids are unique in any portal that passes the check, and only those are built.
        index.cards.value(p.id) { ProductCard(cardFields(p, index)) }
    }

    /// A product's fields in every list (and on its own page).
    struct Card: Encodable, Sendable {
        let id, name, url, summary, category, categoryLabel, institutionName, institutionURL: String
        let targets: [Target]
        let targetSlugs: String
        /// Labels joined; empty (false in a section) when the product names none.
        let guaranteeMethods: String
        let guaranteeSlugs, amountText, termText: String
        let amountMin, amountMax, termMin, termMax: Double
        let processingDays: String
        let discontinued: Bool
        let apr: APR?
        let feeRate, premiumRate: String
    }

    struct Target: Encodable, Sendable {
        let label, slug, url: String
    }

    struct APR: Encodable, Sendable {
        let text: String
        let min, max: Double
        let simple: Bool
        let method: String
    }

    static func cardFields(_ p: Product, _ index: PortalIndex) -> Card {
        let institution = index.institutionsByID[p.institution]
        return Card(
            id: p.id, name: p.name, url: Paths.product(p.id), summary: p.summary,
            category: p.category.rawValue, categoryLabel: p.category.label,
            institutionName: institution?.name ?? p.institution, institutionURL: Paths.institution(p.institution),
            targets: p.targets.map { Target(label: $0.label, slug: $0.slug, url: Paths.target($0.slug)) },
            targetSlugs: p.targets.map(\.slug).joined(separator: " "),
            guaranteeMethods: p.guaranteeMethods.map(\.label).joined(separator: "、"),
            guaranteeSlugs: p.guaranteeMethods.map(\.slug).joined(separator: " "),
            amountText: Format.amount(p.amount), termText: Format.range(p.termMonths, unit: " 个月"),
            amountMin: p.amount?.min ?? 0, amountMax: p.amount?.max ?? 0,
            termMin: p.termMonths?.min ?? 0, termMax: p.termMonths?.max ?? 0,
            processingDays: p.processingDays.map(String.init) ?? "",
            discontinued: p.isDiscontinued(on: index.date),
            apr: p.apr.map { apr in
                APR(text: Format.range(apr, unit: "%"), min: apr.min, max: apr.max,
                    simple: p.aprMethod == .simple, method: p.aprMethod?.label ?? "")
            },
            feeRate: p.feeRate.map { Format.number($0) + "%/年" } ?? "",
            premiumRate: p.premiumRate.map { Format.number($0) + "%" } ?? "")
    }

    /// What a product page shows beyond its card (the QR code aside).
    struct Extras: Encodable, Sendable {
        let eligibility, materials, process: [String]
        // Optional text is tested with {{#name}}: absent is false, and so is empty text.
        let repayment, contactName: String?
        let contactPhone: String
        /// The phone as a `tel:` target: what a phone dials, nothing else.
        let contactTel: String
        let applyURL: String?
        let policies: [PolicyLink]
        let validUntil: String?
        let updated, updatedISO: String
        let descriptionHTML: MarkdownText?
        let institutionPhone: String
        let institutionAddress: String?
        let canonicalURL, posterURL, qrSVGFile, qrPNGFile: String
        let hasDisclosure: Bool
        let disclosureURL: String
        /// "例：借 20 万元 24 个月…" for loans and leases with an APR.
        let costExample: CostExample?
        /// The interest method in plain words, beside the rate.
        let aprMethodNote: String?
        /// The portal's glossary page (`pages/glossary.md`), when it has one.
        let glossaryURL: String?
    }

    /// The cost of a typical loan of this product, worked out at build time.
    struct CostExample: Encodable, Sendable {
        let amount, months, rate, monthlyPayment, totalInterest: String
    }

    /// A loan of 20 万元 over 24 months, or the nearest the product allows, at its lowest APR.
    static func costExample(_ p: Product) -> CostExample? {
        guard p.category.requiresAPR, let apr = p.apr, let amount = p.amount, let term = p.termMonths else { return nil }
        let wan = min(max(20, amount.min), amount.max)
        let months = Int(min(max(24, term.min), term.max).rounded())
        guard months >= 1, let cost = LoanCost.equalInstalments(principal: wan * 10_000, months: months, annualRatePercent: apr.min,
                                                                compound: p.aprMethod == .compound) else { return nil }
        return CostExample(amount: Format.number(wan) + " 万元", months: "\(months) 个月", rate: Format.number(apr.min) + "%",
                           monthlyPayment: Format.yuan(cost.monthlyPayment), totalInterest: Format.yuan(cost.totalInterest))
    }

    static func aprMethodNote(_ p: Product) -> String? {
        switch p.aprMethod {
        case .simple?: return "单利：利息只按借款本金计算，不计“利滚利”"
        case .compound?: return "复利：利息计入本金再计息（“利滚利”）"
        case nil: return nil
        }
    }

    struct PolicyLink: Encodable, Sendable {
        let title, url, docNumber: String
    }

    static func pageExtras(_ p: Product, _ index: PortalIndex) -> Extras {
        let institution = index.institutionsByID[p.institution]
        return Extras(
            eligibility: p.eligibility, materials: p.materials, process: p.process,
            repayment: p.repayment, contactName: p.contact.name, contactPhone: p.contact.phone,
            contactTel: Format.tel(p.contact.phone),
            applyURL: p.applyURL,
            policies: p.policies.compactMap { id in
                index.policiesByID[id].map { PolicyLink(title: $0.title, url: Paths.policy($0.id), docNumber: $0.docNumber) }
            },
            validUntil: p.validUntil?.chinese, updated: p.updated?.chinese ?? "", updatedISO: p.updated?.description ?? "",
            descriptionHTML: MarkdownText.maybe(p.description, topHeadingLevel: 3),
            institutionPhone: institution?.phone ?? "", institutionAddress: institution?.address,
            canonicalURL: index.absoluteURL(Paths.product(p.id)), posterURL: Paths.productPoster(p.id),
            qrSVGFile: Paths.productQRSVG(p.id), qrPNGFile: Paths.productQRPNG(p.id),
            hasDisclosure: index.disclosuresByInstitution[p.institution] != nil,
            disclosureURL: Paths.disclosure(p.institution),
            costExample: costExample(p), aprMethodNote: aprMethodNote(p), glossaryURL: index.portal.pages.contains { $0.id == "glossary" } ? Paths.page("glossary") : nil)
    }

    /// The product page's context: its card, the extras and what other kinds
    /// add. The pages show the QR code as an image file, not inline: WeChat's
    /// long-press "识别图中二维码" works on images, and a page does not carry
    /// a second copy of the code.
    struct Page: PageContext {
        let card: ProductCard
        let panels: ProductPanels
        let extras: Extras

        /// One flat object, as the templates read it: the card's fields (encoded
        /// once for every list), then the panels, then the extras, later ones
        /// winning a name they share.
        func node(_ renderer: PageRenderer, file: String) -> RenderNode {
            var values = card.node.values
            values.merge(renderer.node(for: panels, file: file).values) { _, panel in panel }
            values.merge(renderer.node(for: extras, file: file).values) { _, own in own }
            return RenderNode(values)
        }
    }

    static func page(_ p: Product, _ index: PortalIndex) -> Page {
        Page(card: card(p, index), panels: SiteKinds.productPanels(p, index), extras: pageExtras(p, index))
    }
}

/// A product's QR code in the two files the site publishes.
struct QRAssets {
    let svgFile: [UInt8]
    let pngFile: [UInt8]
}
