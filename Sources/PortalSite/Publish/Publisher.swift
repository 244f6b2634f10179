import Foundation
import PortalModel

/// Writes a site into the output folder atomically, file by file as the
/// render threads make them: everything goes into a staging folder beside
/// the output, which replaces the old one only when the build succeeded
/// (`commit`); a failed build leaves the old one as it was (`discard`).
/// Files whose bytes did not change are hard-linked from the previous output,
/// so their modification times stay and `rsync` moves only what changed.
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
    }

    public func store(_ file: OutputFile) throws {
        guard Self.safeRelativePath(file.path) != nil else {
            throw PublishError(description: "拒绝写出输出目录以外的路径 (refusing a path outside the output folder): \(file.path)")
        }
        try makeParent(of: file.path)
        try place(file.path, file.bytes)
        if gzip, Precompress.wantsCopy(file.path, size: file.bytes.count) {
            try place(file.path + ".gz", Precompress.gzip(file.bytes))
        }
    }

    public func reuse(_ paths: [String]) -> Bool {
        var all = paths
        if gzip { all += paths.filter { Precompress.wantsCopy($0, size: Int.max) }.map { $0 + ".gz" } }
        // A route's files are taken all or none, so a half-reused route is rendered whole.
        var linked: [String] = []
        for path in all {
            let gz = path.hasSuffix(".gz") && gzip
            if gz && !FileManager.default.fileExists(atPath: outputPath + "/" + path) {
                // Small files have no .gz copy; that is not a reason to render again.
                if let size = fileSize(outputPath + "/" + String(path.dropLast(3))), size < Precompress.minimumSize { continue }
            }
            guard (try? makeParent(of: path)) != nil,
                  link(outputPath + "/" + path, stagingPath + "/" + path) == 0 else {
                for done in linked { unlink(stagingPath + "/" + done) }
                return false
            }
            linked.append(path)
        }
        lock.lock(); unchanged += linked.count; lock.unlock()
        return true
    }

    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: stagingPath + "/" + path).map { [UInt8]($0) }
    }

    public var report: Report {
        lock.lock(); defer { lock.unlock() }
        return Report(written: written, unchanged: unchanged)
    }

    /// Swaps the staging folder in for the output folder.
    public func commit() throws {
        var clock = StageClock()
        defer { clock.lap("swap") }
        let fm = FileManager.default
        let previous = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(getpid())")
        do {
            if fm.fileExists(atPath: output.path) {
                try fm.moveItem(at: output, to: previous)
                do { try fm.moveItem(at: staging, to: output) } catch {
                    try? fm.moveItem(at: previous, to: output)
                    throw error
                }
                try? fm.removeItem(at: previous)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Removes the staging folder; the output folder is untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Links `path` from the previous output when its bytes are the same, else writes it.
    private func place(_ path: String, _ bytes: [UInt8]) throws {
        let target = stagingPath + "/" + path
        let old = outputPath + "/" + path
        if Self.sameBytes(old, bytes), link(old, target) == 0 {
            lock.lock(); unchanged += 1; lock.unlock()
            return
        }
        guard Self.write(bytes, to: target) else { throw PublishError(description: "无法写入 (cannot write) \(target)") }
        lock.lock(); written += 1; lock.unlock()
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
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else { return nil }
        return path
    }

    /// Index ranges of about equal size, a few per core, for parallel work.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let size = max(64, count / 64)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// A new file with these bytes (mode 0666 less the umask, as Foundation
    /// writes), without the fsync Foundation's atomic write does per file:
    /// the whole folder is swapped in at the end instead.
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
