import XCTest
@testable import QRCode

final class GaloisFieldTests: XCTestCase {
    func testKnownProducts() {
        XCTAssertEqual(GaloisField.multiply(0x02, 0x80), 0x1D)   // x·x^7 = x^8 ≡ 0x1D
        // Against carry-less multiplication reduced by 0x11D, for every pair.
        for a in 0..<256 {
            for b in stride(from: 0, to: 256, by: 7) {
                var x = a, y = b, product = 0
                while y > 0 {
                    if y & 1 != 0 { product ^= x }
                    x <<= 1
                    if x & 0x100 != 0 { x ^= 0x11D }
                    y >>= 1
                }
                XCTAssertEqual(Int(GaloisField.multiply(UInt8(a), UInt8(b))), product)
            }
        }
        XCTAssertEqual(GaloisField.multiply(0x00, 0xFF), 0x00)
        XCTAssertEqual(GaloisField.multiply(0x01, 0xB7), 0xB7)
        for a in 1...255 {
            // α^255 = 1: every non-zero element has an inverse.
            let inverse = GaloisField.exp[255 - GaloisField.log[a]]
            XCTAssertEqual(GaloisField.multiply(UInt8(a), inverse), 1)
        }
    }

    func testGeneratorPolynomials() {
        // ISO/IEC 18004 Annex A, as exponents of α: degree 7 = α^0 x^7 + α^87 x^6 + α^229 … + α^21
        let degree7 = ReedSolomon.divisor(degree: 7).map { GaloisField.log[Int($0)] }
        XCTAssertEqual(degree7, [87, 229, 146, 149, 238, 102, 21])
        let degree10 = ReedSolomon.divisor(degree: 10).map { GaloisField.log[Int($0)] }
        XCTAssertEqual(degree10, [251, 67, 46, 61, 118, 70, 64, 94, 32, 45])
    }

    func testReedSolomonOfStandardExample() {
        // ISO/IEC 18004 Annex I: "01234567" at 1-M, data and its 10 EC codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let ecc = ReedSolomon.remainder(data[...], divisor: ReedSolomon.divisors[10])
        XCTAssertEqual(ecc, [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }
}
