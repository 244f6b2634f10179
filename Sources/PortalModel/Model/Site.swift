public struct GuaranteeFeeCap: Sendable, Hashable {
    /// 万元; nil = every amount above the previous caps.
    public let upToAmount: Double?
    public let maxRate: Double
}

/// City-specific numbers from `site.yml` `rules:`, with the contract's defaults.
public struct SiteRules: Sendable {
    public var replyWorkingDaysMax = 5
    public var decisionDaysMax = 30
    public var guaranteeFeeCaps = [GuaranteeFeeCap(upToAmount: 500, maxRate: 1.0), GuaranteeFeeCap(upToAmount: nil, maxRate: 1.5)]
    public var expiringSoonDays = 90
    public var disclosureMaxAgeDays = 365
    /// Content files larger than this are refused unread (F008): one stray
    /// export or log file must not take the build's memory. site.yml itself is
    /// read before this is known, so it always has the default.
    public var maxFileKB = SiteRules.defaultMaxFileKB
    public static let defaultMaxFileKB = 10_240

    public init() {}

    /// The cap that applies to a guarantee of this size (万元): the smallest
    /// `upToAmount` that covers it, else the open-ended cap.
    public func feeCap(forAmount amount: Double) -> GuaranteeFeeCap? {
        let bounded = guaranteeFeeCaps.filter { $0.upToAmount != nil }.sorted { $0.upToAmount! < $1.upToAmount! }
        if let c = bounded.first(where: { amount <= $0.upToAmount! }) { return c }
        return guaranteeFeeCaps.first { $0.upToAmount == nil }
    }
}

public struct Site: Sendable {
    public var title = ""
    public var city = ""
    public var baseURL = "https://example.invalid/"
    public var organizer = ""
    public var contact = ""
    public var siteCode: String?
    public var icp: String?
    public var psb: String?
    public var language = "zh-CN"
    public var description: String?
    /// Items per page of a list (列表每页条数): a phone's screenful or two.
    public var pageSize = Site.defaultPageSize
    public static let defaultPageSize = 24
    /// Entries in the policy feed (订阅条数).
    public var feedSize = Site.defaultFeedSize
    public static let defaultFeedSize = 50
    public var rules = SiteRules()
    public var source: SourceMap

    public init(source: SourceMap) { self.source = source }
}
