/// A bank–enterprise matchmaking event (银企对接活动) [seed 001].
public struct Event: Sendable, Identifiable {
    public var id: String
    public var title = ""
    public var start: LocalDateTime?
    public var end: LocalDateTime?
    public var place = ""
    public var organizer = ""
    public var audience: [TargetCustomer] = []
    public var registerURL: String?
    public var description: String?
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }
}

/// A free page from `content/pages/`.
public struct Page: Sendable, Identifiable {
    public var id: String
    public var title = ""
    public var description: String?
    public var order: Int?
    public var body = ""
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }
}
