import PortalModel

/// The policy list, its views by status, level and topic, and a page per policy.
enum PolicyPages {
    static let declaration = KindPages(
        .policy, navigation: NavigationEntry(section: "policies", label: "惠企政策", path: Paths.policies, order: 30),
        templates: ["policies", "policy"], routes: routes, searchSources: searchSources)

    /// What `policies.mustache` sees.
    struct List: PageContext {
        let heading: String
        let policies: [SharedContext]
        let count: Int
        let statuses: [StatusFacet]
        let levels, topics: [Facet]
        let isAll: Bool
        let pagination: Pagination
    }

    /// A view of the list with its count of policies; `current` on that view.
    struct Facet: Encodable, Sendable {
        let label: String
        let count: Int
        let url: String
        let current: Bool
    }

    /// A status facet also carries the status's `slug`, for themes that style by status.
    struct StatusFacet: Encodable, Sendable {
        let label, slug: String
        let count: Int
        let url: String
        let current: Bool
    }

    static func policyList(_ path: String, heading: String, _ policies: [Policy], _ index: PortalIndex, current: String) -> [Route] {
        Route.pages(policies, base: path, size: index.portal.site.pageSize, template: "policies", title: heading,
                    section: "policies") { slice, pagination in
            List(
                heading: heading,
                policies: slice.map { PolicyView.shared($0, index) },
                count: policies.count,
                statuses: PolicyStatus.allCases.compactMap { s in
                    let n = index.policyCountByStatus[s] ?? 0
                    return n == 0 ? nil : StatusFacet(label: s.rawValue, slug: s.slug, count: n, url: Paths.policyStatus(s.slug),
                                                      current: current == "status-" + s.slug)
                },
                levels: PolicyLevel.allCases.compactMap { l in
                    let n = index.policyCountByLevel[l] ?? 0
                    return n == 0 ? nil : Facet(label: l.label, count: n, url: Paths.policyLevel(l.slug), current: current == "level-" + l.slug)
                },
                topics: index.topics.enumerated().map { i, t in
                    Facet(label: t, count: index.policyCountByTopic[t] ?? 0, url: Paths.policyTopic(i + 1), current: current == "topic-\(i + 1)")
                },
                isAll: current.isEmpty,
                pagination: pagination)
        }
    }

    static func routes(_ index: PortalIndex) -> [Route] {
        let all = index.policiesByDate
        var routes = policyList(Paths.policies, heading: "惠企政策", all, index, current: "")
        for s in PolicyStatus.allCases {
            let subset = all.filter { index.status($0) == s }
            if !subset.isEmpty {
                routes += (policyList(Paths.policyStatus(s.slug), heading: "\(s.rawValue)的政策", subset, index, current: "status-" + s.slug))
            }
        }
        for l in PolicyLevel.allCases {
            let subset = all.filter { $0.level == l }
            if !subset.isEmpty {
                routes += (policyList(Paths.policyLevel(l.slug), heading: "\(l.label)级政策", subset, index, current: "level-" + l.slug))
            }
        }
        for (i, topic) in index.topics.enumerated() {
            routes += (policyList(Paths.policyTopic(i + 1), heading: "主题：\(topic)", all.filter { $0.topics.contains(topic) },
                                     index, current: "topic-\(i + 1)"))
        }
        for p in index.portal.policies {
            routes.append(.page(Paths.policy(p.id), "policy", title: p.title, section: "policies") { PolicyView.page(p, index) })
            // More products than a page holds: all of them in a list of their own.
            let products = index.listedProductsByPolicy[p.id] ?? []
            if products.count > index.portal.site.pageSize {
                routes += ProductPages.catalogue(Paths.policyProducts(p.id), heading: "适用《\(p.title)》的产品", products, index,
                                                 current: "policy")
            }
        }
        return routes
    }

    static func searchSources(_ index: PortalIndex) -> [SearchIndex.Source] {
        index.portal.policies.map { p in
            SearchIndex.source(["policy", p.id, p.title, p.docNumber] + p.issuers + ["|"] + p.topics + ["|", p.summary ?? "", p.body]) {
                SearchIndex.Document(title: p.title, url: Paths.policy(p.id), kind: "政策",
                                     text: [p.docNumber, p.issuers.joined(separator: " "), p.topics.joined(separator: " "),
                                            p.summary ?? "", String(Markdown.plainText(p.body).prefix(400))].joined(separator: " "))
            }
        }
    }
}
