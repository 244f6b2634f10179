import PortalModel

/// The portal seen from the pages: lookups, the build date, sorted lists and
/// computed states, made once per build and read by every view.
public struct PortalIndex: Sendable {
    public let portal: Portal
    public let date: SimpleDate
    public let baseURL: String
    public let institutionsByID: [String: Institution]
    public let policiesByID: [String: Policy]
    public let productsByInstitution: [String: [Product]]
    public let disclosuresByInstitution: [String: Disclosure]
    /// Products on sale on the build date (past validUntil ones are not listed).
    public let listedProducts: [Product]

    public init(portal: Portal, date: SimpleDate, baseURL: String? = nil) {
        self.portal = portal
        self.date = date
        self.baseURL = baseURL ?? portal.site.baseURL
        institutionsByID = Dictionary(portal.institutions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        policiesByID = Dictionary(portal.policies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        productsByInstitution = Dictionary(grouping: portal.products, by: \.institution)
        disclosuresByInstitution = Dictionary(portal.disclosures.map { ($0.institution, $0) }, uniquingKeysWith: { a, _ in a })
        listedProducts = portal.products.filter { !$0.isDiscontinued(on: date) }
    }

    public func absoluteURL(_ path: String) -> String { baseURL + path }

    public func status(_ policy: Policy) -> PolicyStatus {
        policy.status(on: date, expiringSoonDays: portal.site.rules.expiringSoonDays)
    }

    /// Policies newest first, then by id.
    public var policiesByDate: [Policy] {
        portal.policies.sorted { a, b in
            let (da, db) = (a.issued?.dayNumber ?? 0, b.issued?.dayNumber ?? 0)
            return da != db ? da > db : a.id < b.id
        }
    }

    public var banks: [Institution] { portal.institutions.filter { $0.type == .bank } }

    /// Topics in first-seen order over policies sorted by id: a stable numbering for topic URLs.
    public var topics: [String] {
        var seen: [String] = []
        for p in portal.policies { for t in p.topics where !seen.contains(t) { seen.append(t) } }
        return seen
    }
}
