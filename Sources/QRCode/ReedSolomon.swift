/// Reed–Solomon error-correction codewords (ISO/IEC 18004:2015 §7.5.2).
enum ReedSolomon {
    /// The generator polynomial of the given degree, g(x) = ∏ (x − αⁱ) for
    /// i in 0..<degree (Annex A), as its coefficients from x^(degree−1) down
    /// to x⁰; the leading coefficient, always 1, is left out.
    static func generator(degree: Int) -> [UInt8] {
        guard degree > 0 else { return [] }
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1   // g(x) = 1 before the first factor
        var root: UInt8 = 1            // α⁰
        for _ in 0..<degree {
            // Multiply by (x − root): shift up one power, add root times the old polynomial.
            for j in 0..<degree {
                coefficients[j] = GaloisField.multiply(coefficients[j], root)
                if j + 1 < degree { coefficients[j] ^= coefficients[j + 1] }
            }
            root = GaloisField.multiply(root, 2)
        }
        return coefficients
    }

    /// Generators for every degree a block can need (Table 9 tops out at 30).
    static let generators: [[UInt8]] = (0...30).map(generator(degree:))

    /// The remainder of data(x)·x^n divided by the degree-n generator: the
    /// n error-correction codewords of one block, written to `ecc`.
    static func remainder(of data: UnsafeBufferPointer<UInt8>, generator: UnsafeBufferPointer<UInt8>,
                          products: UnsafeBufferPointer<UInt8>, into ecc: UnsafeMutableBufferPointer<UInt8>) {
        let n = generator.count
        for i in 0..<n { ecc[i] = 0 }
        guard n > 0 else { return }
        for byte in data {
            // Long division, one data codeword at a time: shift the remainder
            // up a power and subtract (XOR) the generator times the carry-out.
            let row = Int(byte ^ ecc[0]) << 8
            for i in 0..<(n - 1) { ecc[i] = ecc[i + 1] ^ products[row | Int(generator[i])] }
            ecc[n - 1] = products[row | Int(generator[n - 1])]
        }
    }
}
