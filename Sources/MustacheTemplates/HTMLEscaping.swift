/// The five HTML escapes (`& < > " '`), on UTF-8 bytes: text without those
/// bytes (most text) is copied in one piece. Unlike a per-Character scan, a
/// quote followed by a combining mark is still escaped.
public enum HTMLEscaping {
    /// Appends `text` to `out`, escaped.
    public static func append(_ text: String, to out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &out) }
        if done == nil { append(Array(text.utf8), to: &out) }
    }

    public static func append<C: RandomAccessCollection>(_ bytes: C, to out: inout [UInt8])
    where C.Element == UInt8, C.Index == Int {
        var runStart = bytes.startIndex
        for i in bytes.indices where needsEscape(bytes[i]) {
            out.append(contentsOf: bytes[runStart..<i])
            out.append(contentsOf: replacement(bytes[i]))
            runStart = i + 1
        }
        out.append(contentsOf: bytes[runStart..<bytes.endIndex])
    }

    /// `text`, escaped; the same string when there is nothing to escape.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 32)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    private static func replacement(_ b: UInt8) -> [UInt8] {
        switch b {
        case UInt8(ascii: "&"): return amp
        case UInt8(ascii: "<"): return lt
        case UInt8(ascii: ">"): return gt
        case UInt8(ascii: "\""): return quot
        default: return apos
        }
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}
