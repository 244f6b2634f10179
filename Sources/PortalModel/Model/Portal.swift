/// Everything a portal's content folder holds, typed and located. Lists are
/// sorted by id so that nothing downstream depends on directory order.
public struct Portal: Sendable {
    public var site: Site
    public var institutions: [Institution] = []
    public var products: [Product] = []
    public var policies: [Policy] = []
    public var disclosures: [Disclosure] = []
    public var ledgers: [Ledger] = []
    public var events: [Event] = []
    public var pages: [Page] = []
    /// Items of kinds declared in files of their own (`Kinds/Advisor.swift`),
    /// each list under its kind; each such kind reads and writes its list
    /// through a typed property of its own.
    public var declaredItems: [ContentKind: [any Sendable]] = [:]
    /// Ids (file names) of one-item files that exist but could not be read,
    /// by kind: rules do not report such an item as missing.
    public var unreadIDs: [ContentKind: Set<String>] = [:]
    /// Where the registry keeps site.yml's declaration pointing: the portal has one site.
    var sites: [Site] {
        get { [site] }
        set { if let last = newValue.last { site = last } }
    }

    public init(site: Site) { self.site = site }

    public func institution(_ id: String) -> Institution? { institutions.first { $0.id == id } }
}
