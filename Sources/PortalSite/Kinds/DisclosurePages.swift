import PortalModel

/// The banks' "four lists" (四张清单) [seed 004]: which banks have published
/// theirs, and a page per bank.
enum DisclosurePages {
    static let declaration = KindPages(
        .disclosure, navigation: NavigationEntry(section: "four-lists", label: "四张清单", path: Paths.disclosures, order: 50),
        templates: ["disclosures", "disclosure"], routes: routes)

    static func routes(_ index: PortalIndex) -> [Route] {
        let p = index.portal
        var routes: [Route] = [
            .page(Paths.disclosures, "disclosures", title: "银行融资服务“四张清单”", section: "four-lists") {
                let banks = index.banks.map { bank in
                    Bank(card: InstitutionView.card(bank, index),
                         disclosure: index.disclosuresByInstitution[bank.id].map { DisclosureView.summary($0, index) })
                }
                return List(banks: banks, publishedCount: banks.filter { $0.disclosure != nil }.count, bankCount: banks.count,
                            replyLimit: p.site.rules.replyWorkingDaysMax, decisionLimit: p.site.rules.decisionDaysMax)
            }.listing(index.banks.count),
        ]
        for d in p.disclosures where index.institutionsByID[d.institution] != nil {
            let name = index.institutionsByID[d.institution]?.name ?? d.institution
            routes.append(.page(Paths.disclosure(d.institution), "disclosure", title: "\(name)“四张清单”", section: "four-lists") {
                DisclosureView.page(d, index)
            })
        }
        return routes
    }

    /// What `disclosures.mustache` sees.
    struct List: PageContext {
        let banks: [Bank]
        let publishedCount, bankCount, replyLimit, decisionLimit: Int
    }

    /// A bank's card with its "four lists", if it has published them.
    struct Bank: Encodable, Sendable {
        let card: InstitutionView.Card
        let disclosure: DisclosureView.Summary?
        private enum CodingKeys: CodingKey { case disclosure }
        func encode(to encoder: Encoder) throws {
            try card.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(disclosure, forKey: .disclosure)
        }
    }
}
