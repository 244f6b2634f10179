import Foundation

/// Where rendered files go, one by one, from the render threads: to a
/// staging folder on disk (`huiqi build`) or to memory (`huiqi serve`). The
/// build never holds the whole site, only the files being rendered.
public protocol OutputSink: AnyObject, Sendable {
    /// Keeps a rendered file.
    func store(_ file: OutputFile) throws
    /// Keeps the previous build's files at these paths, for a route whose
    /// inputs did not change. False when any of them is gone: then the route
    /// is rendered after all.
    func reuse(_ paths: [String]) -> Bool
    /// The bytes of a file already kept (for checking links of reused pages).
    func read(_ path: String) -> [UInt8]?
}

/// The site in memory, for the preview server. Unchanged routes take their
/// bytes from the previous build's files.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private let previous: [String: [UInt8]]

    public init(previous: [String: [UInt8]] = [:]) { self.previous = previous }

    public func store(_ file: OutputFile) throws {
        let changed = previous[file.path] != file.bytes
        lock.lock(); defer { lock.unlock() }
        files[file.path] = file.bytes
        if changed { changedPaths.insert(file.path) }
    }

    private var changedPaths = Set<String>()

    /// Files whose bytes differ from the previous build's, new and removed files included, sorted.
    public var changed: [String] {
        lock.lock(); defer { lock.unlock() }
        return changedPaths.union(previous.keys.filter { files[$0] == nil }).sorted()
    }

    public func reuse(_ paths: [String]) -> Bool {
        var found: [(String, [UInt8])] = []
        for path in paths {
            guard let bytes = previous[path] else { return false }
            found.append((path, bytes))
        }
        lock.lock(); defer { lock.unlock() }
        for (path, bytes) in found { files[path] = bytes }
        return true
    }

    public func read(_ path: String) -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        return files[path]
    }

    /// Everything kept, by path.
    public var contents: [String: [UInt8]] {
        lock.lock(); defer { lock.unlock() }
        return files
    }
}
