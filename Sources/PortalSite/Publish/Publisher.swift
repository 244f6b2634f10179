import Foundation

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
        do {
            var made = Set<String>()
            for file in files {
                guard let relative = safeRelativePath(file.path) else {
                    throw PublishError(description: "拒绝写出输出目录以外的路径 (refusing a path outside the output folder): \(file.path)")
                }
                let target = staging.appendingPathComponent(relative)
                let dir = target.deletingLastPathComponent().path
                if !made.contains(dir) {
                    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    made.insert(dir)
                }
                let old = output.appendingPathComponent(relative)
                if sameBytes(old.path, file.bytes), link(old.path, target.path) == 0 {
                    unchanged += 1
                    continue
                }
                guard fm.createFile(atPath: target.path, contents: Data(file.bytes)) else {
                    throw PublishError(description: "无法写入 (cannot write) \(target.path)")
                }
                written += 1
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

    /// A path made only of plain segments: no `..`, no absolute path, no empty segment.
    static func safeRelativePath(_ path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !segments.isEmpty,
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else { return nil }
        return path
    }

    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }
}
