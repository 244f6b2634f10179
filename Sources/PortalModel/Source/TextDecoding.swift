import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads content files as text. YAML and Markdown must be UTF-8 (a BOM is
/// dropped); CSV may also be GB18030, which Excel in China writes by default.
public enum TextDecoding {
    public enum Result {
        case text(String, encoding: String)
        case empty
        case invalid
        /// Holds NUL bytes: valid UTF-8 perhaps, but not text (an image, an archive).
        case binary
    }

    public static func utf8(_ data: Data) -> Result {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .empty }
        if bytes.contains(0) { return .binary }
        guard let s = String(data: bytes, encoding: .utf8) else { return .invalid }
        return .text(s, encoding: "UTF-8")
    }

    /// UTF-8 first (valid UTF-8 is rarely valid GB18030 text by accident), then GB18030.
    public static func utf8OrGB18030(_ data: Data) -> Result {
        switch utf8(data) {
        case .invalid:
            guard let s = gb18030(data) else { return .invalid }
            return .text(s, encoding: "GB18030")
        case let other: return other
        }
    }

    /// GB18030 → String through glibc's iconv, which every Debian system has.
    static func gb18030(_ data: Data) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, b) in raw.enumerated() { input[i] = CChar(bitPattern: b) }
        }
        // A GB18030 character of 1–4 bytes becomes at most 4 UTF-8 bytes.
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        var written = 0
        let complete: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                written = outBuf.count - outLeft
                return result != -1 && inLeft == 0
            }
        }
        guard complete else { return nil }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
