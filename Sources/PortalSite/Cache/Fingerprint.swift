/// A 64-bit hash of what a route's files are made from (its page context,
/// template, title), to tell whether the files of the previous build can be
/// kept. Deterministic across runs (no random seed, unlike `Hasher`); a
/// context's fields are combined in an order-independent way (`add(value:)`),
/// so no keys need sorting.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add(_ s: String) { mix(Self.hash(s)) }

    /// The hash of a string's UTF-8 bytes.
    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { hash($0) }
    }

    /// Eight bytes at a time, each word through a multiply-xorshift step.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E3779B97F4A7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xff51afd7ed558ccd
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xc4ceb9fe1a85ec53
        return finalize(h)
    }

    mutating func add(_ n: UInt64) { mix(n) }

    private mutating func mix(_ n: UInt64) {
        value = Self.finalize(value ^ n) &* 0x9E3779B97F4A7C15
    }

    /// splitmix64's finalizer: every input bit moves every output bit.
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}
