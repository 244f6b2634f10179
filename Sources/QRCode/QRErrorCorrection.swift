/// Error-correction level (ISO/IEC 18004:2015 §5.3.8): roughly the share of
/// codewords that may be damaged and still be recovered.
public enum QRErrorCorrection: Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case low        // L, about 7 %
    case medium     // M, about 15 %
    case quartile   // Q, about 25 %
    case high       // H, about 30 %

    /// Position in L < M < Q < H; indexes the rows of Table 9.
    var ordinal: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .quartile: return 2
        case .high: return 3
        }
    }

    /// The level's two bits in the format information (Table 12): not in
    /// ordinal order.
    var formatBits: Int {
        switch self {
        case .low: return 0b01
        case .medium: return 0b00
        case .quartile: return 0b11
        case .high: return 0b10
        }
    }

    /// The letter the standard uses: L, M, Q or H.
    public var letter: String {
        switch self {
        case .low: return "L"
        case .medium: return "M"
        case .quartile: return "Q"
        case .high: return "H"
        }
    }

    public var description: String { letter }

    public static func < (a: Self, b: Self) -> Bool { a.ordinal < b.ordinal }
}
