/// A run of data in one mode (ISO/IEC 18004:2015 §7.4). Segments are built
/// from UTF-8 bytes, never from `Character`, whose `isNumber` accepts
/// non-ASCII digits.
public struct QRSegment: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case numeric, alphanumeric, byte, eci

        var indicator: Int {
            switch self {
            case .numeric: return 0x1
            case .alphanumeric: return 0x2
            case .byte: return 0x4
            case .eci: return 0x7
            }
        }

        /// Bits of the character-count field (Table 3), by version group.
        func countBits(version: Int) -> Int {
            let group = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
            switch self {
            case .numeric: return [10, 12, 14][group]
            case .alphanumeric: return [9, 11, 13][group]
            case .byte: return [8, 16, 16][group]
            case .eci: return 0
            }
        }
    }

    public let mode: Mode
    /// Characters (numeric/alphanumeric), bytes (byte), or 0 (ECI).
    public let count: Int
    let bits: BitBuffer

    static let alphanumericSet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    /// Byte → alphanumeric value, or -1.
    static let alphanumericValue: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in alphanumericSet.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isAlphanumeric(_ b: UInt8) -> Bool { alphanumericValue[Int(b)] >= 0 }

    public static func numeric<C: Collection>(_ digits: C) -> QRSegment where C.Element == UInt8 {
        var bb = BitBuffer()
        var acc = 0, n = 0
        for d in digits {
            precondition(isDigit(d), "numeric segment takes ASCII digits only")
            acc = acc * 10 + Int(d - 0x30)
            n += 1
            if n == 3 { bb.append(acc, bits: 10); acc = 0; n = 0 }
        }
        if n > 0 { bb.append(acc, bits: n * 3 + 1) }
        return QRSegment(mode: .numeric, count: digits.count, bits: bb)
    }

    public static func alphanumeric<C: Collection>(_ text: C) -> QRSegment where C.Element == UInt8 {
        var bb = BitBuffer()
        var pending = -1
        for c in text {
            let v = Int(alphanumericValue[Int(c)])
            precondition(v >= 0, "alphanumeric segment takes 0-9 A-Z space $%*+-./: only")
            if pending < 0 { pending = v } else { bb.append(pending * 45 + v, bits: 11); pending = -1 }
        }
        if pending >= 0 { bb.append(pending, bits: 6) }
        return QRSegment(mode: .alphanumeric, count: text.count, bits: bb)
    }

    public static func bytes<C: Collection>(_ data: C) -> QRSegment where C.Element == UInt8 {
        var bb = BitBuffer()
        for b in data { bb.append(Int(b), bits: 8) }
        return QRSegment(mode: .byte, count: data.count, bits: bb)
    }

    /// An ECI designator (§7.4.2), e.g. 26 for UTF-8.
    public static func eci(_ value: Int) -> QRSegment {
        var bb = BitBuffer()
        if value < 1 << 7 { bb.append(value, bits: 8) }
        else if value < 1 << 14 { bb.append(0b10, bits: 2); bb.append(value, bits: 14) }
        else { bb.append(0b110, bits: 3); bb.append(value, bits: 21) }
        return QRSegment(mode: .eci, count: 0, bits: bb)
    }

    /// Bits this segment takes in a symbol of the given version, or nil if its
    /// count does not fit the count field.
    static func totalBits(_ segments: [QRSegment], version: Int) -> Int? {
        var total = 0
        for s in segments {
            let cc = s.mode.countBits(version: version)
            if s.count >= 1 << cc, s.mode != .eci { return nil }
            total += 4 + cc + s.bits.count
        }
        return total
    }
}

/// An append-only sequence of bits, most significant first.
struct BitBuffer: Sendable, Equatable {
    private(set) var words: [UInt8] = []
    private(set) var count = 0

    mutating func append(_ value: Int, bits n: Int) {
        var i = n - 1
        while i >= 0 {
            if count & 7 == 0 { words.append(0) }
            if (value >> i) & 1 != 0 { words[count >> 3] |= 0x80 >> UInt8(count & 7) }
            count += 1
            i -= 1
        }
    }

    mutating func append(_ other: BitBuffer) {
        for i in 0..<other.count { append(other.bit(i) ? 1 : 0, bits: 1) }
    }

    func bit(_ i: Int) -> Bool { words[i >> 3] & (0x80 >> UInt8(i & 7)) != 0 }
}
