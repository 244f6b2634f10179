import Foundation
import PortalModel

/// Writes a built site into the output folder atomically: everything goes
/// into a staging folder beside it, which then replaces the old one. Files
/// whose bytes did not change are hard-linked from the previous output, so
/// their modification times stay and `rsync` moves only what changed.
public enum Publisher {
    public struct Report: Sendable {
        public let written: Int
        public let unchanged: Int
    }

    public struct PublishError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func publish(_ files: [OutputFile], to output: URL) throws -> Report {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let previous = parent.appendingPathComponent(".\(name).previous-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var written = 0, unchanged = 0
        var clock = StageClock()
        defer { clock.lap("publish") }
        do {
            for file in files where safeRelativePath(file.path) == nil {
                throw PublishError(description: "拒绝写出输出目录以外的路径 (refusing a path outside the output folder): \(file.path)")
            }
            // Folders first, each once, parents before children.
            var dirs = Set<Substring>()
            for file in files {
                var p = Substring(file.path)
                while let slash = p.lastIndex(of: "/") {
                    p = p[..<slash]
                    if !dirs.insert(p).inserted { break }
                }
            }
            let stagingPath = staging.path, outputPath = output.path
            for dir in dirs.sorted(by: { $0.utf8.count < $1.utf8.count }) {
                let path = stagingPath + "/" + dir
                if mkdir(path, 0o777) != 0 && errno != EEXIST {
                    try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
                }
            }
            // Then the files, on all cores: link what is unchanged, write the rest.
            let results = ParallelMap.map(chunks(files.count)) { range -> (written: Int, unchanged: Int, failed: String?) in
                var w = 0, u = 0
                for i in range {
                    let file = files[i]
                    let target = stagingPath + "/" + file.path
                    let old = outputPath + "/" + file.path
                    if sameBytes(old, file.bytes), link(old, target) == 0 {
                        u += 1
                        continue
                    }
                    guard write(file.bytes, to: target) else { return (w, u, target) }
                    w += 1
                }
                return (w, u, nil)
            }
            for r in results {
                if let failed = r.failed { throw PublishError(description: "无法写入 (cannot write) \(failed)") }
                written += r.written
                unchanged += r.unchanged
            }
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
            try? fm.removeItem(at: staging)
            throw error
        }
        return Report(written: written, unchanged: unchanged)
    }

    /// Index ranges of about equal size, a few per core, for parallel work.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let size = max(64, count / 64)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// A path made only of plain segments: no `..`, no absolute path, no empty segment.
    static func safeRelativePath(_ path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !segments.isEmpty,
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else { return nil }
        return path
    }

    /// A new file with these bytes (mode 0666 less the umask, as Foundation writes).
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
            let n = read(fd, buffer + done, bytes.count - done)
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            done += n
        }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, buffer, bytes.count) == 0 }
    }
}
