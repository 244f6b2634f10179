import Foundation

/// Notices changes under folders. On Linux it asks the kernel (inotify), so
/// a save is seen at once and an idle preview costs nothing; where inotify is
/// unavailable it polls every file's size and modification time. Either way
/// it waits until a change has settled, so a save that writes in several
/// steps (or a `git checkout`) triggers one rebuild.
struct FileWatcher: Sendable {
    let directories: [URL]

    func watch(onChange: @Sendable () async -> Void) async {
        if let kernel = KernelWatch(directories: directories) {
            await kernel.watch(onChange: onChange)
        } else {
            await poll(onChange: onChange)
        }
    }

    // MARK: Polling

    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        for dir in directories { Self.stamps(under: dir.path, into: &result) }
        return result
    }

    /// Size and modification time of every regular file under `path` (hidden ones skipped).
    static func stamps(under path: String, into result: inout [String: String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let full = path + "/" + name
            var st = stat()
            guard stat(full, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                stamps(under: full, into: &result)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                result[full] = "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            }
        }
    }

    func poll(every interval: Duration = .milliseconds(250), onChange: @Sendable () async -> Void) async {
        var last = fingerprint()
        var pending: [String: String]?
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if let p = pending {
                if p == now {
                    pending = nil
                    last = now
                    await onChange()
                } else {
                    pending = now
                }
            } else if now != last {
                pending = now
            }
        }
    }
}

/// inotify(7) watches on every folder under the roots; new folders are
/// watched as they appear.
final class KernelWatch: @unchecked Sendable {
    private let fd: Int32
    private let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                          | IN_DELETE_SELF | IN_ATTRIB)
    /// Watch descriptor → folder.
    private var folders: [Int32: String] = [:]

    init?(directories: [URL]) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        for dir in directories { add(dir.path) }
        guard !folders.isEmpty else { close(fd); return nil }
    }

    deinit { close(fd) }

    private func add(_ path: String) {
        let wd = inotify_add_watch(fd, path, mask)
        guard wd >= 0 else { return }
        folders[wd] = path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            var st = stat()
            if stat(path + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { add(path + "/" + name) }
        }
    }

    /// Reads what the kernel queued; true when something relevant changed.
    private func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return relevant }
            var offset = 0
            while offset + 16 <= n {
                let (wd, eventMask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                // Editors' swap and backup files are not content.
                if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { continue }
                relevant = true
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[wd] {
                    add(parent + "/" + name)
                }
            }
        }
    }

    func watch(settle: Duration = .milliseconds(60), onChange: @Sendable () async -> Void) async {
        let clock = ContinuousClock()
        var lastEvent: ContinuousClock.Instant?
        while !Task.isCancelled {
            if drain() {
                lastEvent = clock.now
            } else if let last = lastEvent, clock.now - last >= settle {
                lastEvent = nil
                await onChange()
                continue
            }
            try? await Task.sleep(for: .milliseconds(15))
        }
    }
}
