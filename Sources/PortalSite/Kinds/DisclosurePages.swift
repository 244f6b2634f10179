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
                let banks = index.banks.map { bank -> [String: Any] in
                    var v = InstitutionView.card(bank, index)
                    if let d = index.disclosuresByInstitution[bank.id] { v["disclosure"] = DisclosureView.summary(d, index) }
                    return v
                }
                return [
                    "banks": banks,
                    "publishedCount": banks.filter { $0["disclosure"] != nil }.count,
                    "bankCount": banks.count,
                    "replyLimit": p.site.rules.replyWorkingDaysMax,
                    "decisionLimit": p.site.rules.decisionDaysMax,
                ]
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
}
