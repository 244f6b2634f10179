import PortalModel

enum DisclosureView {
    /// A bank's "four lists" where other pages mention them.
    struct Summary: Encodable, Sendable {
        let url, published, replyWorkingDays, decisionDays: String
    }

    static func summary(_ d: Disclosure, _ index: PortalIndex) -> Summary {
        Summary(url: Paths.disclosure(d.institution), published: d.published?.chinese ?? "",
                replyWorkingDays: d.acceptance.replyWorkingDays.map(String.init) ?? "",
                decisionDays: d.acceptance.decisionDays.map(String.init) ?? "")
    }

    /// What `disclosure.mustache` sees: the summary's fields beside the page's own.
    typealias Page = CardPage<Summary, Details>

    struct Details: Encodable, Sendable {
        let institutionName, institutionURL, institutionPhone: String
        let authorization: [Authorization]
        let credit: [Credit]
        let materials: [String]
        let process: [Step]
        let channels: [String]
        let replyLimit, decisionLimit: Int
        let scope: String
        let exempt, mitigated: [String]
        let hasMitigated: Bool
        let notExempt, procedure: [String]
        let nplTolerance: Double?
    }

    struct Authorization: Encodable, Sendable {
        let business, level: String
        let maxAmount: Double
    }

    struct Credit: Encodable, Sendable {
        let business: String
        let conditions: [String]
        let product: ProductLink?
    }

    struct ProductLink: Encodable, Sendable {
        let name, url: String
    }

    struct Step: Encodable, Sendable {
        let step: String
        let workingDays: Int
    }

    static func page(_ d: Disclosure, _ index: PortalIndex) -> Page {
        let institution = index.institutionsByID[d.institution]
        return Page(card: summary(d, index), details: Details(
            institutionName: institution?.name ?? d.institution,
            institutionURL: Paths.institution(d.institution),
            institutionPhone: institution?.phone ?? "",
            authorization: d.authorization.map { Authorization(business: $0.business, level: $0.level.label, maxAmount: $0.maxAmount) },
            credit: d.credit.map { c in
                Credit(business: c.business, conditions: c.conditions,
                       product: c.product.flatMap(index.product(id:)).map { ProductLink(name: $0.name, url: Paths.product($0.id)) })
            },
            materials: d.acceptance.materials,
            process: d.acceptance.process.map { Step(step: $0.step, workingDays: $0.workingDays) },
            channels: d.acceptance.channels,
            replyLimit: index.portal.site.rules.replyWorkingDaysMax,
            decisionLimit: index.portal.site.rules.decisionDaysMax,
            scope: d.exemption.scope, exempt: d.exemption.exempt, mitigated: d.exemption.mitigated,
            hasMitigated: !d.exemption.mitigated.isEmpty,
            notExempt: d.exemption.notExempt, procedure: d.exemption.procedure,
            nplTolerance: d.exemption.nplTolerance))
    }
}
