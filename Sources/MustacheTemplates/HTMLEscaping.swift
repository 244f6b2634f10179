/// The five HTML escapes (`& < > " '`), on UTF-8 bytes: text without those
/// bytes (most text) is copied in one piece. Unlike a per-Character scan, a
/// quote followed by a combining mark is still escaped.
///
/// Characters no markup may hold are dropped here too (see
/// `forbiddenLength`): one control character in a policy title would make
/// `feed.xml` not well-formed, and readers refuse the whole feed. The same
/// function escapes feeds, the sitemap and every template variable.
public enum HTMLEscaping {
    /// Appends `text` to `out`, escaped.
    public static func append(_ text: String, to out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &out) }
        if done == nil { append(Array(text.utf8), to: &out) }
    }

    public static func append<C: RandomAccessCollection>(_ bytes: C, to out: inout [UInt8])
    where C.Element == UInt8, C.Index == Int {
        var runStart = bytes.startIndex
        byteClass.withUnsafeBufferPointer { table in
            // One table load per byte: as fast as the five comparisons of the
            // escapes alone were, with the forbidden characters' lead bytes added.
            for i in bytes.indices where table[Int(bytes[i])] != plain {
                let b = bytes[i]
                if table[Int(b)] == escaped {
                    out.append(contentsOf: bytes[runStart..<i])
                    out.append(contentsOf: replacement(b))
                    runStart = i + 1
                } else if let n = forbiddenLength(bytes, at: i) {
                    // Its continuation bytes (80–BF) are `plain`: the loop passes over them.
                    out.append(contentsOf: bytes[runStart..<i])
                    runStart = i + n
                }
            }
        }
        out.append(contentsOf: bytes[runStart..<bytes.endIndex])
    }

    private static let plain: UInt8 = 0, escaped: UInt8 = 1, maybeForbidden: UInt8 = 2
    /// Per byte value: `plain`, `escaped` (`& < > " '`) or `maybeForbidden` (`mayStartForbidden`).
    private static let byteClass: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        needsEscape(UInt8(b)) ? escaped : mayStartForbidden(UInt8(b)) ? maybeForbidden : plain
    }

    /// `text`, escaped; the same string when there is nothing to escape.
    public static func escape(_ text: String) -> String {
        guard hasWork(text, escaping: true) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 32)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    /// `text` without the characters markup may not hold, nothing escaped
    /// (for text handed to a Markdown renderer, which escapes by itself).
    public static func removingForbidden(_ text: String) -> String {
        guard hasWork(text, escaping: false) else { return text }
        let bytes = Array(text.utf8)
        var out = [UInt8](), runStart = 0, i = 0
        out.reserveCapacity(bytes.count)
        while i < bytes.count {
            if byteClass[Int(bytes[i])] == maybeForbidden, let n = forbiddenLength(bytes, at: i) {
                out.append(contentsOf: bytes[runStart..<i])
                i += n
                runStart = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: bytes[runStart...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has a byte to escape (when `escaping`) or a character to
    /// drop. Exact, not just a lead byte: Chinese text is full of full-width
    /// punctuation (EF BC 8C), and it must come back as it is, not copied.
    static func hasWork(_ text: String, escaping: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            byteClass.withUnsafeBufferPointer { table in
                for i in bytes.indices where table[Int(bytes[i])] != plain {
                    if table[Int(bytes[i])] == escaped ? escaping : forbiddenLength(bytes, at: i) != nil { return true }
                }
                return false
            }
        }
    }

    /// A first byte of one of those characters: C0 controls, DEL, the lead
    /// byte of C1 controls (C2), of U+FDD0–U+FDEF and U+FFFE/U+FFFF (EF), and of
    /// the other planes' noncharacters (F0–F4). Chinese ideographs (E3–E9)
    /// never start one.
    static func mayStartForbidden(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x7F || b == 0xC2 || b >= 0xEF
    }

    /// The length in bytes of the character at `i` when markup may not hold it,
    /// else nil. XML 1.0 (§2.2) forbids U+0000–U+0008, U+000B, U+000C,
    /// U+000E–U+001F, U+FFFE and U+FFFF; HTML (§13.2.3.5) also makes DEL, the
    /// C1 controls U+0080–U+009F and every noncharacter a parse error. Tab, line
    /// feed and carriage return stay. `bytes` is valid UTF-8 (it comes from a String).
    static func forbiddenLength<C: RandomAccessCollection>(_ bytes: C, at i: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        let b = bytes[i]
        func at(_ k: Int) -> UInt8 { i + k < bytes.endIndex ? bytes[i + k] : 0 }
        switch b {
        case 0x09, 0x0A, 0x0D: return nil
        case 0x00..<0x20, 0x7F: return 1
        case 0xC2: return (0x80...0x9F).contains(at(1)) ? 2 : nil
        case 0xEF:
            if at(1) == 0xB7, (0x90...0xAF).contains(at(2)) { return 3 }  // U+FDD0–U+FDEF
            if at(1) == 0xBF, at(2) == 0xBE || at(2) == 0xBF { return 3 }  // U+FFFE, U+FFFF
            return nil
        case 0xF0...0xF4:
            // U+xFFFE and U+xFFFF: the low 16 bits all ones but the last.
            return at(1) & 0x0F == 0x0F && at(2) == 0xBF && (at(3) == 0xBE || at(3) == 0xBF) ? 4 : nil
        default: return nil
        }
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
