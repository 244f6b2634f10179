import Foundation
import XCTest
@testable import QRCode

final class EncodeTests: XCTestCase {
    /// "01234567" at 1-M with mask 2, as ISO/IEC 18004 Annex I encodes it
    /// (matrix checked against Nayuki's qrcodegen).
    func testAnnexISymbol() throws {
        let code = try QRCode.encode(segments: [try .numeric("01234567")], errorCorrection: .medium,
                                     minVersion: 1, maxVersion: 1, mask: 2, boostErrorCorrection: false)
        let expected = """
            111111100101101111111
            100000100111101000001
            101110101000001011101
            101110101100001011101
            101110101011101011101
            100000101000101000001
            111111101010101111111
            000000001001100000000
            101111100100101111100
            000101011010100101100
            001000110101010011111
            000010000100000111100
            000111111001010010000
            000000001011111001100
            111111100110101100000
            100000101011111000101
            101110101000100101100
            101110101100100100000
            101110101011010010100
            100000100000000110110
            111111101111010010100

            """
        XCTAssertEqual(code.matrixText(), expected)
        XCTAssertEqual(try QRCode.encode(text: "01234567", minVersion: 1, maxVersion: 1, mask: 2, boostErrorCorrection: false),
                       code)
    }

    func testSmallestVersionAndBoost() throws {
        let hello = try QRCode.encode(text: "hello")
        XCTAssertEqual(hello.version, 1)
        XCTAssertEqual(hello.errorCorrection, .high)   // 52 bits fit 1-H's 72
        XCTAssertEqual(try QRCode.encode(text: "hello", boostErrorCorrection: false).errorCorrection, .medium)
        XCTAssertEqual(try QRCode.encode(text: "hello", minVersion: 5).version, 5)
        XCTAssertEqual(try QRCode.encode(text: String(repeating: "a", count: 100), errorCorrection: .low).version, 5)
        XCTAssertEqual(try QRCode.encode(text: "", errorCorrection: .low).version, 1)
        let masked = try QRCode.encode(text: "hello", mask: 6)
        XCTAssertEqual(masked.mask, 6)
        XCTAssertEqual(masked.size, 21)
    }

    func testErrors() {
        func error(_ body: () throws -> QRCode) -> QRError? {
            do { _ = try body(); return nil } catch { return error as? QRError }
        }
        XCTAssertEqual(error { try QRCode.encode(text: "a", minVersion: 0) }, .invalidVersion(0))
        XCTAssertEqual(error { try QRCode.encode(text: "a", maxVersion: 41) }, .invalidVersion(41))
        XCTAssertEqual(error { try QRCode.encode(text: "a", minVersion: 9, maxVersion: 3) }, .invalidVersionRange(min: 9, max: 3))
        XCTAssertEqual(error { try QRCode.encode(text: "a", mask: 8) }, .invalidMask(8))
        XCTAssertEqual(error { try QRCode.encode(text: "a", mask: -1) }, .invalidMask(-1))
        let long = String(repeating: "x", count: 3000)
        let tooLong = error { try QRCode.encode(text: long, errorCorrection: .high) }
        XCTAssertEqual(tooLong, .dataTooLong(bits: 24020, capacityBits: 10208, errorCorrection: .high))
        XCTAssertEqual(tooLong?.description, "data too long: it needs 24020 bits (3003 bytes), but version 40 at level H "
                       + "holds only 10208 bits (1276 bytes); shorten the data or choose a lower error-correction level")
        let small = error { try QRCode.encode(text: String(repeating: "hello", count: 40), maxVersion: 1) }
        XCTAssertEqual(small, .versionTooSmall(maxVersion: 1, bits: 1612, capacityBits: 128, errorCorrection: .medium,
                                               smallestFittingVersion: 10))
        XCTAssertTrue(small?.description.contains("smallest version that fits is 10") ?? false)
        let segments = error {
            try QRCode.encode(segments: [.bytes([UInt8](repeating: 0, count: 300))], errorCorrection: .low, maxVersion: 9)
        }
        // 300 bytes overflow the 8-bit count of versions 1–9 however large the symbol.
        if case .versionTooSmall(_, _, _, _, let smallest)? = segments { XCTAssertEqual(smallest, 11) } else { XCTFail("\(String(describing: segments))") }
    }

