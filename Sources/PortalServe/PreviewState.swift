import Foundation
import PortalModel
import PortalSite

/// What the preview server shows: the last good build, the problems of the
/// latest attempt (if it failed), and a generation number that changes with
/// every successful rebuild. Browsers listen for changes over server-sent
/// events; a page reloads only when it changed.
actor PreviewState {
    private(set) var files: [String: [UInt8]] = [:]
    /// Pages of the rebuild under way, rendered first because a browser has
    /// them open; shown until that rebuild ends.
    private var early: [String: [UInt8]] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var generation = 0
    /// The pages browsers asked for last, most recent first.
    private(set) var recentPages: [String] = []
    private var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]

    struct Event: Sendable {
        let name: String
        let data: String
    }

    /// A successful rebuild: its files replace the site; pages among `changed` reload.
    func publish(_ files: [String: [UInt8]], warnings: [Diagnostic], changed: [String]) {
        let announced = Set(early.keys)
        self.files = files
        early = [:]
        diagnostics = warnings
        generation += 1
        broadcast(Event(name: "reload", data: Self.pageList(changed.filter { !announced.contains($0) })))
    }

    /// Pages of the rebuild that started at `generation`, made before the rest:
    /// served (and their open pages reloaded) at once.
    func publishEarly(_ made: [OutputFile], generation: Int) {
        guard generation == self.generation else { return }
        let changed = made.filter { files[$0.path] != $0.bytes }
        for file in changed { early[file.path] = file.bytes }
        broadcast(Event(name: "reload", data: Self.pageList(changed.map(\.path))))
    }

    /// A failed rebuild: keep serving the last good site, show the errors.
    func fail(_ diagnostics: [Diagnostic]) {
        early = [:]
        self.diagnostics = diagnostics
        broadcast(Event(name: "errors", data: "errors"))
    }

    func file(_ path: String) -> [UInt8]? { early[path] ?? files[path] }

    /// Remembers a page a browser asked for, to render it first next time.
    func visited(_ path: String) {
        guard recentPages.first != path else { return }
        recentPages.removeAll { $0 == path }
        recentPages.insert(path, at: 0)
        if recentPages.count > 8 { recentPages.removeLast() }
    }

    /// The last good build's files (unchanged routes of the next build reuse them).
    var site: [String: [UInt8]] { files }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func subscribe() -> (UUID, AsyncStream<Event>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        listeners[id] = continuation
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        listeners.removeValue(forKey: id)?.finish()
    }

    private func broadcast(_ event: Event) {
        guard !event.data.isEmpty else { return }
        for continuation in listeners.values { continuation.yield(event) }
    }

    /// The changed pages for the reload event: their paths, or `*` (every page)
    /// when a stylesheet or script changed, or too many pages to list.
    static func pageList(_ changed: [String]) -> String {
        let pages = changed.filter { $0.hasSuffix(".html") }
        if pages.count > 200 || changed.contains(where: { $0.hasSuffix(".css") || $0.hasSuffix(".js") }) { return "*" }
        return pages.joined(separator: " ")
    }
}
