import Foundation

/// Stage times on stderr when HUIQI_TIMING is set (for profiling the build).
public struct StageClock {
    public static let enabled = ProcessInfo.processInfo.environment["HUIQI_TIMING"] != nil
    var last = Date()
    public init() {}
    static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("[timing]   " + text() + "\n").utf8))
    }

    public mutating func lap(_ name: String) {
        guard Self.enabled else { return }
        let now = Date()
        FileHandle.standardError.write(String(format: "[timing] %@ %.3fs\n", name, now.timeIntervalSince(last)).data(using: .utf8)!)
        last = now
    }
}

/// Time spent rendering each template, summed over threads, printed with
/// the stage times (HUIQI_TIMING): which templates a theme should slim first.
final class TemplateClock: @unchecked Sendable {
    static let enabled = StageClock.enabled
    static let shared = TemplateClock()
    private let lock = NSLock()
    private var nanoseconds: [String: (count: Int, total: UInt64)] = [:]

    /// Runs `body`, adding its time to `name` when timing is on.
    static func measure<T>(_ name: String, _ body: () -> T) -> T {
        guard enabled else { return body() }
        let started = DispatchTime.now().uptimeNanoseconds
        defer { shared.add(name, DispatchTime.now().uptimeNanoseconds - started) }
        return body()
    }

    func add(_ template: String, _ ns: UInt64) {
        lock.lock(); defer { lock.unlock() }
        let old = nanoseconds[template] ?? (0, 0)
        nanoseconds[template] = (old.count + 1, old.total + ns)
    }

    func report() {
        guard Self.enabled else { return }
        lock.lock(); defer { lock.unlock() }
        defer { nanoseconds = [:] }
        for (name, t) in nanoseconds.sorted(by: { $0.value.total > $1.value.total }) {
            FileHandle.standardError.write(String(format: "[timing]   template %@: %d pages, %.3fs cpu\n",
                                                  name, t.count, Double(t.total) / 1e9).data(using: .utf8)!)
        }
    }
}
