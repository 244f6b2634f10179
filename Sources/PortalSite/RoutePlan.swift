import PortalModel
import QRCode

/// Every page of the portal and the template that renders it.
enum RoutePlan {
    static func routes(_ index: PortalIndex) -> [Route] {
        var routes: [Route] = []
        routes += homeRoutes(index)
        routes += productRoutes(index)
        routes += institutionRoutes(index)
        routes += policyRoutes(index)
        routes += ledgerRoutes(index)
        routes += eventRoutes(index)
        routes += pageRoutes(index)
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
                return [
                    "latestPolicies": index.policiesByDate.prefix(5).map { PolicyView.shared($0, index) },
                    "featuredProducts": featured.map { ProductView.card($0, index) },
                    "upcomingEvents": upcoming.prefix(3).map { EventView.card($0, index) },
                    "hasUpcoming": !upcoming.isEmpty,
                    "categories": categoryFacets(index),
                    "targets": targetFacets(index),
                    "counts": [
                        "products": index.listedProducts.count,
                        "institutions": p.institutions.count,
                        "policies": p.policies.count,
                        "activePolicies": p.policies.filter { index.status($0) == .active || index.status($0) == .expiringSoon }.count,
                        "banks": index.banks.count,
                        "banksPublished": index.banks.filter { index.disclosuresByInstitution[$0.id] != nil }.count,
                        "events": upcoming.count,
                    ],
                ]
            },
            .page("404.html", "notfound", title: "页面未找到", section: "") { [:] },
            // The feed changes only with the policies (and the site's own settings).
            .text(Paths.feed, inputs: Feed.inputs(index)) { Feed.atom(index) }.listing(p.policies.count),
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

    static func categoryFacets(_ index: PortalIndex) -> [[String: Any]] {
        ProductCategory.allCases.compactMap { c in
            let n = index.listedCountByCategory[c] ?? 0
            return n == 0 ? nil : ["key": c.rawValue, "label": c.label, "count": n, "url": Paths.category(c.rawValue)]
        }
    }

    static func targetFacets(_ index: PortalIndex) -> [[String: Any]] {
        TargetCustomer.allCases.compactMap { t in
            let n = index.listedCountByTarget[t] ?? 0
            return n == 0 ? nil : ["slug": t.slug, "label": t.label, "count": n, "url": Paths.target(t.slug)]
        }
    }

    static func catalogue(_ path: String, title: String, heading: String, _ products: [Product], _ index: PortalIndex,
                          current: String) -> Route {
        // Discontinued products stay reachable (for reference) from the full catalogue.
        let stopped = current.isEmpty ? index.portal.products.filter { $0.isDiscontinued(on: index.date) } : []
        return .page(path, "products", title: title, section: "products") {
            [
                "heading": heading,
                "products": products.map { ProductView.card($0, index) },
                "count": products.count,
                "categories": categoryFacets(index).map { var f = $0; f["current"] = (f["key"] as? String) == current; return f },
                "targets": targetFacets(index).map { var f = $0; f["current"] = (f["slug"] as? String) == current; return f },
                "institutions": index.portal.institutions.filter { !(index.productsByInstitution[$0.id] ?? []).isEmpty }
                    .map { ["id": $0.id, "name": $0.name, "url": Paths.institution($0.id)] },
                "guaranteeMethods": GuaranteeMethod.allCases.map { ["slug": $0.slug, "label": $0.label] },
                "isAll": current.isEmpty,
                "stoppedProducts": stopped.map { ProductView.card($0, index) },
                "hasStopped": !stopped.isEmpty,
            ]
        }.listing(products.count + stopped.count)
    }

