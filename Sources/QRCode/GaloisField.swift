/// Arithmetic in GF(2⁸) as Reed–Solomon coding in QR codes defines it:
/// bytes are polynomials over GF(2), reduced modulo the primitive polynomial
/// x⁸ + x⁴ + x³ + x² + 1 (0x11D), with α = x = 2 (ISO/IEC 18004:2015 §7.5.2).
enum GaloisField {
    static let primitivePolynomial = 0x11D

    /// exp[i] = αⁱ. Holds 510 entries so exp[log a + log b] needs no modulo.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var x = 1
        for i in 0..<255 {
            table[i] = UInt8(x)
            table[i + 255] = UInt8(x)
            x <<= 1
            if x & 0x100 != 0 { x ^= primitivePolynomial }
        }
        return table
    }()

    /// log[a] = i such that αⁱ = a, for a ≠ 0; log[0] is unused.
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = i }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }

    /// Every product, products[a << 8 | b] = a·b: 64 KiB that turn the inner
    /// loop of Reed–Solomon division into one lookup per term.
    static let products: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256 * 256)
        for a in 1..<256 {
            for b in 1..<256 { table[a << 8 | b] = exp[log[a] + log[b]] }
        }
        return table
    }()
}
