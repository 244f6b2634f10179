import CZlib
import Foundation
import PortalModel

/// `.gz` copies of text files for nginx's `gzip_static`, compressed once at
/// build time at the highest level. gzip headers carry no name and no time,
/// so the copies are as reproducible as the files they come from.
public enum Precompress {
    static let textExtensions: Set<String> = ["html", "css", "js", "svg", "xml", "json", "txt", "ics"]

    /// Files this small gain nothing from compression.
    static let minimumSize = 256

    /// Whether a file at `path` of `size` bytes gets a `.gz` copy.
    static func wantsCopy(_ path: String, size: Int) -> Bool {
        guard size >= minimumSize, let dot = path.lastIndex(of: ".") else { return false }
        return textExtensions.contains(String(path[path.index(after: dot)...]))
    }

    /// A gzip member (RFC 1952) with zero mtime and no file name.
    public static func gzip(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip wrapper; its header has mtime 0.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var source = input
        let produced: Int = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                let status = deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? dst.count - Int(stream.avail_out) : -1
            }
        }
        return produced < 0 ? [] : Array(output.prefix(produced))
    }
}
