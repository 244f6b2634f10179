/// Splits `---` YAML front matter from a Markdown body.
enum FrontMatter {
    struct Split {
        let yaml: String
        /// Lines before the YAML text starts (the opening `---`), to keep line numbers true.
        let yamlLineOffset: Int
        let body: String
    }

    static func split(_ text: String) -> Split? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        return Split(yaml: lines[..<end].joined(separator: "\n"), yamlLineOffset: 1,
                     body: lines[(end + 1)...].joined(separator: "\n"))
    }
}
