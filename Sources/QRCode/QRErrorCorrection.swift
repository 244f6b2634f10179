/// Error-correction level (ISO/IEC 18004:2015 §5.3.8): the share of
/// codewords that may be damaged and still be recovered.
public enum QRErrorCorrection: Int, Sendable, CaseIterable, Comparable {
    case low = 0, medium, quartile, high   // L ~7%, M ~15%, Q ~25%, H ~30%

    /// The two format-information bits of this level (Table 12): L=01, M=00, Q=11, H=10.
    var formatBits: Int {
        switch self {
        case .low: return 1
        case .medium: return 0
        case .quartile: return 3
        case .high: return 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Whether to announce UTF-8 with an ECI designator (ECI 26).
public enum QRECIMode: Sendable {
    /// Only when the text is not plain ASCII.
    case auto, on, off
}

public enum QRError: Error, CustomStringConvertible, Equatable, Sendable {
    case dataTooLong(bits: Int, capacityBits: Int, errorCorrection: QRErrorCorrection, maxVersion: Int)
    case invalidVersion(Int)
    case invalidVersionRange(min: Int, max: Int)
    case invalidMask(Int)
    case invalidModuleSize(Int)

    public var description: String {
        switch self {
        case let .dataTooLong(bits, capacity, ecc, maxVersion):
            return "data too long: needs \(bits) bits (\((bits + 7) / 8) bytes), but version \(maxVersion) at level \(ecc) holds \(capacity) bits (\(capacity / 8) bytes)"
        case .invalidVersion(let v): return "invalid version \(v): must be 1–40"
        case let .invalidVersionRange(min, max): return "invalid version range \(min)–\(max): need 1 ≤ min ≤ max ≤ 40"
        case .invalidMask(let m): return "invalid mask \(m): must be 0–7"
        case .invalidModuleSize(let s): return "invalid module size \(s): must be at least 1"
        }
    }
}
