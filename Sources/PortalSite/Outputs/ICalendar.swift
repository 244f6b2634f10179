import PortalModel

/// One iCalendar file per event (RFC 5545), times in Asia/Shanghai.
///
/// Every value from content goes through `text` or `parameter`: a title with a
/// line break or an organizer with a colon must stay inside its own property,
/// never start a new one (a calendar client would take an injected `ATTACH` or
/// `RRULE` at its word).
enum ICS {
    static func event(_ e: Event, _ index: PortalIndex) -> String {
        let start = e.start ?? LocalDateTime("2000-01-01T00:00")!
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Huiqi//\(text(index.portal.site.title))//ZH", "CALSCALE:GREGORIAN",
            "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:\(e.id)@\(host(index.baseURL))",
            // DTSTAMP must not be the clock: the build date keeps output reproducible.
            "DTSTAMP:\(index.date.description.replacingOccurrences(of: "-", with: ""))T000000Z",
            "DTSTART;TZID=Asia/Shanghai:\(start.icsValue)",
        ]
        if let end = e.end { lines.append("DTEND;TZID=Asia/Shanghai:\(end.icsValue)") }
        lines += [
            "SUMMARY:\(text(e.title))",
            "LOCATION:\(text(e.place))",
            "ORGANIZER;CN=\(parameter(e.organizer)):MAILTO:noreply@\(host(index.baseURL))",
            "URL:\(index.absoluteURL(Paths.event(e.id)))",
        ]
        if let d = e.description { lines.append("DESCRIPTION:\(text(Markdown.plainText(d)))") }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func host(_ url: String) -> String {
        url.split(separator: "/").dropFirst().first.map(String.init) ?? "localhost"
    }

    /// A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every
    /// line break (CRLF, CR or LF) written `\n`, other control characters
    /// (which TEXT does not allow) dropped.
    static func text(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousCR: continue  // the LF of a CRLF, already written
            case "\r", "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\\", ";", ",": out.append("\\"); out.append(scalar)
            case "\t": out.append(scalar)
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// A parameter value (§3.2): no escapes exist there, so a value with `:`,
    /// `;` or `,` is put in double quotes; a double quote (never allowed) becomes
    /// an apostrophe, and line breaks and other control characters become spaces.
    static func parameter(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var needsQuotes = false
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("'")
            case ":", ";", ",": needsQuotes = true; out.append(scalar)
            case "\t": out.append(scalar)
            default: out.append(isControl(scalar) ? " " : scalar)
            }
        }
        return needsQuotes ? "\"" + String(out) + "\"" : String(out)
    }

    /// CTL of RFC 5545's grammar: U+0000–U+001F and U+007F.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

    /// Lines longer than 75 octets are folded (§3.1): CRLF and a space, which
    /// counts towards the next line's 75. Never inside a UTF-8 sequence; counted
    /// per scalar, so even a long grapheme cluster cannot push a line past 75.
    static func fold(_ line: String) -> String {
        var out = String.UnicodeScalarView(), count = 0
        for scalar in line.unicodeScalars {
            let n = UTF8.width(scalar)
            if count + n > 75 {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                count = 1
            }
            out.append(scalar)
            count += n
        }
        return String(out)
    }
}
