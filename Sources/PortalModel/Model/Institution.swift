public struct Institution: Sendable, Identifiable {
    public var id: String
    public var name = ""
    public var type: InstitutionType = .other
    public var creditCode = ""
    public var governmentBacked = false
    public var address = ""
    public var phone = ""
    public var website: String?
    public var summary: String?
    public var updated: SimpleDate?
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }
}
