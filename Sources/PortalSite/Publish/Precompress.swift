import CZlib
import Foundation
import PortalModel

/// `.gz` copies of text files for nginx's `gzip_static`, compressed once at
/// build time at the highest level. gzip headers carry no name and no time,
/// so the copies are as reproducible as the files they come from.
public enum Precompress {
    static let textExtensions: Set<String> = ["html", "css", "js", "svg", "xml", "json", "txt", "ics"]

    public static func addGzipCopies(_ files: [OutputFile]) -> [OutputFile] {
        let compressible = files.filter { textExtensions.contains(($0.path as NSString).pathExtension) && $0.bytes.count >= 256 }
        let copies = ParallelMap.map(compressible) { OutputFile(path: $0.path + ".gz", bytes: gzip($0.bytes)) }
        return (files + copies).sorted { $0.path < $1.path }
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
