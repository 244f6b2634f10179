import Foundation

/// Splits `---` YAML front matter from a Markdown body.
enum FrontMatter {
    struct Split {
        let yaml: String
        /// Lines before the YAML text starts (the opening `---`), to keep line numbers true.
        let yamlLineOffset: Int
        let body: String
    }

    /// Walks the lines over UTF-8 without splitting the whole file (a policy
    /// body is long; only the front matter's lines are looked at).
    static func split(_ text: String) -> Split? {
        // Windows line breaks: "\r\n" is one Character, so no line would ever be "---".
        if text.utf8.contains(UInt8(ascii: "\r")) {
            let unix = text.replacingOccurrences(of: "\r\n", with: "\n")
            if unix.utf8.count != text.utf8.count { return split(unix) }
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var yamlStart: String.Index?
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let next = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            let isDelimiter = text[lineStart..<lineEnd].trimmingSpaces() == "---"
            if let start = yamlStart, isDelimiter {
                // The YAML ends before the line break that precedes the closing `---`.
                let yamlEnd = lineStart == start ? start : utf8.index(before: lineStart)
                return Split(yaml: String(text[start..<yamlEnd]), yamlLineOffset: 1, body: String(text[next...]))
            }
            if yamlStart == nil {
                guard isDelimiter else { return nil }
                yamlStart = next
            }
            guard lineEnd != utf8.endIndex else { return nil }
            lineStart = next
        }
    }
}
