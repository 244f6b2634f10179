import Foundation
import PortalModel
import PortalSite

/// What the preview server shows: the last good build, the problems of the
/// latest attempt (if it failed), and a generation number that changes with
/// every successful rebuild. Browsers listen for changes over server-sent events.
actor PreviewState {
    private(set) var files: [String: [UInt8]] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    func publish(_ files: [String: [UInt8]], warnings: [Diagnostic]) {
        self.files = files
        diagnostics = warnings
        generation += 1
        broadcast("reload")
    }

    /// A failed rebuild: keep serving the last good site, show the errors.
    func fail(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        broadcast("errors")
    }

    func file(_ path: String) -> [UInt8]? { files[path] }

    /// The last good build's files (unchanged routes of the next build reuse them).
    var site: [String: [UInt8]] { files }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        listeners[id] = continuation
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        listeners.removeValue(forKey: id)?.finish()
    }

    private func broadcast(_ event: String) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
