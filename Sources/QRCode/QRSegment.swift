/// A run of data in one mode, or an ECI designator (ISO/IEC 18004:2015 §7.4):
/// mode indicator, character count and data bits, in the order §7.4.1 gives.
///
/// Built from UTF-8 bytes, never from `Character`: `Character.isNumber`
/// accepts digits of every script, the numeric mode only ASCII 0–9.
public struct QRSegment: Sendable, Equatable {
    public enum Mode: Sendable, Equatable, CaseIterable, CustomStringConvertible {
        case numeric, alphanumeric, byte, eci

        /// The four-bit mode indicator (Table 2).
        var indicator: Int {
            switch self {
            case .numeric: return 0b0001
            case .alphanumeric: return 0b0010
            case .byte: return 0b0100
            case .eci: return 0b0111
            }
        }

        /// Length of the character count indicator (Table 3), which grows
        /// at versions 10 and 27. ECI designators carry no count.
        func characterCountBits(version: Int) -> Int {
            let group = QRSegment.versionGroup(version)
            switch self {
            case .numeric: return [10, 12, 14][group]
            case .alphanumeric: return [9, 11, 13][group]
            case .byte: return [8, 16, 16][group]
            case .eci: return 0
            }
        }

        public var description: String {
            switch self {
            case .numeric: return "numeric"
            case .alphanumeric: return "alphanumeric"
            case .byte: return "byte"
            case .eci: return "ECI"
            }
        }
    }

    public let mode: Mode
    /// Digits (numeric), characters (alphanumeric), bytes (byte), or 0 (ECI).
    public let characterCount: Int
    /// The data bits, without mode indicator and count.
    let data: BitBuffer

    /// Bits of the data part alone.
    public var dataBitCount: Int { data.count }

    /// Versions 1–9, 10–26 and 27–40 share character count lengths (Table 3).
    static func versionGroup(_ version: Int) -> Int { version <= 9 ? 0 : (version <= 26 ? 1 : 2) }
    /// The largest version of each group.
    static let versionGroupEnds = [9, 26, 40]

    // MARK: Making segments

    /// Digits 0–9 only, three to ten bits (§7.4.3).
    public static func numeric(_ digits: String) throws -> QRSegment {
        let bytes = Array(digits.utf8)
        if let bad = bytes.firstIndex(where: { !isDigit($0) }) { throw QRError.invalidCharacter(mode: .numeric, offset: bad) }
        return numeric(validated: bytes[...])
    }

    /// 0–9, A–Z (capitals), space and $ % * + - . / :, two to eleven bits (§7.4.4).
    public static func alphanumeric(_ text: String) throws -> QRSegment {
        let bytes = Array(text.utf8)
        if let bad = bytes.firstIndex(where: { !isAlphanumeric($0) }) {
            throw QRError.invalidCharacter(mode: .alphanumeric, offset: bad)
        }
        return alphanumeric(validated: bytes[...])
    }

    /// Any bytes, eight bits each (§7.4.5).
    public static func bytes(_ data: [UInt8]) -> QRSegment { bytes(data[...]) }

    /// An ECI designator (§7.4.2.2): one, two or three codewords by size.
    public static func eci(_ assignment: Int) throws -> QRSegment {
        var bits = BitBuffer()
        switch assignment {
        case 0..<(1 << 7): bits.append(assignment, bits: 8)
        case (1 << 7)..<(1 << 14): bits.append(0b10, bits: 2); bits.append(assignment, bits: 14)
        case (1 << 14)...999_999: bits.append(0b110, bits: 3); bits.append(assignment, bits: 21)
        default: throw QRError.invalidECIAssignment(assignment)
        }
        return QRSegment(mode: .eci, characterCount: 0, data: bits)
    }

    /// ECI 26: what follows is UTF-8.
    static let utf8Designator: QRSegment = {
        var bits = BitBuffer()
        bits.append(26, bits: 8)
        return QRSegment(mode: .eci, characterCount: 0, data: bits)
    }()

    /// The segments that encode `text` (as UTF-8) in the fewest bits for a
    /// symbol of the given version; see `QRSegmentOptimizer`.
    public static func optimalSegments(for text: String, version: Int) -> [QRSegment] {
        let bytes = Array(text.utf8)
        return QRSegmentOptimizer.plan(bytes, versionGroup: versionGroup(min(max(version, 1), 40))).segments(of: bytes)
    }

    // MARK: Character classes, on bytes

    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    static func isAlphanumeric(_ b: UInt8) -> Bool { alphanumericValues[Int(b)] >= 0 }

    /// Byte → alphanumeric value (Table 5), or −1.
    static let alphanumericValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, c) in QRTables.alphanumericCharacters.enumerated() { table[Int(c)] = Int8(value) }
        return table
    }()

    // MARK: Building from checked bytes

    /// Three digits to ten bits; a final one or two to four or seven (§7.4.3).
    static func numeric(validated digits: ArraySlice<UInt8>) -> QRSegment {
        var bits = BitBuffer(reservingBits: (digits.count * 10 + 2) / 3)
        var group = 0, length = 0
        for d in digits {
            group = group * 10 + Int(d &- 0x30)
            length += 1
            if length == 3 {
                bits.append(group, bits: 10)
                group = 0
                length = 0
            }
        }
        if length > 0 { bits.append(group, bits: length * 3 + 1) }
        return QRSegment(mode: .numeric, characterCount: digits.count, data: bits)
    }

    /// Pairs to 45·first + second in eleven bits; a last single in six (§7.4.4).
    static func alphanumeric(validated text: ArraySlice<UInt8>) -> QRSegment {
        var bits = BitBuffer(reservingBits: (text.count * 11 + 1) / 2)
        var pending = -1
        for c in text {
            let value = Int(alphanumericValues[Int(c)])
            if pending < 0 {
                pending = value
            } else {
                bits.append(pending * 45 + value, bits: 11)
                pending = -1
            }
        }
        if pending >= 0 { bits.append(pending, bits: 6) }
        return QRSegment(mode: .alphanumeric, characterCount: text.count, data: bits)
    }

    static func bytes(_ data: ArraySlice<UInt8>) -> QRSegment {
        var bits = BitBuffer(reservingBits: data.count * 8)
        for b in data { bits.append(Int(b), bits: 8) }
        return QRSegment(mode: .byte, characterCount: data.count, data: bits)
    }

    // MARK: Length in a symbol

    /// Bits the segments take in a symbol of this version, headers included,
    /// and whether every count fits its count field.
    static func bitLength(of segments: [QRSegment], version: Int) -> (bits: Int, countsFit: Bool) {
        var bits = 0
        var countsFit = true
        for segment in segments {
            let countBits = segment.mode.characterCountBits(version: version)
            if segment.characterCount >= 1 << countBits && segment.mode != .eci { countsFit = false }
            bits += 4 + countBits + segment.data.count
        }
        return (bits, countsFit)
    }
}
