public struct ContactInfo: Sendable, Hashable {
    public var name: String?
    public var phone: String
}

public struct Product: Sendable, Identifiable {
    public var id: String
    public var name = ""
    public var institution = ""
    public var category: ProductCategory = .other
    public var summary = ""
    public var targets: [TargetCustomer] = []
    public var guaranteeMethods: [GuaranteeMethod] = []
    public var amount: NumberRange?
    public var termMonths: NumberRange?
    public var apr: NumberRange?
    public var aprMethod: APRMethod?
    public var feeRate: Double?
    public var premiumRate: Double?
    public var eligibility: [String] = []
    public var materials: [String] = []
    public var process: [String] = []
    public var processingDays: Int?
    public var repayment: String?
    public var contact = ContactInfo(name: nil, phone: "")
    public var applyURL: String?
    public var policies: [String] = []
    public var validUntil: SimpleDate?
    public var updated: SimpleDate?
    public var description: String?
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }

    /// Past its validUntil on the build date: not listed, its page says 已停办.
    public func isDiscontinued(on date: SimpleDate) -> Bool {
        guard let validUntil else { return false }
        return validUntil < date
    }
}
