import XCTest
@testable import QRCode

/// The bit-parallel penalty against the module-by-module reading of §7.8.3.1.
final class PenaltyTests: XCTestCase {
    private func bytes(_ rows: BitLines) -> [UInt8] { Placement.modules(of: rows) }

    private func bitScore(_ rows: BitLines, _ columns: BitLines) -> Int {
        rows.words.withUnsafeBufferPointer { r in
            columns.words.withUnsafeBufferPointer { c in
                MaskedPenalty.score(rows: r.baseAddress!, columns: c.baseAddress!, size: rows.count,
                                    wordsPerLine: rows.wordsPerLine)
            }
        }
    }

    private func lines(_ modules: [UInt8], size: Int) -> (BitLines, BitLines) {
        var rows = BitLines(size: size), columns = BitLines(size: size)
        for y in 0..<size {
            rows.setLine(y) { modules[y * size + $0] != 0 }
            columns.setLine(y) { modules[$0 * size + y] != 0 }
        }
        return (rows, columns)
    }

    func testEveryMaskOfRealSymbols() throws {
        var rng = SplitMix(seed: 18004)
        for version in [1, 2, 5, 9, 10, 17, 24, 25, 33, 40] {
            let template = SymbolTemplate.of(version: version)
            let capacity = QRTables.dataCodewords(version: version, level: .low)
            let data = (0..<capacity).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let placement = Placement(Codewords.withErrorCorrection(data: data, version: version, level: .low), in: template)
            for mask in 0..<8 {
                let (rows, columns) = placement.masked(mask, level: .low)
                let modules = bytes(rows)
                XCTAssertEqual(lines(modules, size: template.size).1, columns, "columns agree with rows")
                let reference = modules.withUnsafeBufferPointer { Penalty.score($0.baseAddress!, size: template.size) }
                XCTAssertEqual(bitScore(rows, columns), reference, "version \(version) mask \(mask)")
            }
        }
    }

    /// Lines with planted finder-like patterns of units 1–6, near and at the
    /// edges, with and without enough light around them.
    func testFinderLikePatternsOfEveryUnit() {
        var rng = SplitMix(seed: 3)
        for trial in 0..<3000 {
            let size = [21, 45, 57, 64, 101, 177][trial % 6]
            var line = (0..<size).map { _ in UInt8(rng.next() & 1) }
            let unit = 1 + Int(rng.next() % 6)
            let pattern = [1, 0, 1, 1, 1, 0, 1].flatMap { [UInt8](repeating: $0, count: unit) }
            let light = Int(rng.next() % UInt64(5 * unit))
            let start = Int(rng.next() % UInt64(size)) - light
            for (i, v) in ([UInt8](repeating: 0, count: light) + pattern + [UInt8](repeating: 0, count: light)).enumerated()
            where start + i >= 0 && start + i < size {
                line[start + i] = v
            }
            var bits = BitLines(size: size)
            bits.setLine(0) { line[$0] != 0 }
            let fast = bits.words.withUnsafeBufferPointer { MaskedPenalty.runsAndFinders($0.baseAddress!, windows: .init(size: size)) }
            let reference = line.withUnsafeBufferPointer { Penalty.runsAndFinders($0.baseAddress!, stride: 1, size: size) }
            XCTAssertEqual(fast, reference, "\(line.map(String.init).joined())")
        }
    }

    func testUniformSymbolsScoreByTheTable() {
        // All light 21×21: N1 per line 21 − 2 = 19, twice 21 lines; N2 20² blocks;
        // N3: none (no dark); N4: 0 % dark is 10 steps of 5 % off.
        let size = 21
        let (rows, columns) = lines([UInt8](repeating: 0, count: size * size), size: size)
        XCTAssertEqual(bitScore(rows, columns), 2 * 21 * 19 + 400 * 3 + 9 * 10)
    }
}
