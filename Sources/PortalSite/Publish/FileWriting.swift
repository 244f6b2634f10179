import Foundation
import PortalModel

/// Plain POSIX file operations the publisher needs, without Foundation's
/// per-call overhead (a build writes tens of thousands of files).
enum FileWriting {
    /// A new file with these bytes (mode 0666 less the umask). Removes what
    /// was at `path` first: in a staging folder that may be a hard link to a
    /// published file, which must never be written through.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        if unlink(path) != 0 && errno != ENOENT { return false }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        let ok = bytes.withUnsafeBytes { buf -> Bool in
            var done = 0
            while done < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        return close(fd) == 0 && ok
    }

    /// Whether the regular file at `path` holds exactly these bytes.
    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
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

    static func lstatus(_ path: String) -> stat? {
        var st = stat()
        return lstat(path, &st) == 0 ? st : nil
    }

    static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
    static func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }

    /// The entries of a folder (not `.` and `..`) with whether each is a
    /// folder (from `d_type`, with an `lstat` only where the file system
    /// does not say), in directory order; nil when it cannot be read.
    static func entries(in directory: String) -> [(name: String, isDirectory: Bool)]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var result: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                result.append((name, lstatus(directory + "/" + name).map(isDirectory) ?? false))
            } else {
                result.append((name, type == Int32(DT_DIR)))
            }
        }
        return result
    }

    /// The names in a folder (not `.` and `..`), sorted; nil when it cannot be read.
    static func names(in directory: String) -> [String]? {
        entries(in: directory).map { $0.map(\.name).sorted() }
    }

    /// Removes a folder and everything in it, never following a symbolic
    /// link. Only for folders Huiqi made: staging folders and replaced trees.
    static func removeTree(_ path: String) {
        guard let st = lstatus(path) else { return }
        guard isDirectory(st) else { unlink(path); return }
        removeContents(path)
        rmdir(path)
    }

    /// `removeTree` on all cores: the folders two levels down (a product's
    /// folder, say) are removed in parallel, then the levels above them.
    static func removeTreeInParallel(_ path: String) {
        guard let top = entries(in: path) else { return removeTree(path) }
        var work: [String] = []
        var folders: [String] = []
        for (name, isFolder) in top {
            let child = path + "/" + name
            guard isFolder, let inner = entries(in: child) else { work.append(child); continue }
            folders.append(child)
            work += inner.map { child + "/" + $0.name }
        }
        _ = ParallelMap.map(work) { removeTree($0) }
        for folder in folders { rmdir(folder) }
        rmdir(path)
    }

    private static func removeContents(_ directory: String) {
        guard let entries = entries(in: directory) else { return }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        defer { if fd >= 0 { close(fd) } }
        for (name, isFolder) in entries {
            if isFolder {
                removeContents(directory + "/" + name)
                if fd >= 0 { unlinkat(fd, name, AT_REMOVEDIR) } else { rmdir(directory + "/" + name) }
            } else if fd >= 0 {
                unlinkat(fd, name, 0)
            } else {
                unlink(directory + "/" + name)
            }
        }
    }
}
