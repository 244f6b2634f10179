import Foundation
import PortalModel

/// Writes a site into the output folder, file by file as the render threads
/// make them, into a staging folder beside the output. Nothing in the output
/// changes before the build has succeeded (`commit`); a failed build leaves
/// it as it was (`discard`).
///
/// A first build stages the whole site and renames the folder into place.
/// Later builds stage only the files whose bytes changed; `commit` renames
/// each into the output (atomically, file by file) and removes files the
/// site no longer has. Unchanged files are never touched, so their
/// modification times stay and `rsync` moves only what changed.
public final class Publisher: OutputSink, @unchecked Sendable {
    public struct Report: Sendable {
        public let written: Int
        public let unchanged: Int
    }

    public struct PublishError: Error, CustomStringConvertible {
        public let description: String
    }

    public let output: URL
    let staging: URL
    let stagingPath: String, outputPath: String
    /// Also write a `.gz` copy of each text file (for nginx `gzip_static`).
    let gzip: Bool
    private let lock = NSLock()
    private var directories: Set<String> = [""]
    private var written = 0, unchanged = 0
    /// Whether an output folder exists to update (else the staging folder becomes it).
    let updating: Bool
    /// Staged files that replace or add to the output's (update mode only).
    private var changed: [String] = []

    public init(output: URL, gzip: Bool = false) throws {
        let fm = FileManager.default
        self.output = output
        self.gzip = gzip
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        stagingPath = staging.path
        outputPath = output.path
        var isDirectory: ObjCBool = false
        updating = fm.fileExists(atPath: output.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func store(_ file: OutputFile) throws {
        guard Self.safeRelativePath(file.path) != nil else {
            throw PublishError(description: "拒绝写出输出目录以外的路径 (refusing a path outside the output folder): \(file.path)")
        }
        try place(file.path, file.bytes)
        if gzip, Precompress.wantsCopy(file.path, size: file.bytes.count) {
            try place(file.path + ".gz", Precompress.gzip(file.bytes))
        }
    }

    /// The files stay where they are in the output; they only have to be there,
    /// with their `.gz` copies when those are asked for. Without an output
    /// folder there is nothing to reuse.
    public func reuse(_ paths: [String]) -> Bool {
        guard updating else { return false }
        var kept = 0
        for path in paths {
            guard let size = fileSize(outputPath + "/" + path) else { return false }
            kept += 1
            if gzip, Precompress.wantsCopy(path, size: size) {
                guard fileSize(outputPath + "/" + path + ".gz") != nil else { return false }
                kept += 1
            }
        }
        lock.lock(); unchanged += kept; lock.unlock()
        return true
    }

    public func read(_ path: String) -> [UInt8]? {
        let fm = FileManager.default
        return (fm.contents(atPath: stagingPath + "/" + path) ?? (updating ? fm.contents(atPath: outputPath + "/" + path) : nil))
            .map { [UInt8]($0) }
    }

    public var report: Report {
        lock.lock(); defer { lock.unlock() }
        return Report(written: written, unchanged: unchanged)
    }

    /// Puts the staged files in place. `paths` are all files of the new site:
    /// in update mode, files of the output that are not among them are removed.
    public func commit(paths: [String]) throws {
        var clock = StageClock()
        defer { clock.lap("commit") }
        let fm = FileManager.default
        guard updating else {
            do { try fm.moveItem(at: staging, to: output) } catch { discard(); throw error }
            return
        }
        var keep = Set(paths)
        if gzip { for p in paths where Precompress.wantsCopy(p, size: Int.max) { keep.insert(p + ".gz") } }
        let staged = lock.withLock { changed }.sorted()
        var made: Set<String> = [""]
        for path in staged {
            var dir = Substring(path)
            var missing: [Substring] = []
            while let slash = dir.lastIndex(of: "/") {
                dir = dir[..<slash]
                if made.contains(String(dir)) { break }
                missing.append(dir)
            }
            for d in missing.reversed() {
                let full = outputPath + "/" + d
                var st = stat()
                if lstat(full, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR { unlink(full) }
                if mkdir(full, 0o777) != 0 && errno != EEXIST {
                    throw PublishError(description: "无法创建目录 (cannot create folder) \(full)")
                }
                made.insert(String(d))
            }
            if rename(stagingPath + "/" + path, outputPath + "/" + path) != 0 {
                throw PublishError(description: "无法替换 (cannot replace) \(outputPath)/\(path)")
            }
        }
        removeStale(directory: "", keep: keep)
        discard()
    }

    /// Deletes what the new site no longer has, and folders left empty.
    /// Returns whether `directory` itself is now empty.
    @discardableResult
    private func removeStale(directory: String, keep: Set<String>) -> Bool {
        let full = directory.isEmpty ? outputPath : outputPath + "/" + directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return false }
        var remaining = names.count
        for name in names {
            let path = directory.isEmpty ? name : directory + "/" + name
            var st = stat()
            guard lstat(outputPath + "/" + path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if removeStale(directory: path, keep: keep), rmdir(outputPath + "/" + path) == 0 { remaining -= 1 }
            } else if !keep.contains(path), unlink(outputPath + "/" + path) == 0 {
                remaining -= 1
            }
        }
        return remaining == 0
    }

    /// Removes the staging folder; the output folder is untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Links `path` from the previous output when its bytes are the same, else writes it.
    private func place(_ path: String, _ bytes: [UInt8]) throws {
        let target = stagingPath + "/" + path
        let old = outputPath + "/" + path
        if updating && Self.sameBytes(old, bytes) {
            lock.lock(); unchanged += 1; lock.unlock()
            return
        }
        try makeParent(of: path)
        guard Self.write(bytes, to: target) else { throw PublishError(description: "无法写入 (cannot write) \(target)") }
        lock.lock()
        written += 1
        if updating { changed.append(path) }
        lock.unlock()
    }

    /// Creates the folders above `path` in the staging folder, each once.
    private func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let dir = String(path[..<slash])
        lock.lock()
        let known = directories.contains(dir)
        lock.unlock()
        if known { return }
        try makeParent(of: dir)
        let full = stagingPath + "/" + dir
        if mkdir(full, 0o777) != 0 && errno != EEXIST {
            throw PublishError(description: "无法创建目录 (cannot create folder) \(full)")
        }
        lock.lock(); directories.insert(dir); lock.unlock()
    }

    private func fileSize(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    /// A path made only of plain segments: no `..`, no absolute path, no empty segment.
    static func safeRelativePath(_ path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !segments.isEmpty,
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.utf8.contains(0) }) else { return nil }
        return path
    }

    /// A new file with these bytes (mode 0666 less the umask, as Foundation
    /// writes), without the fsync Foundation's atomic write does per file:
    /// nothing reaches the output folder before `commit`.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buf -> Bool in
            var done = 0
            while done < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
    }

    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < bytes.count {
            let n = Foundation.read(fd, buffer + done, bytes.count - done)
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            done += n
        }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, buffer, bytes.count) == 0 }
    }
}