    static func productRoutes(_ index: PortalIndex) -> [Route] {
        var routes: [Route] = [catalogue(Paths.products, title: "金融产品超市", heading: "金融产品超市", index.listedProducts, index, current: "")]
        for c in ProductCategory.allCases {
            let subset = index.listedProducts.filter { $0.category == c }
            if !subset.isEmpty {
                routes.append(catalogue(Paths.category(c.rawValue), title: "\(c.label)产品", heading: "\(c.label)产品", subset, index, current: c.rawValue))
            }
        }
        for t in TargetCustomer.allCases {
            let subset = index.listedProducts.filter { $0.targets.contains(t) }
            if !subset.isEmpty {
                routes.append(catalogue(Paths.target(t.slug), title: "适用于\(t.label)的产品", heading: "适用于\(t.label)的产品", subset, index, current: t.slug))
            }
        }
        for product in index.portal.products {
            let file = Paths.file(Paths.product(product.id))
            routes.append(Route(key: file) {
                // The QR code is made from the page address and product name, both in
                // the inputs; it is encoded only when the route is rendered. The card
                // counts by its own fingerprint, made once per build.
                let card = ProductView.card(product, index)
                let extras = ProductView.pageExtras(product, index)
                let inputs: [String: Any] = ["card": card, "page": extras]
                return Route.Plan(fingerprint: Route.pageFingerprint(file, "product+poster", product.name, "products", inputs)) { renderer in
                    let qr = ProductQR.make(product, index)
                    // A product page has no cards, so its converted context serves the poster too.
                    let page = renderer.node(for: ProductView.page(card: card, extras: extras), file: file)
                    return [
                        renderer.page(file: file, template: "product", title: product.name, section: "products", node: page),
                        renderer.page(file: Paths.file(Paths.productPoster(product.id)), template: "poster",
                                      title: "\(product.name) 宣传海报", section: "products", node: page),
                        OutputFile(path: Paths.productQRSVG(product.id), bytes: qr.svgFile),
                        OutputFile(path: Paths.productQRPNG(product.id), bytes: qr.pngFile),
                    ]
                }
            })
        }
        return routes
    }

    static func institutionRoutes(_ index: PortalIndex) -> [Route] {
        let p = index.portal
        var routes: [Route] = [
            .page(Paths.institutions, "institutions", title: "金融机构", section: "institutions") {
                ["groups": InstitutionType.allCases.compactMap { type -> [String: Any]? in
                    let members = p.institutions.filter { $0.type == type }
                    return members.isEmpty ? nil : ["label": type.label, "institutions": members.map { InstitutionView.card($0, index) }]
                }]
            }.listing(p.institutions.count),
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
        for i in p.institutions {
            routes.append(.page(Paths.institution(i.id), "institution", title: i.name, section: "institutions") {
                InstitutionView.page(i, index)
            }.listing(index.productsByInstitution[i.id]?.count ?? 0))
        }
        for d in p.disclosures where index.institutionsByID[d.institution] != nil {
            let name = index.institutionsByID[d.institution]?.name ?? d.institution
            routes.append(.page(Paths.disclosure(d.institution), "disclosure", title: "\(name)“四张清单”", section: "four-lists") {
                DisclosureView.page(d, index)
            })
        }
        return routes
    }

    static func policyList(_ path: String, heading: String, _ policies: [Policy], _ index: PortalIndex, current: String) -> Route {
        .page(path, "policies", title: heading, section: "policies") {
            [
                "heading": heading,
                "policies": policies.map { PolicyView.shared($0, index) },
                "count": policies.count,
                "statuses": PolicyStatus.allCases.compactMap { s -> [String: Any]? in
                    let n = index.policyCountByStatus[s] ?? 0
                    return n == 0 ? nil : ["label": s.rawValue, "slug": s.slug, "count": n, "url": Paths.policyStatus(s.slug),
                                            "current": current == "status-" + s.slug]
                },
                "levels": PolicyLevel.allCases.compactMap { l -> [String: Any]? in
                    let n = index.policyCountByLevel[l] ?? 0
                    return n == 0 ? nil : ["label": l.label, "count": n, "url": Paths.policyLevel(l.slug),
                                            "current": current == "level-" + l.slug]
                },
                "topics": index.topics.enumerated().map { i, t -> [String: Any] in
                    ["label": t, "url": Paths.policyTopic(i + 1), "current": current == "topic-\(i + 1)",
                     "count": index.policyCountByTopic[t] ?? 0]
                },
                "isAll": current.isEmpty,
            ]
        }.listing(policies.count)
    }

    static func policyRoutes(_ index: PortalIndex) -> [Route] {
        let all = index.policiesByDate
        var routes = [policyList(Paths.policies, heading: "惠企政策", all, index, current: "")]
        for s in PolicyStatus.allCases {
            let subset = all.filter { index.status($0) == s }
            if !subset.isEmpty {
                routes.append(policyList(Paths.policyStatus(s.slug), heading: "\(s.rawValue)的政策", subset, index, current: "status-" + s.slug))
            }
        }
        for l in PolicyLevel.allCases {
            let subset = all.filter { $0.level == l }
            if !subset.isEmpty {
                routes.append(policyList(Paths.policyLevel(l.slug), heading: "\(l.label)级政策", subset, index, current: "level-" + l.slug))
            }
        }
        for (i, topic) in index.topics.enumerated() {
            routes.append(policyList(Paths.policyTopic(i + 1), heading: "主题：\(topic)", all.filter { $0.topics.contains(topic) },
                                     index, current: "topic-\(i + 1)"))
        }
        for p in index.portal.policies {
            routes.append(.page(Paths.policy(p.id), "policy", title: p.title, section: "policies") { PolicyView.page(p, index) })
        }
        return routes
    }

    static func ledgerRoutes(_ index: PortalIndex) -> [Route] {
        var routes: [Route] = [
            .page(Paths.ledgers, "ledgers", title: "工作台账", section: "ledgers") {
                ["ledgers": index.portal.ledgers.map { LedgerView.card($0, index) }]
            },
        ]
        for l in index.portal.ledgers {
            routes.append(.page(Paths.ledger(l.id), "ledger", title: l.title, section: "ledgers") { LedgerView.page(l, index) })
        }
        return routes
    }

    static func eventRoutes(_ index: PortalIndex) -> [Route] {
        let events = index.portal.events.sorted { ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id) }
        var routes: [Route] = [
            .page(Paths.events, "events", title: "银企对接活动", section: "events") {
                [
                    "upcoming": events.filter { !EventView.isPast($0, index) }.map { EventView.card($0, index) },
                    "past": events.filter { EventView.isPast($0, index) }.reversed().map { EventView.card($0, index) },
                ]
            },
        ]
        for e in events {
            routes.append(.page(Paths.event(e.id), "event", title: e.title, section: "events") { EventView.page(e, index) })
            routes.append(.text(Paths.eventICS(e.id)) { ICS.event(e, index) })
        }
        return routes
    }

