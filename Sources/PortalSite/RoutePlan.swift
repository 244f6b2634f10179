import PortalModel

/// Every page of the portal and the template that renders it: the home page,
/// the tools, and each kind's pages as `SiteKinds` declares them.
enum RoutePlan {
    static func routes(_ index: PortalIndex) -> [Route] {
        var routes: [Route] = []
        routes += homeRoutes(index)
        for kind in SiteKinds.all { routes += kind.routes(index) }
        routes += toolRoutes(index)
        return routes
    }

    static func homeRoutes(_ index: PortalIndex) -> [Route] {
        let p = index.portal
        return [
            .page(Paths.home, "home", title: p.site.title, section: "home") {
                let upcoming = p.events.filter { !EventView.isPast($0, index) }
                    .sorted { ($0.start?.description ?? "") < ($1.start?.description ?? "") }
                // The six most recently updated, picked without sorting every product.
                let featured = Self.mostRecent(6, index.listedProducts)
                return Home(
                    latestPolicies: index.policiesByDate.prefix(5).map { PolicyView.shared($0, index) },
                    featuredProducts: featured.map { ProductView.card($0, index) },
                    upcomingEvents: upcoming.prefix(3).map { EventView.card($0, index) },
                    hasUpcoming: !upcoming.isEmpty,
                    categories: ProductPages.categoryFacets(index),
                    targets: ProductPages.targetFacets(index),
                    counts: Home.Counts(
                        products: index.listedProducts.count,
                        institutions: p.institutions.count,
                        policies: p.policies.count,
                        activePolicies: p.policies.filter { index.status($0) == .active || index.status($0) == .expiringSoon }.count,
                        banks: index.banks.count,
                        banksPublished: index.banks.filter { index.disclosuresByInstitution[$0.id] != nil }.count,
                        events: upcoming.count))
            },
            .page("404.html", "notfound", title: "页面未找到", section: "") { NotFound() },
            // The feed changes only with the policies (and the site's own settings).
            .text(Paths.feed, inputs: Feed.inputs(index)) { Feed.atom(index) }.listing(Feed.latest(index).count),
            // Kept while no document in it changed (an edit to a product's rate leaves it as it is).
            Route(key: Paths.searchIndex) {
                let sources = SearchIndex.sources(index)
                return Route.Plan(fingerprint: SearchIndex.fingerprint(sources)) { renderer in
                    [OutputFile(path: Paths.searchIndex, bytes: SearchIndex.json(sources, store: renderer.searchTerms))]
                }
            }.listing(p.products.count + p.policies.count),
        ]
    }

    /// The `n` products updated last (newest first, then by id).
    static func mostRecent(_ n: Int, _ products: [Product]) -> [Product] {
        func before(_ a: Product, _ b: Product) -> Bool {
            let (ua, ub) = (a.updated?.dayNumber ?? 0, b.updated?.dayNumber ?? 0)
            return ua != ub ? ua > ub : a.id < b.id
        }
        var top: [Product] = []
        for p in products where top.count < n || before(p, top[top.count - 1]) {
            let at = top.firstIndex { before(p, $0) } ?? top.count
            top.insert(p, at: at)
            if top.count > n { top.removeLast() }
        }
        return top
    }


    static func toolRoutes(_ index: PortalIndex) -> [Route] {
        [
            .page(Paths.search, "search", title: "站内搜索", section: "") {
                Search(indexURL: Paths.searchIndex, categories: ProductPages.categoryFacets(index))
            },
            .page(Paths.match, "match", title: "我要融资", section: "match") {
                Match(targets: TargetCustomer.allCases.map { ProductPages.Choice(slug: $0.slug, label: $0.label) },
                      guaranteeMethods: ProductPages.guaranteeChoices,
                      categories: ProductPages.categoryFacets(index), productData: ProductData.manifestPath,
                      purposes: LoanPurpose.allCases.map { ProductPages.Choice(slug: $0.rawValue, label: $0.label) },
                      districts: AdvisorPages.districts(index),
                      advisorData: index.portal.advisors.isEmpty ? nil : AdvisorPages.dataPath)
            },
            .page(Paths.compare, "compare", title: "产品对比", section: "products") {
                Compare(productData: ProductData.manifestPath, searchIndex: Paths.searchIndex,
                        categories: ProductPages.categoryFacets(index))
            },
            .page(Paths.stats, "stats", title: "数据统计", section: "") { Statistics.context(index) },
        ]
    }
}
