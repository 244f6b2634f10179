import PortalModel

/// The portal seen from the pages: lookups, the build date, sorted lists and
/// computed states, made once per build and read by every view.
public struct PortalIndex: Sendable {
    public let portal: Portal
    public let date: SimpleDate
    public let baseURL: String
    public let institutionsByID: [String: Institution]
    public let policiesByID: [String: Policy]
    /// Position in `portal.products` by id (positions, not copies: products are large).
    let productPositionByID: [String: Int]
    public let productsByInstitution: [String: [Product]]
    public let disclosuresByInstitution: [String: Disclosure]
    /// Products on sale on the build date (past validUntil ones are not listed).
    public let listedProducts: [Product]
    /// Listed products per category, per target customer and per institution (by id),
    /// counted once for every facet list and the statistics page.
    public let listedCountByCategory: [ProductCategory: Int]
    public let listedCountByTarget: [TargetCustomer: Int]
    public let listedCountByGuarantee: [GuaranteeMethod: Int]
    public let listedCountByInstitution: [String: Int]
    /// Listed products that name each policy, in product order.
    public let listedProductsByPolicy: [String: [Product]]
    /// Policies newest first, then by id.
    public let policiesByDate: [Policy]
    public let banks: [Institution]
    /// Topics in first-seen order over policies sorted by id: a stable numbering for topic URLs.
    public let topics: [String]
    /// Policies per status on the build date, per level and per topic (for facet counts).
    public let policyCountByStatus: [PolicyStatus: Int]
    public let policyCountByLevel: [PolicyLevel: Int]
    public let policyCountByTopic: [String: Int]
    /// Product and policy cards, made once per build and shared by every list.
    let cards = ProductCards()
    let policyCards = SharedContexts()

    public init(portal: Portal, date: SimpleDate, baseURL: String? = nil) {
        self.portal = portal
        self.date = date
        self.baseURL = baseURL ?? portal.site.baseURL
        institutionsByID = Dictionary(portal.institutions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        policiesByID = Dictionary(portal.policies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        productPositionByID = Dictionary(portal.products.indices.map { (portal.products[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        productsByInstitution = Dictionary(grouping: portal.products, by: \.institution)
        disclosuresByInstitution = Dictionary(portal.disclosures.map { ($0.institution, $0) }, uniquingKeysWith: { a, _ in a })
        listedProducts = portal.products.filter { !$0.isDiscontinued(on: date) }
        var byCategory: [ProductCategory: Int] = [:], byTarget: [TargetCustomer: Int] = [:], byInstitution: [String: Int] = [:]
        var byGuarantee: [GuaranteeMethod: Int] = [:]
        var byPolicy: [String: [Product]] = [:]
        for p in listedProducts {
            for policy in Set(p.policies) { byPolicy[policy, default: []].append(p) }
            byCategory[p.category, default: 0] += 1
            byInstitution[p.institution, default: 0] += 1
            for t in Set(p.targets) { byTarget[t, default: 0] += 1 }
            for g in Set(p.guaranteeMethods) { byGuarantee[g, default: 0] += 1 }
        }
        listedCountByCategory = byCategory
        listedCountByTarget = byTarget
        listedCountByGuarantee = byGuarantee
        listedCountByInstitution = byInstitution
        listedProductsByPolicy = byPolicy
        policiesByDate = portal.policies.sorted { a, b in
            let (da, db) = (a.issued?.dayNumber ?? 0, b.issued?.dayNumber ?? 0)
            return da != db ? da > db : a.id < b.id
        }
        banks = portal.institutions.filter { $0.type == .bank }
        var seen: [String] = [], seenSet = Set<String>()
        for p in portal.policies { for t in p.topics where seenSet.insert(t).inserted { seen.append(t) } }
        topics = seen
        var byStatus: [PolicyStatus: Int] = [:], byLevel: [PolicyLevel: Int] = [:], byTopic: [String: Int] = [:]
        for p in portal.policies {
            byStatus[p.status(on: date, expiringSoonDays: portal.site.rules.expiringSoonDays), default: 0] += 1
            byLevel[p.level, default: 0] += 1
            for t in Set(p.topics) { byTopic[t, default: 0] += 1 }
        }
        policyCountByStatus = byStatus
        policyCountByLevel = byLevel
        policyCountByTopic = byTopic
    }

    public func product(id: String) -> Product? { productPositionByID[id].map { portal.products[$0] } }

    public func absoluteURL(_ path: String) -> String { baseURL + path }

    public func status(_ policy: Policy) -> PolicyStatus {
        policy.status(on: date, expiringSoonDays: portal.site.rules.expiringSoonDays)
    }
}
