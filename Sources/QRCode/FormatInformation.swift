/// The format information (ISO/IEC 18004:2015 §7.9) and version information
/// (§7.10): short BCH codes that let a reader learn level, mask and version
/// before it decodes anything else.
enum FormatInformation {
    /// 15 bits: level (2) and mask (3), then 10 BCH(15,5) check bits from the
    /// generator x¹⁰+x⁸+x⁵+x⁴+x²+x+1 (0x537), all XORed with 0x5412 so that
    /// no combination is all zero (§7.9.1; the results are Table C.1).
    static func bits(level: QRErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, degree: 10, generator: 0x537)) ^ 0x5412
    }

    /// 18 bits for versions 7 and up: the version (6), then 12 BCH(18,6)
    /// check bits from x¹²+x¹¹+x¹⁰+x⁹+x⁸+x⁵+x²+1 (0x1F25) (§7.10; Table D.1).
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version, degree: 12, generator: 0x1F25)
    }

    /// data(x)·x^degree mod generator(x), over GF(2).
    private static func bchRemainder(_ data: Int, degree: Int, generator: Int) -> Int {
        var remainder = data << degree
        for shift in stride(from: remainder.bitWidth - remainder.leadingZeroBitCount - 1 - degree, through: 0, by: -1)
        where remainder & (1 << (shift + degree)) != 0 {
            remainder ^= generator << shift
        }
        return remainder
    }
}
