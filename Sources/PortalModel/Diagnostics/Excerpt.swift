/// Diagnostics quote what an editor wrote so it can be found again, but never
/// more than a short excerpt: a value may be megabytes long, or come from a
/// file that is not content at all, and a terminal or CI log is no place for
/// either. Control characters are shown as � so a quote cannot move the
/// cursor or hide the rest of the line.
public enum Excerpt {
    /// Characters kept, the … included.
    public static let maxCharacters = 80

    /// `s` cut to `maxCharacters` with a closing …; reads no more of `s` than it keeps.
    public static func of(_ s: some StringProtocol) -> String {
        var kept: [Character] = []
        for ch in s {
            if kept.count == maxCharacters {
                // There is more than fits: keep room for the ….
                return String(kept.prefix(maxCharacters - 1)) + "…"
            }
            kept.append(ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "\u{FFFD}" : ch)
        }
        return String(kept)
    }

    /// The excerpt in Chinese quotation marks, as diagnostics write values.
    public static func quoted(_ s: some StringProtocol) -> String { "“" + of(s) + "”" }
}
