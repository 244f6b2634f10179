import XCTest
@testable import QRCode

/// The derived tables against the values printed in ISO/IEC 18004:2015.
final class TablesTests: XCTestCase {
    /// Table C.1: the 15-bit format information for every level and mask, after XOR with 0x5412.
    func testFormatInformationOfTableC1() {
        let table: [QRErrorCorrection: [Int]] = [
            .low: [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976],
            .medium: [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0],
            .quartile: [0x355F, 0x3068, 0x3F31, 0x3A06, 0x24B4, 0x2183, 0x2EDA, 0x2BED],
            .high: [0x1689, 0x13BE, 0x1CE7, 0x19D0, 0x0762, 0x0255, 0x0D0C, 0x083B],
        ]
        for (level, row) in table {
            for mask in 0..<8 {
                XCTAssertEqual(FormatInformation.bits(level: level, mask: mask), row[mask], "\(level) mask \(mask)")
            }
        }
    }

    /// Table D.1: the 18-bit version information of versions 7–40.
    func testVersionInformationOfTableD1() {
        let table = [
            0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78, 0x1145D,
            0x12A17, 0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB, 0x1B08E, 0x1CC1A,
            0x1D33F, 0x1ED75, 0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B, 0x2542E, 0x26A64, 0x27541,
            0x28C69,
        ]
        for (i, bits) in table.enumerated() {
            XCTAssertEqual(FormatInformation.versionBits(version: i + 7), bits, "version \(i + 7)")
        }
    }

    /// Table E.1: row/column coordinates of alignment pattern centres.
    func testAlignmentPatternCentresOfTableE1() {
        let table: [[Int]] = [
            [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34],
            [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62],
            [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82], [6, 30, 58, 86],
            [6, 34, 62, 90],
            [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106],
            [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118],
            [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130],
            [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142],
            [6, 34, 62, 90, 118, 146],
            [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
            [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
        ]
        XCTAssertEqual(table.count, 40)
        for version in 1...40 {
            XCTAssertEqual(QRTables.alignmentPatternCentres(version: version), table[version - 1], "version \(version)")
        }
    }

    /// Table 1: total codewords, and remainder bits, per version.
    func testCodewordsAndRemainderBitsOfTable1() {
        let codewords = [
            26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
            1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034, 3196,
            3362, 3532, 3706,
        ]
        for version in 1...40 {
            XCTAssertEqual(QRTables.totalCodewords(version: version), codewords[version - 1], "version \(version)")
            let remainder: Int
            switch version {
            case 1: remainder = 0
            case 2...6: remainder = 7
            case 7...13: remainder = 0
            case 14...20: remainder = 3
            case 21...27: remainder = 4
            case 28...34: remainder = 3
            default: remainder = 0
            }
            XCTAssertEqual(QRTables.rawDataModules(version: version) % 8, remainder, "version \(version)")
            // The template's data modules are exactly these.
            XCTAssertEqual(SymbolTemplate.of(version: version).placementX.count, QRTables.rawDataModules(version: version))
        }
    }

    /// Table 7/9: data codewords for some versions at L, M, Q, H.
    func testDataCodewordsOfTable9() {
        let table: [Int: [Int]] = [
            1: [19, 16, 13, 9], 2: [34, 28, 22, 16], 3: [55, 44, 34, 26], 4: [80, 64, 48, 36], 5: [108, 86, 62, 46],
            6: [136, 108, 76, 60], 7: [156, 124, 88, 66], 8: [194, 154, 110, 86], 9: [232, 182, 132, 100],
            10: [274, 216, 154, 122], 40: [2956, 2334, 1666, 1276],
        ]
        for (version, row) in table {
            for (i, level) in QRErrorCorrection.allCases.enumerated() {
                XCTAssertEqual(QRTables.dataCodewords(version: version, level: level), row[i], "\(version)-\(level)")
            }
        }
        // Every version and level: the blocks hold the codewords exactly, and no block has fewer data than ECC codewords… over 2.
        for version in 1...40 {
            for level in QRErrorCorrection.allCases {
                let blocks = QRTables.errorCorrectionBlocks[level.ordinal][version]
                let shortData = QRTables.totalCodewords(version: version) / blocks
                    - QRTables.eccCodewordsPerBlock[level.ordinal][version]
                XCTAssertGreaterThan(shortData, 0)
            }
        }
    }

    /// The count fields of Table 3 can count everything a symbol of their
    /// version group holds in one segment, which the segment optimiser relies on.
    func testCountFieldsCoverEveryCapacity() {
        for version in 1...40 {
            for level in QRErrorCorrection.allCases {
                let room = QRTables.dataCodewords(version: version, level: level) * 8 - 4
                for (mode, bitsPerUnit, unit) in [(QRSegment.Mode.numeric, 10, 3), (.alphanumeric, 11, 2), (.byte, 8, 1)] {
                    let countBits = mode.characterCountBits(version: version)
                    let characters = (room - countBits) / bitsPerUnit * unit + unit   // an upper bound
                    XCTAssertLessThan(characters, 1 << countBits, "\(version)-\(level) \(mode)")
                }
            }
        }
    }

    /// Table 7: characters that fit, per mode, at versions 1 and 40.
    func testCharacterCapacitiesOfTable7() throws {
        let table: [(version: Int, level: QRErrorCorrection, numeric: Int, alphanumeric: Int, byte: Int)] = [
            (1, .low, 41, 25, 17), (1, .medium, 34, 20, 14), (1, .quartile, 27, 16, 11), (1, .high, 17, 10, 7),
            (40, .low, 7089, 4296, 2953), (40, .medium, 5596, 3391, 2331), (40, .quartile, 3993, 2420, 1663),
            (40, .high, 3057, 1852, 1273),
        ]
        func fits(_ segment: QRSegment, _ version: Int, _ level: QRErrorCorrection) -> Bool {
            (try? QRCode.encode(segments: [segment], errorCorrection: level, minVersion: version, maxVersion: version,
                                mask: 0, boostErrorCorrection: false)) != nil
        }
        for row in table {
            let digits = String(repeating: "7", count: row.numeric)
            XCTAssertTrue(fits(try .numeric(digits), row.version, row.level))
            XCTAssertFalse(fits(try .numeric(digits + "7"), row.version, row.level))
            let alphanumeric = String(repeating: "Q", count: row.alphanumeric)
            XCTAssertTrue(fits(try .alphanumeric(alphanumeric), row.version, row.level))
            XCTAssertFalse(fits(try .alphanumeric(alphanumeric + "Q"), row.version, row.level))
            let bytes = [UInt8](repeating: 0x61, count: row.byte)
            XCTAssertTrue(fits(.bytes(bytes), row.version, row.level))
            XCTAssertFalse(fits(.bytes(bytes + [0x61]), row.version, row.level))
        }
    }
}
