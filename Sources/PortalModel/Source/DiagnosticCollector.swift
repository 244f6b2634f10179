/// Shared by the readers of one load, so nested readers report into one list.
public final class DiagnosticCollector {
    public private(set) var list = DiagnosticList()

    public init() {}

    public func add(_ d: Diagnostic) { list.add(d) }
    public func add(contentsOf other: DiagnosticList) { list.add(contentsOf: other) }
}
