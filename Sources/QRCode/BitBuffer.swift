/// An append-only string of bits, most significant bit first, packed into
/// bytes: the form in which the standard lays out the data bit stream (§7.4).
struct BitBuffer: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    init() {}

    init(reservingBits bits: Int) { bytes.reserveCapacity((bits + 7) / 8) }

    /// Appends the low `n` bits of `value`, n ≤ 32, highest first.
    mutating func append(_ value: Int, bits n: Int) {
        var remaining = n
        while remaining > 0 {
            let used = count & 7
            if used == 0 { bytes.append(0) }
            let take = min(8 - used, remaining)
            let chunk = (value >> (remaining - take)) & ((1 << take) - 1)
            bytes[bytes.count - 1] |= UInt8(truncatingIfNeeded: chunk << (8 - used - take))
            count += take
            remaining -= take
        }
    }

    mutating func append(_ other: BitBuffer) {
        if count & 7 == 0 {
            bytes += other.bytes
            count += other.count
            return
        }
        let whole = other.count / 8
        for i in 0..<whole { append(Int(other.bytes[i]), bits: 8) }
        let rest = other.count & 7
        if rest > 0 { append(Int(other.bytes[whole] >> (8 - rest)), bits: rest) }
    }

    func bit(_ i: Int) -> Bool { bytes[i >> 3] & (0x80 >> UInt8(i & 7)) != 0 }
}
