/// The tables of ISO/IEC 18004:2015 (Model 2) that the encoder needs, each
/// written once. Everything else about a version is derived from these and
/// from the symbol's geometry (§6.3), as the standard itself derives it.
enum QRTables {
    static let versions = 1...40

    /// Error-correction codewords in each block, by level (L, M, Q, H) then
    /// version (Table 9). Index 0 is unused so that a version indexes itself.
    static let eccCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error-correction blocks, by level (L, M, Q, H) then version (Table 9).
    static let errorCorrectionBlocks: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// The 45 characters of alphanumeric mode, in value order (Table 5).
    static let alphanumericCharacters: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Modules per side: 21 for version 1, four more for each version (§6.3.1).
    static func size(version: Int) -> Int { version * 4 + 17 }

    /// Modules left for data and error correction once the function
    /// patterns, format and version information are placed (Table 1,
    /// "data modules except (C)"); includes the remainder bits.
    static func rawDataModules(version v: Int) -> Int {
        let size = self.size(version: v)
        var result = size * size
        result -= 3 * 64                        // finder patterns with separators (§6.3.3)
        result -= 2 * (size - 16)               // timing patterns between the separators (§6.3.5)
        result -= 31                            // format information and the dark module (§7.9.1)
        let n = alignmentPatternCentres(version: v).count
        if n > 0 {
            result -= (n * n - 3) * 25          // alignment patterns clear of the finders (§6.3.6)
            result += (n - 2) * 2 * 5           // … of which these overlap the timing patterns
        }
        if v >= 7 { result -= 2 * 18 }          // version information (§7.10)
        return result
    }

    /// Codewords of a version: data and error correction together (Table 1).
    static func totalCodewords(version: Int) -> Int { rawDataModules(version: version) / 8 }

    /// Data codewords for a version and level (Table 7).
    static func dataCodewords(version: Int, level: QRErrorCorrection) -> Int {
        totalCodewords(version: version)
            - eccCodewordsPerBlock[level.ordinal][version] * errorCorrectionBlocks[level.ordinal][version]
    }

    /// Row/column coordinates of alignment pattern centres (Annex E, Table E.1):
    /// the first is 6, the last is size − 7, and those between are evenly
    /// spaced by an even step, with any unevenness absorbed by the first gap.
    static func alignmentPatternCentres(version v: Int) -> [Int] {
        guard v >= 2 else { return [] }
        let count = v / 7 + 2
        let last = size(version: v) - 7
        // Version 32 is the one exception to the rounding below (step 26, not 28).
        let step = v == 32 ? 26 : (v * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [Int](repeating: 6, count: count)
        for i in 1..<count { result[count - i] = last - (i - 1) * step }
        return result
    }
}
