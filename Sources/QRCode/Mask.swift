/// The eight data mask patterns (ISO/IEC 18004:2015 §7.8.2, Table 10).
enum Mask {
    static let all = 0..<8

    /// Table 10: whether mask `mask` inverts the module in row i, column j.
    static func inverts(_ mask: Int, row i: Int, column j: Int) -> Bool {
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return i * j % 2 + i * j % 3 == 0
        case 6: return (i * j % 2 + i * j % 3) % 2 == 0
        default: return ((i + j) % 2 + i * j % 3) % 2 == 0
        }
    }

    /// Every condition of Table 10 repeats every 12 rows (its periods in i
    /// are 2, 3, 4 and 6) and every 6 columns (periods 2, 3 and 6 in j), so
    /// each mask is 12 row lines and 6 column lines of bits, 1 = invert, laid
    /// out as `BitLines` of the largest symbol (smaller ones use a prefix).
    static let rowPeriod = 12, columnPeriod = 6
    static let wordsPerLine = BitLines.wordsPerLine(size: QRTables.size(version: 40))

    /// rowBits[(mask · 12 + i mod 12) · wordsPerLine …]: which columns j row i inverts.
    static let rowBits: [UInt64] = lines(period: rowPeriod) { mask, i, j in inverts(mask, row: i, column: j) }

    /// columnBits[(mask · 6 + j mod 6) · wordsPerLine …]: which rows i column j inverts.
    static let columnBits: [UInt64] = lines(period: columnPeriod) { mask, j, i in inverts(mask, row: i, column: j) }

    private static func lines(period: Int, _ inverts: (Int, Int, Int) -> Bool) -> [UInt64] {
        let size = QRTables.size(version: 40)
        var result: [UInt64] = []
        for mask in all {
            for phase in 0..<period {
                var line = BitLines(size: size)
                line.setLine(0) { inverts(mask, phase, $0) }
                result += line.words.prefix(wordsPerLine)
            }
        }
        return result
    }

    /// Applies `mask` to the data modules of each line: line ^ (pattern & data).
    static func apply(_ mask: Int, period: Int, patterns: UnsafePointer<UInt64>, to unmasked: UnsafePointer<UInt64>,
                      data: UnsafePointer<UInt64>, lines: Int, wordsPerLine: Int, into out: UnsafeMutablePointer<UInt64>) {
        for line in 0..<lines {
            let pattern = patterns + (mask * period + line % period) * Self.wordsPerLine
            let start = line * wordsPerLine
            // The padding words stay 0 (data is 0 there).
            for k in 1..<(wordsPerLine - 1) { out[start + k] = unmasked[start + k] ^ (pattern[k] & data[start + k]) }
        }
    }
}
