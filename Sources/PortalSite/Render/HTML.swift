import MustacheTemplates

/// HTML escaping for the few places that write markup directly (feeds,
/// sitemap, charts); templates escape with the same function.
public enum HTML {
    /// Replaces `& < > " '` with character references (see `HTMLEscaping`).
    public static func escape(_ s: String) -> String { HTMLEscaping.escape(s) }
}
