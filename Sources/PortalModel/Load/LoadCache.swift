import Foundation

/// What each content file gave the last time it was read, keyed by its
/// path and checked against its size, change time and inode: `huiqi serve`
/// keeps one between rebuilds, so after an edit only the edited file is
/// parsed again. (Rename-into-place saves, which editors do, change the inode.)
public final class LoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        let size: Int64, inode: UInt64, changed: Int, changedNanos: Int, modified: Int, modifiedNanos: Int
    }

    private let lock = NSLock()
    private var entries: [String: (stamp: Stamp, result: ([PortalLoader.Item], DiagnosticList))] = [:]
    /// Files read again by the last load (for logs and tests).
    public private(set) var lastReadCount = 0

    public init() {}

    func results(for files: [PortalLoader.ContentFile],
                 load: @escaping @Sendable (PortalLoader.ContentFile) -> ([PortalLoader.Item], DiagnosticList)) -> [([PortalLoader.Item], DiagnosticList)] {
        let stamps = files.map { Self.stamp($0.path) }
        lock.lock()
        let known = entries
        lock.unlock()
        var stale: [Int] = []
        for (i, file) in files.enumerated() {
            if let stamp = stamps[i], let entry = known[Self.key(file)], entry.stamp == stamp { continue }
            stale.append(i)
        }
        let fresh = ParallelMap.map(stale) { load(files[$0]) }
        var results: [([PortalLoader.Item], DiagnosticList)] = []
        var next: [String: (stamp: Stamp, result: ([PortalLoader.Item], DiagnosticList))] = [:]
        results.reserveCapacity(files.count)
        next.reserveCapacity(files.count)
        var freshIndex = 0
        for (i, file) in files.enumerated() {
            let result: ([PortalLoader.Item], DiagnosticList)
            if freshIndex < stale.count, stale[freshIndex] == i {
                result = fresh[freshIndex]
                freshIndex += 1
            } else {
                result = known[Self.key(file)]!.result
            }
            results.append(result)
            if let stamp = stamps[i] { next[Self.key(file)] = (stamp, result) }
        }
        lock.lock()
        entries = next
        lastReadCount = stale.count
        lock.unlock()
        return results
    }

    /// A file read with another size limit, or a link now leading to another
    /// file, gives another result from the same bytes.
    static func key(_ file: PortalLoader.ContentFile) -> String {
        file.path == file.readPath && file.maxBytes == SiteRules.defaultMaxFileKB * 1024
            ? file.path : "\(file.path)\u{0}\(file.readPath)\u{0}\(file.maxBytes)"
    }

    static func stamp(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Stamp(size: Int64(st.st_size), inode: UInt64(st.st_ino), changed: st.st_ctim.tv_sec, changedNanos: st.st_ctim.tv_nsec,
                     modified: st.st_mtim.tv_sec, modifiedNanos: st.st_mtim.tv_nsec)
    }
}
