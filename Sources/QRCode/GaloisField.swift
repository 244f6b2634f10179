/// Arithmetic in GF(2^8) with the QR code's primitive polynomial
/// x^8 + x^4 + x^3 + x^2 + 1 (0x11D), ISO/IEC 18004:2015 §7.5.2.
enum GaloisField {
    static let exp: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 512)
        var x = 1
        for i in 0..<255 {
            t[i] = UInt8(x)
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { t[i] = t[i - 255] }
        return t
    }()

    static let log: [Int] = {
        var t = [Int](repeating: 0, count: 256)
        for i in 0..<255 { t[Int(exp[i])] = i }
        return t
    }()

    @inline(__always)
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }
}

/// Reed–Solomon error correction codewords (§7.5.2).
enum ReedSolomon {
    /// Coefficients of the generator polynomial of the given degree, highest
    /// power first, leading 1 omitted: ∏ (x − α^i) for i in 0..<degree.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = GaloisField.multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = GaloisField.multiply(root, 0x02)
        }
        return result
    }

    static let divisors: [[UInt8]] = (0...30).map { $0 == 0 ? [] : divisor(degree: $0) }

    /// The remainder of data·x^n divided by the generator: the ECC codewords.
    static func remainder(_ data: ArraySlice<UInt8>, divisor: [UInt8]) -> [UInt8] {
        let n = divisor.count
        var result = [UInt8](repeating: 0, count: n)
        let logDivisor = divisor.map { $0 == 0 ? -1 : GaloisField.log[Int($0)] }
        for b in data {
            let factor = b ^ result[0]
            result.removeFirst()
            result.append(0)
            if factor == 0 { continue }
            let logFactor = GaloisField.log[Int(factor)]
            for i in 0..<n where logDivisor[i] >= 0 {
                result[i] ^= GaloisField.exp[logDivisor[i] + logFactor]
            }
        }
        return result
    }
}
