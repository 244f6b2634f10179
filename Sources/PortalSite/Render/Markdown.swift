import CCmarkGFM
import Foundation
import MustacheTemplates
import PortalModel

/// Markdown → HTML through cmark-gfm with the GitHub extensions. Raw HTML in
/// content is never passed through (cmark's safe default), and headings are
/// shifted so a body never competes with the page's own `<h1>`.
public enum Markdown {
    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public static func html(_ text: String, topHeadingLevel: Int32 = 2) -> String {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // cmark passes control characters through; the page must not carry them.
        HTMLEscaping.removingForbidden(text).utf8CString.withUnsafeBufferPointer { buf in
            cmark_parser_feed(parser, buf.baseAddress, buf.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        shiftHeadings(document, top: topHeadingLevel)
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return withHeaderScope(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                                   count: strlen(rendered)))
    }

    /// Moves every heading down so the shallowest one is `top` (h2 under a page's h1).
    static func shiftHeadings(_ document: OpaquePointer, top: Int32) {
        var headings: [OpaquePointer] = []
        let iter = cmark_iter_new(document)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter), cmark_node_get_type(node) == CMARK_NODE_HEADING {
                headings.append(node)
            }
        }
        guard let shallowest = headings.map({ cmark_node_get_heading_level($0) }).min(), shallowest < top else { return }
        let shift = top - shallowest
        for h in headings {
            cmark_node_set_heading_level(h, min(6, cmark_node_get_heading_level(h) + shift))
        }
    }

    /// cmark's HTML, with `scope="col"` on the header cells of tables, which
    /// screen readers use. cmark writes them as `<th>` or `<th align="…">`.
    static func withHeaderScope(_ html: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(html.count + 64)
        var copied = 0, i = 0
        while i + 4 <= html.count {
            if html[i] == UInt8(ascii: "<"), html[i + 1] == UInt8(ascii: "t"), html[i + 2] == UInt8(ascii: "h"),
               html[i + 3] == UInt8(ascii: ">") || html[i + 3] == UInt8(ascii: " ") {
                out.append(contentsOf: html[copied..<i + 3])
                out.append(contentsOf: scopeAttribute)
                copied = i + 3
            }
            i += 1
        }
        out.append(contentsOf: html[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    private static let scopeAttribute = Array(#" scope="col""#.utf8)

    /// Plain text of Markdown, for summaries and the search index.
    public static func plainText(_ text: String) -> String {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return text }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        text.utf8CString.withUnsafeBufferPointer { buf in cmark_parser_feed(parser, buf.baseAddress, buf.count - 1) }
        guard let document = cmark_parser_finish(parser) else { return text }
        defer { cmark_node_free(document) }
        var out = ""
        let iter = cmark_iter_new(document)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_PARAGRAPH
                        || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM {
                if !out.isEmpty, !out.hasSuffix(" ") { out += " " }
            }
        }
        return out.trimmingWhitespace()
    }
}

/// Markdown in a page context, rendered to HTML only when the page is:
/// a route's fingerprint takes the source, so unchanged pages never pay
/// for cmark.
final class MarkdownText: @unchecked Sendable {
    let source: String
    let topHeadingLevel: Int32
    init(_ source: String, topHeadingLevel: Int32 = 2) {
        self.source = source
        self.topHeadingLevel = topHeadingLevel
    }
    var html: String { Markdown.html(source, topHeadingLevel: topHeadingLevel) }

    /// Markdown that templates test with `{{#key}}`: nil (false) when there is none or it is blank.
    static func maybe(_ source: String?, topHeadingLevel: Int32 = 2) -> MarkdownText? {
        guard let source, !source.allSatisfy(\.isWhitespace) else { return nil }
        return MarkdownText(source, topHeadingLevel: topHeadingLevel)
    }
}
