import PortalModel

/// The task ledgers (全面清单 / 重点清单): a list and a page per ledger.
enum LedgerPages {
    static let declaration = KindPages(
        .ledger, navigation: NavigationEntry(section: "ledgers", label: "工作台账", path: Paths.ledgers, order: 60),
        templates: ["ledgers", "ledger"], routes: routes)

    static func routes(_ index: PortalIndex) -> [Route] {
        var routes: [Route] = [
            .page(Paths.ledgers, "ledgers", title: "工作台账", section: "ledgers") {
                List(ledgers: index.portal.ledgers.map { LedgerView.card($0, index) })
            },
        ]
        for l in index.portal.ledgers {
            routes.append(.page(Paths.ledger(l.id), "ledger", title: l.title, section: "ledgers") { LedgerView.page(l, index) })
        }
        return routes
    }

    /// What `ledgers.mustache` sees.
    struct List: PageContext {
        let ledgers: [LedgerView.Card]
    }
}
