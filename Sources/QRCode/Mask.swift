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
    /// are 2, 3, 4 and 6), so each mask is 12 rows of 177 bits, 1 = invert.
    /// rows[(mask · 12 + i mod 12) · 177 + j].
    static let periodRows = 12
    static let rowLength = QRTables.size(version: 40)
    static let rows: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 8 * periodRows * rowLength)
        for mask in all {
            for i in 0..<periodRows {
                for j in 0..<rowLength where inverts(mask, row: i, column: j) {
                    table[(mask * periodRows + i) * rowLength + j] = 1
                }
            }
        }
        return table
    }()

    /// Writes `unmasked` with the mask applied to its data modules into `out`.
    static func apply(_ mask: Int, to unmasked: UnsafePointer<UInt8>, isData: UnsafePointer<UInt8>, size: Int,
                      rows: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) {
        for y in 0..<size {
            let pattern = rows + (mask * periodRows + y % periodRows) * rowLength
            let start = y * size
            for x in 0..<size {
                out[start + x] = unmasked[start + x] ^ (pattern[x] & isData[start + x])
            }
        }
    }
}
