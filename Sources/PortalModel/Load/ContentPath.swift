import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides, before anything is opened, whether a name in the content folder
/// may be read. A symlink may lead to another file in the content folder,
/// never out of it: the folder is what editors publish, and a link to a file
/// elsewhere (a private note, /etc/passwd) would otherwise be read, quoted in
/// diagnostics and published. Only regular files are read: opening a FIFO
/// waits for a writer forever, a device may never end.
enum ContentPath {
    enum Verdict: Equatable {
        /// Read this path (symlinks resolved, so the file read is the one checked).
        case file(readPath: String)
        /// A symlink leading out of the content folder; `target` is relative to the link's folder.
        case outside(target: String)
        /// A symlink that loops or leads nowhere.
        case unresolvable(target: String, loops: Bool)
        /// A folder, FIFO, socket or device, named in Chinese and English.
        case notRegular(kind: String)
        /// lstat failed: the name vanished or cannot be looked at.
        case unreadable(String)
    }

    /// The content folder with every symlink in its own path resolved, which
    /// resolved targets are compared against.
    static func resolvedRoot(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    static func check(_ path: String, realRoot: String) -> Verdict {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        var readPath = path
        if st.st_mode & S_IFMT == S_IFLNK {
            let written = linkText(path) ?? "?"
            guard let resolved = realpath(path, nil) else {
                return .unresolvable(target: written, loops: errno == ELOOP)
            }
            readPath = String(cString: resolved)
            free(resolved)
            guard readPath == realRoot || readPath.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                let linkFolder = resolvedRoot((path as NSString).deletingLastPathComponent)
                return .outside(target: relative(from: linkFolder, to: readPath))
            }
            guard stat(readPath, &st) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        }
        if let kind = kindName(st.st_mode) { return .notRegular(kind: kind) }
        return .file(readPath: readPath)
    }

    /// A folder's names with the type the folder itself records for each
    /// (readdir's d_type), so the usual case, a regular file, costs no stat
    /// of its own: `huiqi serve` lists every folder on every rebuild.
    static func list(_ folder: String) -> [(name: String, isRegular: Bool)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [(name: String, isRegular: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_REG)))
        }
        return names
    }

    /// nil for a regular file.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "文件夹 (a folder)"
        case S_IFIFO: return "命名管道 (a FIFO)"
        case S_IFSOCK: return "套接字 (a socket)"
        case S_IFCHR, S_IFBLK: return "设备文件 (a device)"
        default: return "特殊文件 (a special file)"
        }
    }

    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `to` as seen from the folder `from` (both absolute): `../../etc/passwd`.
    static func relative(from: String, to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        return (up + b[common...].map(String.init)).joined(separator: "/")
    }
}
