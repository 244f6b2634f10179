import Mustache

/// HTML escaping for everything Huiqi writes: templates (through the
/// `HUIQI_HTML` content type every theme template gets) and the few places
/// that write markup directly (feeds, sitemap, charts).
public enum HTML {
    /// Replaces `& < > " '` with character references. Works on UTF-8 bytes:
    /// text without those five bytes (most of it) is returned as it is, with
    /// no copy. Unlike a per-Character scan, a quote followed by a combining
    /// mark is still escaped.
    public static func escape(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for b in bytes[first...] {
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): out.append(contentsOf: quot)
                case UInt8(ascii: "'"): out.append(contentsOf: apos)
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    /// The template content type: the same five escapes as Mustache's own HTML
    /// type, at a fraction of its cost (it looks each Character up in a dictionary).
    struct ContentType: MustacheContentType {
        static let name = "HUIQI_HTML"
        static let pragma = "{{% CONTENT_TYPE: \(name) }}"
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }
}
