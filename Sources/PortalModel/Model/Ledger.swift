public struct Milestone: Sendable {
    public var due: SimpleDate
    public var what: String
}

public struct ProgressEntry: Sendable {
    public var date: SimpleDate
    public var text: String
}

public struct LedgerItem: Sendable {
    public var seq: Int
    public var requirement: String?
    public var task: String
    public var deadline: String?
    public var milestones: [Milestone]
    public var measures: String?
    public var goals: String?
    public var units: [String]
    public var progress: [ProgressEntry]
    /// Index of this item in the file, for locating diagnostics (`items[i]`).
    public var index: Int

    /// A milestone is overdue when its date has passed on the build date and
    /// no progress was reported on or after it.
    public func overdueMilestones(on date: SimpleDate) -> [Milestone] {
        milestones.filter { m in m.due < date && !progress.contains { $0.date >= m.due } }
    }
}

/// A task ledger: 全面清单 or 重点清单 [seed 004].
public struct Ledger: Sendable, Identifiable {
    public var id: String
    public var title = ""
    public var kind: LedgerKind = .comprehensive
    public var plan: String?
    public var reportDays = [10, 25]
    public var items: [LedgerItem] = []
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }
}
