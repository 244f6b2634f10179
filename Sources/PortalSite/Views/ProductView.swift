import PortalModel

/// What templates see of a product. Rates and ranges are formatted here so
/// every page shows them the same way.
enum ProductView {
    static func card(_ p: Product, _ index: PortalIndex) -> ProductCard {
        // Ids are unique in any portal that passes the check, and only those are built.
        index.cards.value(p.id) { ProductCard(cardValues(p, index)) }
    }

    static func cardValues(_ p: Product, _ index: PortalIndex) -> [String: Any] {
        let institution = index.institutionsByID[p.institution]
        var v: [String: Any] = [
            "id": p.id,
            "name": p.name,
            "url": Paths.product(p.id),
            "summary": p.summary,
            "category": p.category.rawValue,
            "categoryLabel": p.category.label,
            "institutionName": institution?.name ?? p.institution,
            "institutionURL": Paths.institution(p.institution),
            "targets": p.targets.map { ["label": $0.label, "slug": $0.slug, "url": Paths.target($0.slug)] },
            "targetSlugs": p.targets.map(\.slug).joined(separator: " "),
            "guaranteeMethods": Maybe.text(p.guaranteeMethods.map(\.label).joined(separator: "、")),
            "guaranteeSlugs": p.guaranteeMethods.map(\.slug).joined(separator: " "),
            "amountText": Format.amount(p.amount),
            "termText": Format.range(p.termMonths, unit: " 个月"),
            "amountMin": Format.number(p.amount?.min ?? 0), "amountMax": Format.number(p.amount?.max ?? 0),
            "termMin": Format.number(p.termMonths?.min ?? 0), "termMax": Format.number(p.termMonths?.max ?? 0),
            "processingDays": p.processingDays.map(String.init) ?? "",
            "discontinued": p.isDiscontinued(on: index.date),
        ]
        if let apr = p.apr {
            v["apr"] = [
                "text": Format.range(apr, unit: "%"),
                "min": Format.number(apr.min), "max": Format.number(apr.max),
                "simple": p.aprMethod == .simple,
                "method": p.aprMethod?.label ?? "",
            ] as [String: Any]
        } else {
            v["apr"] = false   // named by the templates: present, so strict templates see it
        }
        v["feeRate"] = p.feeRate.map { Format.number($0) + "%/年" } ?? ""
        v["premiumRate"] = p.premiumRate.map { Format.number($0) + "%" } ?? ""
        return v
    }

    /// What a product page shows beyond its card (the QR code aside).
    static func pageExtras(_ p: Product, _ index: PortalIndex) -> [String: Any] {
        let institution = index.institutionsByID[p.institution]
        let own: [String: Any] = [
            "eligibility": p.eligibility,
            "materials": p.materials,
            "process": p.process,
            "repayment": Maybe.text(p.repayment),
            "contactName": Maybe.text(p.contact.name),
            "contactPhone": p.contact.phone,
            "applyURL": Maybe.text(p.applyURL),
            "policies": p.policies.compactMap { id in
                index.policiesByID[id].map { ["title": $0.title, "url": Paths.policy($0.id), "docNumber": $0.docNumber] }
            },
            "validUntil": Maybe.text(p.validUntil?.chinese),
            "updated": p.updated?.chinese ?? "",
            "updatedISO": p.updated?.description ?? "",
            "descriptionHTML": MarkdownText.maybe(p.description, topHeadingLevel: 3),
            "institutionPhone": institution?.phone ?? "",
            "institutionAddress": Maybe.text(institution?.address),
            "canonicalURL": index.absoluteURL(Paths.product(p.id)),
            "posterURL": Paths.productPoster(p.id),
            "qrSVGFile": Paths.productQRSVG(p.id),
            "qrPNGFile": Paths.productQRPNG(p.id),
            "hasDisclosure": index.disclosuresByInstitution[p.institution] != nil,
            "disclosureURL": Paths.disclosure(p.institution),
        ]
        // What other kinds add (advisers who can help with this product).
        return own.merging(SiteKinds.productPanels(p, index)) { mine, _ in mine }
    }

    /// The product page's context: its card and the extras. The pages show the
    /// QR code as an image file, not inline: WeChat's long-press "识别图中二维码"
    /// works on images, and a page does not carry a second copy of the code.
    static func page(card: ProductCard, extras: [String: Any]) -> [String: Any] {
        var v = card.values
        v.merge(extras) { _, extra in extra }
        return v
    }
}

/// A product's QR code in the two files the site publishes.
struct QRAssets {
    let svgFile: [UInt8]
    let pngFile: [UInt8]
}
