import Foundation

/// A calendar date with no time zone, as written in content (`YYYY-MM-DD`).
/// Comparisons and day arithmetic are exact and independent of the machine's zone.
public struct SimpleDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...SimpleDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly (also `YYYY-M-D`, which YAML editors type).
    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and offsets.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> SimpleDate { SimpleDate(dayNumber: dayNumber + days) }
    public func days(until other: SimpleDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// 2026年11月23日 — how dates read on the pages.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool { a.dayNumber < b.dayNumber }

    /// Today in Asia/Shanghai, the zone every portal lives in.
    public static func todayInShanghai(now: Date = Date()) -> SimpleDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        return SimpleDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    }

    /// From SOURCE_DATE_EPOCH (seconds), read in Asia/Shanghai.
    public static func fromEpoch(_ seconds: Int) -> SimpleDate {
        todayInShanghai(now: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// A local date-time in Asia/Shanghai (`2026-12-10T09:30` or with seconds, or `2026-12-10 09:30`).
public struct LocalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let date: SimpleDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(_ text: String) {
        let t = text.trimmingSpaces()
        let sep = t.firstIndex(where: { $0 == "T" || $0 == " " })
        guard let sep else {
            guard let d = SimpleDate(t) else { return nil }
            (date, hour, minute, second) = (d, 0, 0, 0)
            return
        }
        guard let d = SimpleDate(String(t[..<sep])) else { return nil }
        var timePart = String(t[t.index(after: sep)...])
        if timePart.hasSuffix("+08:00") { timePart.removeLast(6) }
        let hms = timePart.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(hms.count),
              hms.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(hms[0]), let m = Int(hms[1]), h < 24, m < 60 else { return nil }
        let s = hms.count == 3 ? Int(hms[2]) ?? 99 : 0
        guard s < 60 else { return nil }
        (date, hour, minute, second) = (d, h, m, s)
    }

    public var description: String {
        String(format: "%@T%02d:%02d:%02d", date.description, hour, minute, second)
    }

    /// `20261210T093000` for iCalendar with TZID=Asia/Shanghai.
    public var icsValue: String {
        String(format: "%04d%02d%02dT%02d%02d%02d", date.year, date.month, date.day, hour, minute, second)
    }

    /// `2026年12月10日 09:30`
    public var chinese: String { String(format: "%@ %02d:%02d", date.chinese, hour, minute) }
    public var timeText: String { String(format: "%02d:%02d", hour, minute) }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date.dayNumber, a.hour, a.minute, a.second) < (b.date.dayNumber, b.hour, b.minute, b.second)
    }
}
