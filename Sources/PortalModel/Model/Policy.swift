public struct Measure: Sendable {
    public var title: String
    public var kind: MeasureKind
    public var summary: String
    public var rate: String?
    public var cap: String?
}

public enum PolicyStatus: String, Sendable, CaseIterable {
    case active = "有效", expiringSoon = "即将到期", expired = "已失效", notYetEffective = "未施行"

    public var slug: String {
        switch self {
        case .active: return "active"
        case .expiringSoon: return "expiring"
        case .expired: return "expired"
        case .notYetEffective: return "pending"
        }
    }
}

public struct Policy: Sendable, Identifiable {
    public var id: String
    public var title = ""
    public var docNumber = ""
    public var issuers: [String] = []
    public var issued: SimpleDate?
    public var effective: SimpleDate?
    /// nil with `longTerm` true means 长期.
    public var expires: SimpleDate?
    public var longTerm = false
    public var level: PolicyLevel = .city
    public var topics: [String] = []
    public var responsibleUnits: [String] = []
    public var measures: [Measure] = []
    public var consultPhone: String?
    public var sourceURL: String?
    public var summary: String?
    public var body = ""
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }

    public var effectiveDate: SimpleDate? { effective ?? issued }

    /// Status against the build date, never the clock.
    public func status(on date: SimpleDate, expiringSoonDays: Int) -> PolicyStatus {
        if let start = effectiveDate, date < start { return .notYetEffective }
        guard let end = expires else { return .active }
        if end < date { return .expired }
        if date.days(until: end) <= expiringSoonDays { return .expiringSoon }
        return .active
    }
}
