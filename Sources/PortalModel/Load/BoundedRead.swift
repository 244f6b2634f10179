import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a content file whole, but never more than a limit, and never waits:
/// the file is opened non-blocking and checked to be a regular file on the
/// opened descriptor (a name checked earlier may have been swapped since).
enum BoundedRead {
    enum Outcome {
        case data(Data)
        case tooLarge(bytes: Int64)
        case notRegular(kind: String)
        case failed(String)
    }

    static func read(_ path: String, maxBytes: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failed(String(cString: strerror(errno))) }
        if let kind = ContentPath.kindName(st.st_mode) { return .notRegular(kind: kind) }
        if st.st_size > Int64(maxBytes) { return .tooLarge(bytes: Int64(st.st_size)) }
        // The size may change while reading: read at most one byte past the limit to know.
        var data = Data(count: Int(st.st_size) + 1)
        var total = 0
        while true {
            if total == data.count {
                guard total <= maxBytes else { return .tooLarge(bytes: Int64(total)) }
                data.count = min(maxBytes + 1, max(data.count * 2, 4096))
            }
            let n = data.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + total, raw.count - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            total += n
        }
        if total > maxBytes { return .tooLarge(bytes: Int64(total)) }
        data.count = total
        return .data(data)
    }
}
