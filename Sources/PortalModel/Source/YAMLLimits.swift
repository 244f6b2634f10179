/// How much structure one YAML document (a content file, a front matter,
/// site.yml) may make. Content files are small and flat — the deepest
/// example nests 5 levels and has a few hundred nodes — so these limits are
/// far above any real file and far below what hurts: YAML aliases let 1.8 KB
/// describe 10⁹ nodes ("billion laughs"), and Yams composes nested
/// collections recursively, so 10 000 `[` overflow the stack.
public struct YAMLLimits: Sendable {
    /// Nodes in the document with every alias expanded (what the reader walks).
    public var maxNodes = 100_000
    /// Of those, nodes that exist only because an alias repeats its anchor.
    public var maxAliasNodes = 10_000
    /// Collections inside collections, aliases expanded.
    public var maxDepth = 100

    public init() {}

    public static let standard = YAMLLimits()
}
