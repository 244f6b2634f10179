/// Why a symbol could not be made. Every problem with the caller's input is
/// one of these; the encoder never traps on input.
public enum QRError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data does not fit even version 40 at this level.
    case dataTooLong(bits: Int, capacityBits: Int, errorCorrection: QRErrorCorrection)
    /// The data does not fit the largest version allowed, though a larger one would hold it.
    case versionTooSmall(maxVersion: Int, bits: Int, capacityBits: Int, errorCorrection: QRErrorCorrection,
                         smallestFittingVersion: Int)
    case invalidVersion(Int)
    case invalidVersionRange(min: Int, max: Int)
    case invalidMask(Int)
    /// A character that the segment's mode cannot hold, at this UTF-8 byte offset.
    case invalidCharacter(mode: QRSegment.Mode, offset: Int)
    /// ECI assignment numbers run from 0 to 999999 (§7.4.2).
    case invalidECIAssignment(Int)

    public var description: String {
        switch self {
        case let .dataTooLong(bits, capacity, level):
            return "data too long: it needs \(bits) bits (\(Self.bytes(bits)) bytes), "
                + "but version 40 at level \(level) holds only \(capacity) bits (\(capacity / 8) bytes); "
                + (level == .low ? "shorten the data" : "shorten the data or choose a lower error-correction level")
        case let .versionTooSmall(maxVersion, bits, capacity, level, smallest):
            return "version \(maxVersion) too small: the data needs \(bits) bits (\(Self.bytes(bits)) bytes), "
                + "but version \(maxVersion) at level \(level) holds \(capacity) bits (\(capacity / 8) bytes); "
                + "the smallest version that fits is \(smallest)"
        case .invalidVersion(let v):
            return "invalid version \(v): versions run from 1 to 40"
        case let .invalidVersionRange(min, max):
            return "invalid version range \(min)–\(max): the minimum must not exceed the maximum"
        case .invalidMask(let m):
            return "invalid mask \(m): masks run from 0 to 7"
        case let .invalidCharacter(mode, offset):
            return "invalid character for \(mode) mode at byte \(offset)"
        case .invalidECIAssignment(let n):
            return "invalid ECI assignment \(n): must be 0–999999"
        }
    }

    private static func bytes(_ bits: Int) -> Int { (bits + 7) / 8 }
}
