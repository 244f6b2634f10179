import MustacheTemplates

/// HTML escaping for the few places that write markup directly (feeds,
/// sitemap, charts); templates escape with the same function.
public enum HTML {
    /// Replaces `& < > " '` with character references and drops characters
    /// XML and HTML forbid, such as control characters (see `HTMLEscaping`).
    public static func escape(_ s: String) -> String { HTMLEscaping.escape(s) }
}