    func testECIChoice() throws {
        let url = "https://jrfw.example.gov.cn/products/gonghang-kexindai/"
        XCTAssertEqual(try QRCode.encode(text: url), try QRCode.encode(text: url, eci: .off))
        XCTAssertNotEqual(try QRCode.encode(text: url, mask: 0), try QRCode.encode(text: url, mask: 0, eci: .on))
        let chinese = "惠企助贷：科技型企业信用贷款"
        let withECI = try QRCode.encode(segments: [try .eci(26), .bytes(Array(chinese.utf8))], errorCorrection: .medium)
        XCTAssertEqual(try QRCode.encode(text: chinese), withECI)
        XCTAssertEqual(try QRCode.encode(text: chinese, eci: .on), withECI)
        XCTAssertEqual(try QRCode.encode(text: chinese, eci: .off),
                       try QRCode.encode(segments: [.bytes(Array(chinese.utf8))], errorCorrection: .medium))
    }

    /// Reads back what every symbol must carry: finders, timing, the dark
    /// module, and format and version information that decode to the symbol's own.
    func testFunctionPatternsAndFormatInformation() throws {
        var rng = SplitMix(seed: 7)
        for version in [1, 2, 6, 7, 13, 21, 32, 40] {
            for level in QRErrorCorrection.allCases {
                let text = String((0..<(version * 3)).map { _ in Character(UnicodeScalar(UInt8(97 + rng.next() % 26))) })
                let code = try QRCode.encode(text: text, errorCorrection: level, minVersion: version, maxVersion: version,
                                             boostErrorCorrection: false)
                let n = code.size
                XCTAssertEqual(n, 4 * version + 17)
                for (cx, cy) in [(3, 3), (n - 4, 3), (3, n - 4)] {
                    for d in -3...3 {
                        XCTAssertTrue(code.isDark(x: cx + d, y: cy - 3))
                        XCTAssertTrue(code.isDark(x: cx, y: cy + d) == (abs(d) != 2))
                    }
                }
                for i in 8..<(n - 8) {
                    XCTAssertEqual(code.isDark(x: i, y: 6), i % 2 == 0)
                    XCTAssertEqual(code.isDark(x: 6, y: i), i % 2 == 0)
                }
                XCTAssertTrue(code.isDark(x: 8, y: n - 8))
                var first = 0, second = 0
                let firstCopy = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8),
                                 (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
                for (i, (x, y)) in firstCopy.enumerated() where code.isDark(x: x, y: y) { first |= 1 << i }
                for i in 0..<8 where code.isDark(x: n - 1 - i, y: 8) { second |= 1 << i }
                for i in 8..<15 where code.isDark(x: 8, y: n - 15 + i) { second |= 1 << i }
                XCTAssertEqual(first, second)
                XCTAssertEqual(first, FormatInformation.bits(level: level, mask: code.mask))
                if version >= 7 {
                    var bits = 0
                    for i in 0..<18 where code.isDark(x: n - 11 + i % 3, y: i / 3) { bits |= 1 << i }
                    XCTAssertEqual(bits >> 12, version)
                }
                XCTAssertFalse(code.isDark(x: -1, y: 0))
                XCTAssertFalse(code.isDark(x: 0, y: n))
            }
        }
    }

    func testConcurrentEncodingIsDeterministic() throws {
        let texts = (0..<64).map { "https://jrfw.example.gov.cn/products/p\($0)/?q=\($0 * 7919)" }
        let expected = try texts.map { try QRCode.encode(text: $0) }
        let results = Mutex(Array<QRCode?>(repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let code = try? QRCode.encode(text: texts[i])
            results.withLock { $0[i] = code }
        }
        XCTAssertEqual(results.withLock { $0 }, expected)
    }
}

/// A lock around a value, for the concurrency test.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
