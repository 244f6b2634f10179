/// Diagnostics quote what an editor wrote so it can be found again, but never
/// more than a short excerpt: a value may be megabytes long, or come from a
/// file that is not content at all, and a terminal or CI log is no place for
/// either. Control characters are shown as � so a quote cannot move the
/// cursor or hide the rest of the line.
public enum Excerpt {
    /// Unicode scalars kept, the … included. Scalars, not Characters: one
    /// Character may carry any number of combining marks ("Zalgo" text).
    public static let maxCharacters = 80

    /// `s` cut to `maxCharacters` with a closing …; reads no more of `s` than it keeps.
    public static func of(_ s: some StringProtocol) -> String {
        var kept = String.UnicodeScalarView()
        var count = 0
        for scalar in s.unicodeScalars {
            if count == maxCharacters {
                // There is more than fits: make room for the ….
                var cut = String(String.UnicodeScalarView(kept.prefix(maxCharacters - 1)))
                cut.append("…")
                return cut
            }
            kept.append(scalar.value < 0x20 || scalar.value == 0x7F ? "\u{FFFD}" : scalar)
            count += 1
        }
        return String(kept)
    }

    /// The excerpt in Chinese quotation marks, as diagnostics write values.
    public static func quoted(_ s: some StringProtocol) -> String { "“" + of(s) + "”" }

    /// Longest message a diagnostic keeps: labels, a quote and an explanation fit many times over.
    public static let maxMessage = 600

    /// A whole message made safe: every “quote” in it cut to an excerpt, and
    /// the message to `maxMessage` scalars. Diagnostic's init applies it, so a
    /// rule that forgets to quote through `quoted` (or quotes a value it did
    /// not expect to be long, like a link) still prints a short line.
    public static func bounded(_ message: String) -> String {
        guard message.unicodeScalars.count > maxCharacters else { return message }
        var out = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "“"), let close = rest[open...].firstIndex(of: "”") {
            out += rest[..<open]
            out += quoted(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        guard out.unicodeScalars.count > maxMessage else { return out }
        return String(String.UnicodeScalarView(out.unicodeScalars.prefix(maxMessage - 1))) + "…"
    }
}
