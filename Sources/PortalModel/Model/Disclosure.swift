public struct AuthorizationEntry: Sendable {
    public var business: String
    public var level: AuthorizationLevel
    public var maxAmount: Double
}

public struct CreditEntry: Sendable {
    public var business: String
    public var product: String?
    public var conditions: [String]
}

public struct ProcessStep: Sendable {
    public var step: String
    public var workingDays: Int
}

public struct Acceptance: Sendable {
    public var materials: [String] = []
    public var process: [ProcessStep] = []
    public var replyWorkingDays: Int?
    public var decisionDays: Int?
    public var channels: [String] = []
}

public struct Exemption: Sendable {
    public var scope = ""
    public var exempt: [String] = []
    public var mitigated: [String] = []
    public var notExempt: [String] = []
    public var procedure: [String] = []
    public var nplTolerance: Double?
}

/// One bank's "four lists" (四张清单) [seed 004].
public struct Disclosure: Sendable, Identifiable {
    public var id: String
    public var institution = ""
    public var published: SimpleDate?
    public var authorization: [AuthorizationEntry] = []
    public var credit: [CreditEntry] = []
    public var acceptance = Acceptance()
    public var exemption = Exemption()
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }
}
