/// What a YAML syntax error means for an editor typing with a Chinese input
/// method: libyaml's English problem said in Chinese (the English after it),
/// and the mistakes such input causes found where they are, since libyaml
/// notices them only a line or two later.
enum YAMLSyntaxHints {
    /// libyaml's problem and context texts, in Chinese.
    static let chinese: [(english: String, chinese: String)] = [
        ("could not find expected ':'", "找不到键名后的冒号“:”"),
        ("mapping values are not allowed in this context", "此处不能写“键: 值”（值里有冒号时请加引号）"),
        ("did not find expected key", "找不到应有的键名（多为缩进不一致）"),
        ("did not find expected '-' indicator", "找不到列表项开头的“-”（多为缩进不一致）"),
        ("found character that cannot start any token", "有不能作为开头的字符（多为 Tab 缩进）"),
        ("found unexpected end of stream", "文件意外结束（多为引号没有成对）"),
        ("did not find expected ',' or ']'", "方括号列表缺少“,”或“]”"),
        ("did not find expected ',' or '}'", "花括号对象缺少“,”或“}”"),
        ("found a tab character that violates indentation", "缩进里有 Tab，请改用空格"),
        ("while scanning a simple key", "读取键名时"),
        ("while scanning a quoted scalar", "读取引号内的文字时"),
        ("while parsing a block mapping", "读取对象时"),
        ("while parsing a block collection", "读取列表时"),
        ("while parsing a flow sequence", "读取方括号列表时"),
        ("while parsing a flow mapping", "读取花括号对象时"),
    ]

    static func translate(_ text: String) -> String {
        guard let known = chinese.first(where: { text.hasPrefix($0.english) }) else { return text }
        return "\(known.chinese) (\(text))"
    }

    /// A mistake Chinese input causes, at its own line and column (1-based),
    /// found on the lines up to `lastLine`: a full-width colon after a key, or
    /// a tab in the indentation.
    static func likelyCause(in text: String, upTo lastLine: Int) -> (line: Int, column: Int, message: String, fix: String)? {
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber > lastLine { break }
            let line = String(raw)
            if let tab = line.prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
                return (lineNumber, line.distance(from: line.startIndex, to: tab) + 1,
                        "第 \(lineNumber) 行用 Tab 缩进，YAML 只认空格 (tab in the indentation)",
                        "把行首的 Tab 换成空格")
            }
            // `key：` or `- key：`, outside quotes and comments.
            let body = line.drop(while: { $0 == " " || $0 == "-" })
            guard let colon = body.firstIndex(of: "："), !body.hasPrefix("#"), !body.hasPrefix("\""), !body.hasPrefix("'") else { continue }
            let key = body[..<colon]
            if !key.isEmpty, !key.contains(":"), key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) {
                let column = line.distance(from: line.startIndex, to: colon) + 1
                return (lineNumber, column,
                        "第 \(lineNumber) 行键名 \(Excerpt.quoted(String(key))) 后是全角冒号“：”，YAML 只认半角冒号“:” (full-width colon after a key)",
                        "\(key): ……（半角冒号加一个空格）")
            }
        }
        return nil
    }
}
