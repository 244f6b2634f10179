import XCTest
@testable import QRCode

final class SegmentTests: XCTestCase {
    private func bitString(_ segments: [QRSegment], version: Int = 1) -> String {
        var bits = BitBuffer()
        for s in segments {
            bits.append(s.mode.indicator, bits: 4)
            bits.append(s.characterCount, bits: s.mode.characterCountBits(version: version))
            bits.append(s.data)
        }
        return (0..<bits.count).map { bits.bit($0) ? "1" : "0" }.joined()
    }

    /// §7.4.3's example: 012 345 67 → 0000001100 0101011001 1000011, count 8.
    func testNumericExampleOf7_4_3() throws {
        XCTAssertEqual(bitString([try .numeric("01234567")]), "0001" + "0000001000" + "0000001100" + "0101011001" + "1000011")
        XCTAssertEqual(bitString([try .numeric("0")]), "0001" + "0000000001" + "0000")
    }

    /// §7.4.4's example: AC-42 → (10·45+12) (41·45+4) (2).
    func testAlphanumericExampleOf7_4_4() throws {
        XCTAssertEqual(bitString([try .alphanumeric("AC-42")]),
                       "0010" + "000000101" + "00111001110" + "11100111001" + "000010")
    }

    func testByteAndECISegments() throws {
        XCTAssertEqual(bitString([.bytes([0xE4, 0xB8, 0xAD])]), "0100" + "00000011" + "111001001011100010101101")
        XCTAssertEqual(bitString([try .eci(26)]), "0111" + "00011010")
        XCTAssertEqual(bitString([try .eci(1000)]), "0111" + "10" + "00001111101000")
        XCTAssertEqual(bitString([try .eci(999_999)]), "0111" + "110" + "011110100001000111111")
        XCTAssertThrowsError(try QRSegment.eci(1_000_000)) { XCTAssertEqual($0 as? QRError, .invalidECIAssignment(1_000_000)) }
        XCTAssertThrowsError(try QRSegment.eci(-1))
        // Count field widths grow at versions 10 and 27 (Table 3).
        XCTAssertEqual(QRSegment.Mode.byte.characterCountBits(version: 9), 8)
        XCTAssertEqual(QRSegment.Mode.byte.characterCountBits(version: 10), 16)
        XCTAssertEqual(QRSegment.Mode.numeric.characterCountBits(version: 26), 12)
        XCTAssertEqual(QRSegment.Mode.numeric.characterCountBits(version: 27), 14)
        XCTAssertEqual(QRSegment.Mode.alphanumeric.characterCountBits(version: 40), 13)
    }

    func testOnlyASCIIDigitsAreNumeric() {
        // Arabic-Indic, full-width and Devanagari digits: Character.isNumber says yes, numeric mode says no.
        for text in ["١٢٣", "１２３", "१२३", "12a"] {
            XCTAssertThrowsError(try QRSegment.numeric(text), text)
            let segments = QRSegment.optimalSegments(for: text, version: 1)
            XCTAssertFalse(segments.contains { $0.mode == .numeric && $0.characterCount == 3 }, text)
        }
        XCTAssertThrowsError(try QRSegment.alphanumeric("abc")) {
            XCTAssertEqual($0 as? QRError, .invalidCharacter(mode: .alphanumeric, offset: 0))
        }
    }

    func testDigitRunOfAURLGetsANumericSegment() {
        let url = "https://example.gov.cn/p/12345678901234567890"
        let segments = QRSegment.optimalSegments(for: url, version: 3)
        XCTAssertEqual(segments.map(\.mode), [.byte, .numeric])
        XCTAssertEqual(segments.last?.characterCount, 20)
        let optimal = QRSegment.bitLength(of: segments, version: 3).bits
        XCTAssertEqual(optimal, (4 + 8 + 25 * 8) + (4 + 10 + 67))
        XCTAssertLessThan(optimal, QRSegment.bitLength(of: [.bytes(Array(url.utf8))], version: 3).bits)
        // A short digit run is not worth a segment of its own.
        XCTAssertEqual(QRSegment.optimalSegments(for: "https://example.gov.cn/p/123", version: 3).map(\.mode), [.byte])
    }

    func testSingleModeTextsGetOneSegment() {
        XCTAssertEqual(QRSegment.optimalSegments(for: "0123456789", version: 1).map(\.mode), [.numeric])
        XCTAssertEqual(QRSegment.optimalSegments(for: "HELLO WORLD", version: 1).map(\.mode), [.alphanumeric])
        XCTAssertEqual(QRSegment.optimalSegments(for: "惠企助贷", version: 1).map(\.mode), [.byte])
        XCTAssertEqual(QRSegment.optimalSegments(for: "", version: 1), [])
    }

    /// Against every assignment of modes to bytes, for short ASCII texts.
    func testOptimalAgainstExhaustiveSearch() {
        var rng = SplitMix(seed: 42)
        let alphabet = Array("0123456789AZ :/a%b".utf8)
        for trial in 0..<150 {
            let length = 1 + trial % 9
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            for version in [1, 10, 27] {
                let best = QRSegmentOptimizer.plan(bytes, versionGroup: QRSegment.versionGroup(version))
                let segments = best.segments(of: bytes)
                XCTAssertEqual(QRSegment.bitLength(of: segments, version: version).bits, best.bits)
                XCTAssertEqual(best.bits, exhaustiveMinimum(bytes, version: version), String(decoding: bytes, as: UTF8.self))
                XCTAssertEqual(segments.reduce(0) { $0 + $1.characterCount }, bytes.count)
            }
        }
    }

    private func exhaustiveMinimum(_ bytes: [UInt8], version: Int) -> Int {
        let modes: [QRSegment.Mode] = [.byte, .alphanumeric, .numeric]
        var best = Int.max
        var assignment = [Int](repeating: 0, count: bytes.count)
        func allowed(_ m: Int, _ b: UInt8) -> Bool {
            m == 0 || (m == 1 && QRSegment.isAlphanumeric(b)) || (m == 2 && QRSegment.isDigit(b))
        }
        func visit(_ i: Int) {
            if i == bytes.count {
                var segments: [QRSegment] = []
                var start = 0
                for end in 1...bytes.count where end == bytes.count || assignment[end] != assignment[start] {
                    let run = bytes[start..<end]
                    switch modes[assignment[start]] {
                    case .numeric: segments.append(.numeric(validated: run))
                    case .alphanumeric: segments.append(.alphanumeric(validated: run))
                    default: segments.append(.bytes(run))
                    }
                    start = end
                }
                best = min(best, QRSegment.bitLength(of: segments, version: version).bits)
                return
            }
            for m in 0..<3 where allowed(m, bytes[i]) {
                assignment[i] = m
                visit(i + 1)
            }
        }
        visit(0)
        return best
    }
}

/// A small deterministic generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
