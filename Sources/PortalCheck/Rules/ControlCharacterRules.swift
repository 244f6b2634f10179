import PortalModel

/// Characters XML and HTML may not hold (control characters, noncharacters)
/// in text shown on pages and in feeds. The output drops them when escaping,
/// so the build still works; the warning tells the editor where they are,
/// since what was meant there (a dash, a space pasted from a PDF) is lost.
enum ControlCharacterRules {
    static func check(_ c: inout RuleContext) {
        let site = c.portal.site
        scan(&c, site.source, Schemas.site, ["title": site.title, "city": site.city, "organizer": site.organizer,
                                             "contact": site.contact, "description": site.description])
        // Every kind's text, as its declaration lists it.
        for kind in ContentKinds.all {
            for (source, fields, body) in kind.texts(c.portal) {
                scan(&c, source, kind.fields, fields)
                if let body { scanBody(&c, source, body) }
            }
        }
    }

    static func scan(_ c: inout RuleContext, _ source: SourceMap, _ specs: [FieldSpec], _ fields: [String: String?]) {
        // Sorted, so the diagnostics come in the same order on every run.
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let value, let found = firstForbidden(value) else { continue }
            c.report(.V015, source, field: field, specs: specs, message(found.scalar),
                     expected: "删去该字符，或换成空格、破折号等可见字符 (remove it or use a visible character)")
        }
    }

    /// The Markdown body has no field location: the message gives the line within the body.
    static func scanBody(_ c: inout RuleContext, _ source: SourceMap, _ body: String) {
        guard let found = firstForbidden(body) else { return }
        c.diagnostics.add(Diagnostic(.V015, at: source.location("body"),
                                     "正文 (body) 第 \(found.line) 行: " + message(found.scalar), field: "body", label: "正文",
                                     expected: "删去该字符，或换成空格、破折号等可见字符 (remove it or use a visible character)"))
    }

    static func message(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "含有不可见的控制字符 \(code)，生成网页和订阅时已删除 (contains control character \(code), removed from the output)"
    }

    /// The first forbidden character and its 1-based line in `text`.
    static func firstForbidden(_ text: String) -> (scalar: Unicode.Scalar, line: Int)? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if isForbidden(scalar) { return (scalar, line) }
        }
        return nil
    }

    /// The characters `HTMLEscaping` drops (a test holds the two to the same
    /// set): XML 1.0's forbidden C0 controls, U+FFFE and U+FFFF, and what HTML
    /// also refuses: DEL, C1 controls and the other noncharacters.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: return true
        default: return v & 0xFFFE == 0xFFFE
        }
    }
}
