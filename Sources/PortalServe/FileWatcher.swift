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

    /// Size and modification time of every regular file under `path` (hidden
    /// ones skipped). A symlinked file counts (the loader reads through it); a
    /// symlinked folder is never entered (see `Entry`).
    static func stamps(under path: String, into result: inout [String: String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let full = path + "/" + name
            switch Entry(full) {
            case .folder: stamps(under: full, into: &result)
            case .file(let st): result[full] = "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            case .other: break
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

/// What a name in a watched folder is, seen with lstat(2): a symlink to a
/// folder is neither followed nor watched. Two links to `.` in `content/`
/// would otherwise make an endless tree (`a/b/a/b/…`) that the watcher walks
/// forever at full CPU, never getting to the edits.
enum Entry {
    case folder
    case file(stat)
    case other

    init(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { self = .other; return }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFREG: self = .file(st)
        case S_IFLNK:
            // A link to a file is content like any other; a link to a folder is skipped.
            var target = stat()
            self = stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFREG ? .file(target) : .other
        default: self = .other
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
        for dir in directories { add(dir.path, isRoot: true) }
        guard !folders.isEmpty else { close(fd); return nil }
    }

    deinit { close(fd) }

    /// Watches `path` and the folders under it. Below the roots, symlinks are
    /// not followed (`Entry`, and IN_DONT_FOLLOW for a link swapped in
    /// meanwhile); a folder met again below itself (a bind mount loop: the
    /// kernel gives the same watch descriptor) is not walked again. A folder
    /// moved elsewhere in the tree keeps its descriptor and gets its new path.
    private func add(_ path: String, isRoot: Bool = false) {
        let flags = isRoot ? mask : mask | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR)
        let wd = inotify_add_watch(fd, path, flags)
        guard wd >= 0 else { return }
        // Seen before: the same folder again, or one of its own ancestors (a loop).
        if let known = folders[wd], known == path || path.hasPrefix(known + "/") { return }
        folders[wd] = path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            if case .folder = Entry(path + "/" + name) { add(path + "/" + name) }
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