    static func pageRoutes(_ index: PortalIndex) -> [Route] {
        index.portal.pages.map { page in
            .page(Paths.page(page.id), "page", title: page.title, section: "") {
                ["title": page.title, "description": page.description ?? "", "bodyHTML": MarkdownText(page.body)]
            }
        }
    }

    static func toolRoutes(_ index: PortalIndex) -> [Route] {
        [
            .page(Paths.search, "search", title: "站内搜索", section: "") {
                ["indexURL": Paths.searchIndex, "categories": categoryFacets(index)]
            },
            .page(Paths.match, "match", title: "我要融资", section: "match") {
                ["targets": TargetCustomer.allCases.map { ["slug": $0.slug, "label": $0.label] },
                 "guaranteeMethods": GuaranteeMethod.allCases.map { ["slug": $0.slug, "label": $0.label] },
                 "categories": categoryFacets(index)]
            },
            .page(Paths.compare, "compare", title: "产品对比", section: "products") {
                ["products": index.listedProducts.map { ProductView.card($0, index) }]
            }.listing(4 * index.listedProducts.count),  // three menus and a table row per product
            .page(Paths.stats, "stats", title: "数据统计", section: "") { Statistics.context(index) },
        ]
    }
}

/// A product's QR code leads to its canonical page under baseURL.
enum ProductQR {
    static func make(_ product: Product, _ index: PortalIndex) -> QRAssets {
        let url = index.absoluteURL(Paths.product(product.id))
        let title = "扫码打开“\(product.name)”：\(url)"
        guard let code = try? QRCode.encode(text: url, errorCorrection: .medium) else {
            return QRAssets(svgFile: [], pngFile: [])
        }
        return QRAssets(svgFile: Array(code.svg(title: title).utf8),
                        pngFile: code.png(moduleSize: 10, border: 4))
    }
}
