import Foundation
import XCTest
@testable import PortalBuild
import PortalModel
@testable import PortalSite

/// Hostile event text must stay inside its own iCalendar property (RFC 5545).
final class ICalendarTests: XCTestCase {
    func index() throws -> PortalIndex {
        let dir = try MiniPortal().write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let checked = try BuildPipeline.loadAndCheck(contentDirectory: dir, displayName: "content", date: MiniPortal.date)
        return PortalIndex(portal: checked.portal, date: MiniPortal.date, baseURL: nil)
    }

    /// Physical lines of the file: each must end in CRLF, be valid UTF-8 and at most 75 octets.
    func physicalLines(_ ics: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let bytes = Array(ics.utf8)
        XCTAssertEqual(bytes.suffix(2), [13, 10], "the file must end in CRLF", file: file, line: line)
        var lines: [[UInt8]] = [], current: [UInt8] = [], i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                lines.append(current); current = []; i += 2; continue
            }
            XCTAssertFalse(bytes[i] == 13 || bytes[i] == 10, "bare CR or LF in \(ics.debugDescription)", file: file, line: line)
            XCTAssertFalse(bytes[i] < 0x20 && bytes[i] != 9 || bytes[i] == 0x7F, "control character \(bytes[i])", file: file, line: line)
            current.append(bytes[i]); i += 1
        }
        return lines.map { l in
            XCTAssertLessThanOrEqual(l.count, 75, String(decoding: l, as: UTF8.self), file: file, line: line)
            let text = String(validating: l, as: UTF8.self)
            XCTAssertNotNil(text, "a fold split a UTF-8 sequence: \(l)", file: file, line: line)
            return text ?? ""
        }
    }

    /// Unfolds (§3.1) and splits each content line into name, parameters and value,
    /// honouring double quotes in parameters as a client does.
    func properties(_ ics: String) -> [(name: String, params: [String], value: String)] {
        var logical: [String] = []
        for l in physicalLines(ics) {
            if l.hasPrefix(" "), !logical.isEmpty { logical[logical.count - 1] += l.dropFirst() } else { logical.append(l) }
        }
        return logical.map { line in
            var parts: [String] = [], current = "", quoted = false, rest = Substring(line)
            while let c = rest.first {
                rest = rest.dropFirst()
                if c == "\"" { quoted.toggle(); current.append(c); continue }
                if !quoted, c == ";" { parts.append(current); current = ""; continue }
                if !quoted, c == ":" { parts.append(current); break }
                current.append(c)
            }
            return (parts.first ?? "", Array(parts.dropFirst()), String(rest))
        }
    }

    func unescape(_ value: String) -> String {
        var out = "", escaping = false
        for c in value {
            if escaping { out.append(c == "n" || c == "N" ? "\n" : c); escaping = false } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }

    func testHostileTitleAndOrganizerCannotAddProperties() throws {
        let index = try index()
        var e = Event(id: "ev-x", source: SourceMap(file: "content/events/ev-x.yml"))
        e.title = "对接会\r\nATTACH:https://evil.example/x\nRRULE:FREQ=DAILY\rEND:VEVENT\u{1}；a;b,c\\d"
        e.place = "会场\u{7}\u{0}\u{1B}[31m三楼"
        e.organizer = "金融局:MAILTO:evil@example.com;ROLE=CHAIR,\"x\"\r\nX-INJECTED:1"
        e.start = LocalDateTime("2026-12-01T09:30")
        e.description = String(repeating: "长文本，含逗号；", count: 40) + "\nDTSTART:19990101T000000"
        let ics = ICS.event(e, index)
        let props = properties(ics)
        XCTAssertEqual(props.map(\.name), [
            "BEGIN", "VERSION", "PRODID", "CALSCALE", "BEGIN", "TZID", "BEGIN", "DTSTART", "TZOFFSETFROM", "TZOFFSETTO",
            "TZNAME", "END", "END", "BEGIN", "UID", "DTSTAMP", "DTSTART", "SUMMARY", "LOCATION", "ORGANIZER", "URL",
            "DESCRIPTION", "END", "END",
        ], ics)
        let summary = try XCTUnwrap(props.first { $0.name == "SUMMARY" })
        XCTAssertEqual(unescape(summary.value), "对接会\nATTACH:https://evil.example/x\nRRULE:FREQ=DAILY\nEND:VEVENT；a;b,c\\d")
        XCTAssertEqual(unescape(try XCTUnwrap(props.first { $0.name == "LOCATION" }).value), "会场[31m三楼")
        let organizer = try XCTUnwrap(props.first { $0.name == "ORGANIZER" })
        XCTAssertEqual(organizer.params, [#"CN="金融局:MAILTO:evil@example.com;ROLE=CHAIR,'x'  X-INJECTED:1""#])
        XCTAssertEqual(organizer.value, "MAILTO:noreply@t.example.gov.cn")
        XCTAssertTrue(unescape(try XCTUnwrap(props.first { $0.name == "DESCRIPTION" }).value).hasSuffix("DTSTART:19990101T000000"))
    }

    func testPlainOrganizerIsNotQuotedAndLongLinesFoldWithinCharacters() throws {
        let index = try index()
        var e = Event(id: "ev-y", source: SourceMap(file: "content/events/ev-y.yml"))
        e.organizer = "测试市地方金融管理局"
        // Scalars of 1, 2, 3 and 4 octets, so a fold falls at every offset in a sequence.
        e.title = String(repeating: "a¢中😀", count: 30)
        let props = properties(ICS.event(e, index))
        XCTAssertEqual(props.first { $0.name == "ORGANIZER" }?.params, ["CN=测试市地方金融管理局"])
        XCTAssertEqual(props.first { $0.name == "SUMMARY" }.map { unescape($0.value) }, e.title)
    }
}
