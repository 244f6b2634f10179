/// The forms people type, read as what they mean: bank staff fill these files
/// in Excel and with Chinese input methods, which give full-width digits and
/// punctuation, 顿号-separated lists, dates as Excel shows them in a Chinese
/// locale and numbers followed by their unit. Anything ambiguous stays an
/// error (`1/2/2026`, a unit that is not the field's).
enum TypedForms {
    /// Full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space folded to
    /// ASCII, as NFKC would for these characters; other text is left alone.
    static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Separators between the items of a list of choices written in one cell
    /// or one scalar: `；` `;` `、` `，` `,`. (Lists of free text split only on
    /// `；` `;`: a 顿号 inside a condition is part of it.)
    static func isChoiceSeparator(_ c: Character) -> Bool {
        c == "；" || c == ";" || c == "、" || c == "，" || c == ","
    }

    /// A date as people write it: `2026-01-01`, `2026/1/1`, `2026.1.1` or
    /// `2026年1月1日` (full-width digits too). The year comes first; when the
    /// day does not exist, `why` says so in words.
    static func date(_ text: String) -> (date: SimpleDate?, why: String?) {
        let t = fold(text).trimmingSpaces()
        var numbers: [Int] = [], current = "", separators: [Character] = []
        for c in t {
            if c.isASCII && c.isNumber { current.append(c); continue }
            guard !current.isEmpty else { return (nil, nil) }
            numbers.append(Int(current)!)
            current = ""
            separators.append(c)
        }
        if !current.isEmpty { numbers.append(Int(current)!) }
        let chinese = separators == ["年", "月", "日"] || separators == ["年", "月"] && !current.isEmpty
        let plain = separators.count == 2 && separators[0] == separators[1] && "-/.".contains(separators[0]) && !current.isEmpty
        guard numbers.count == 3, chinese || plain, t.first?.isNumber == true else { return (nil, nil) }
        guard String(numbers[0]).count == 4 else {
            // 1/2/2026: day first or month first? Ambiguous, so refused, saying how to write it.
            return (nil, String(numbers[2]).count == 4 ? "年份请写在前面，如 \(numbers[2])-01-02，以免月、日颠倒 (write the year first)" : nil)
        }
        let (y, m, d) = (numbers[0], numbers[1], numbers[2])
        guard (1...12).contains(m) else { return (nil, "没有 \(m) 月 (no month \(m))") }
        let days = SimpleDate.daysIn(month: m, year: y)
        guard let date = SimpleDate(year: y, month: m, day: d) else {
            return (nil, "\(y) 年 \(m) 月只有 \(days) 天 (that month has \(days) days)")
        }
        return (date, nil)
    }

    /// The unit a field's label names in brackets (`额度（万元）` → `万元`), if any.
    static func unit(ofLabel label: String) -> String? {
        guard let open = label.lastIndex(where: { $0 == "（" || $0 == "(" }),
              let close = label.lastIndex(where: { $0 == "）" || $0 == ")" }), open < close else { return nil }
        let unit = String(label[label.index(after: open)..<close])
        return unit.isEmpty ? nil : unit
    }

    /// A number with the field's own unit after it (`5个工作日`, `100万元`,
    /// `3.5%`): the number's text, or nil when a unit is there but is not the
    /// field's (then `foreignUnit` holds it).
    static func strippingUnit(_ text: String, unit: String?) -> (number: String, foreignUnit: String?) {
        let t = fold(text).trimmingSpaces()
        guard let end = t.lastIndex(where: { $0.isASCII && $0.isNumber }) else { return (t, nil) }
        let suffix = String(t[t.index(after: end)...]).trimmingSpaces()
        // A bare number, or a percentage (numbers have always taken a trailing %).
        if suffix.isEmpty || suffix == "%" { return (t, nil) }
        if let unit, suffix == unit || suffix == "个" + unit { return (String(t[...end]).trimmingSpaces(), nil) }
        return (t, suffix)
    }
}
