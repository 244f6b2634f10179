import XCTest
@testable import QRCode

final class GaloisFieldTests: XCTestCase {
    /// Carry-less multiplication reduced by 0x11D, bit by bit: the definition.
    private func slowProduct(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b, product = 0
        while y > 0 {
            if y & 1 != 0 { product ^= x }
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
            y >>= 1
        }
        return product
    }

    func testEveryProductMatchesTheDefinition() {
        for a in 0..<256 {
            for b in 0..<256 {
                let expected = slowProduct(a, b)
                XCTAssertEqual(Int(GaloisField.multiply(UInt8(a), UInt8(b))), expected)
                XCTAssertEqual(Int(GaloisField.products[a << 8 | b]), expected)
            }
        }
    }

    func testKnownProducts() {
        XCTAssertEqual(GaloisField.multiply(0x02, 0x80), 0x1D)   // x · x⁷ = x⁸ ≡ x⁴ + x³ + x² + 1
        XCTAssertEqual(GaloisField.multiply(0x53, 0xCA), 0x8F)
        XCTAssertEqual(GaloisField.multiply(0xFF, 0xFF), 0xE2)
        XCTAssertEqual(GaloisField.multiply(0x00, 0xFF), 0x00)
        XCTAssertEqual(GaloisField.multiply(0x01, 0xB7), 0xB7)
    }

    func testAlphaGeneratesTheField() {
        // α is primitive: its 255 powers are the 255 non-zero elements.
        XCTAssertEqual(Set(GaloisField.exp.prefix(255)).count, 255)
        XCTAssertFalse(GaloisField.exp.prefix(255).contains(0))
        XCTAssertEqual(GaloisField.exp[8], 0x1D)
        XCTAssertEqual(GaloisField.exp[255], 1)
        for a in 1...255 {
            let inverse = GaloisField.exp[255 - GaloisField.log[a]]
            XCTAssertEqual(GaloisField.multiply(UInt8(a), inverse), 1)
        }
    }
}

final class ReedSolomonTests: XCTestCase {
    private func exponents(_ degree: Int) -> [Int] {
        ReedSolomon.generator(degree: degree).map { GaloisField.log[Int($0)] }
    }

    /// ISO/IEC 18004:2015 Annex A, generator polynomials as exponents of α,
    /// leading α⁰ left out.
    func testGeneratorPolynomialsOfAnnexA() {
        XCTAssertEqual(exponents(7), [87, 229, 146, 149, 238, 102, 21])
        XCTAssertEqual(exponents(10), [251, 67, 46, 61, 118, 70, 64, 94, 32, 45])
        XCTAssertEqual(exponents(13), [74, 152, 176, 100, 86, 100, 106, 104, 130, 218, 206, 140, 78])
        XCTAssertEqual(exponents(15), [8, 183, 61, 91, 202, 37, 51, 58, 58, 237, 140, 124, 5, 99, 105])
        XCTAssertEqual(exponents(16), [120, 104, 107, 109, 102, 161, 76, 3, 91, 191, 147, 169, 182, 194, 225, 120])
        XCTAssertEqual(exponents(30), [41, 173, 145, 152, 216, 31, 179, 182, 50, 48, 110, 86, 239, 96, 222, 125,
                                       42, 173, 226, 193, 224, 130, 156, 37, 251, 216, 238, 40, 192, 180])
    }

    func testGeneratorsVanishAtTheirRoots() {
        // g(x) = ∏ (x − αⁱ): evaluating at each αⁱ gives 0.
        for degree in [7, 10, 18, 22, 26, 28, 30] {
            let g: [UInt8] = [1] + ReedSolomon.generator(degree: degree)
            for i in 0..<degree {
                var value: UInt8 = 0
                for c in g { value = GaloisField.multiply(value, GaloisField.exp[i]) ^ c }
                XCTAssertEqual(value, 0, "degree \(degree), root α^\(i)")
            }
        }
    }

    private func remainder(_ data: [UInt8], degree: Int) -> [UInt8] {
        var ecc = [UInt8](repeating: 0, count: degree)
        data.withUnsafeBufferPointer { data in
            ReedSolomon.generators[degree].withUnsafeBufferPointer { generator in
                GaloisField.products.withUnsafeBufferPointer { products in
                    ecc.withUnsafeMutableBufferPointer { ecc in
                        ReedSolomon.remainder(of: data, generator: generator, products: products, into: ecc)
                    }
                }
            }
        }
        return ecc
    }

    func testCodewordsOfAnnexI() {
        // ISO/IEC 18004:2015 Annex I: "01234567" at 1-M, its data codewords and 10 error-correction codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        XCTAssertEqual(remainder(data, degree: 10), [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        let segment = try! QRSegment.numeric("01234567")
        XCTAssertEqual(Codewords.data(segments: [segment], version: 1, capacity: 16), data)
        let all = Codewords.withErrorCorrection(data: data, version: 1, level: .medium)
        XCTAssertEqual(all, data + [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    func testCodewordsAreMultiplesOfTheGenerator() {
        // data·x^n + remainder is divisible by g(x): it vanishes at every root.
        var generator = SystemRandomNumberGenerator()
        for degree in [7, 17, 30] {
            let data = (0..<40).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let codeword = data + remainder(data, degree: degree)
            for i in 0..<degree {
                var value: UInt8 = 0
                for c in codeword { value = GaloisField.multiply(value, GaloisField.exp[i]) ^ c }
                XCTAssertEqual(value, 0)
            }
        }
    }

    func testInterleavingOfUnequalBlocks() {
        // 5-Q: two blocks of 15 data codewords and two of 16 (Table 9), 18 error-correction codewords each.
        let data = (0..<62).map { UInt8($0) }
        let all = Codewords.withErrorCorrection(data: data, version: 5, level: .quartile)
        XCTAssertEqual(all.count, 134)
        // Data: D1 D16 D31 D47 D2 … ; the 16th codewords of the long blocks come after the 15th round.
        XCTAssertEqual(Array(all.prefix(8)), [0, 15, 30, 46, 1, 16, 31, 47])
        XCTAssertEqual(Array(all[56..<62]), [14, 29, 44, 60, 45, 61])
        let block3 = Array(data[30..<46])
        XCTAssertEqual(all[62 + 2], remainder(block3, degree: 18)[0])
        XCTAssertEqual(all[62 + 4 * 17 + 3], remainder(Array(data[46..<62]), degree: 18)[17])
    }
}
