/// A 64-bit hash of what a route's files are made from (its page context,
/// template, title), to tell whether the files of the previous build can be
/// kept. Deterministic across runs (no random seed, unlike `Hasher`);
/// dictionary entries are combined in an order-independent way, so no keys
/// need sorting.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add(_ s: String) {
        var s = s
        let h = s.withUTF8 { Self.hash($0) }
        mix(h)
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

    /// Any value of a page context: strings, numbers, flags, lists and nested contexts.
    mutating func add(any value: Any) {
        switch value {
        case let s as String: mix(1); add(s)
        case let b as Bool: mix(b ? 2 : 3)
        case let n as Int: mix(4); mix(UInt64(bitPattern: Int64(n)))
        case let d as [String: Any]:
            var sum: UInt64 = 0
            for (k, v) in d {
                var entry = Fingerprint()
                entry.add(k)
                entry.add(any: v)
                sum = sum &+ Self.finalize(entry.value)
            }
            mix(5); mix(sum); mix(UInt64(d.count))
        // Exact element types first (see RenderNode.convert).
        case let a as [[String: Any]]: mix(7); for d in a { add(any: d) }; mix(UInt64(a.count))
        case let a as [ProductCard]: mix(7); for c in a { mix(9); mix(c.fingerprint) }; mix(UInt64(a.count))
        case let a as [SharedContext]: mix(7); for c in a { mix(11); mix(c.fingerprint) }; mix(UInt64(a.count))
        case let a as [String]: mix(6); for s in a { add(s) }; mix(UInt64(a.count))
        case let a as [Any]: mix(7); for v in a { add(any: v) }; mix(UInt64(a.count))
        // After the collections: casting those to a class bridges them to Foundation types first.
        case let c as ProductCard: mix(9); mix(c.fingerprint)
        case let m as MarkdownText: mix(10); add(m.source); mix(UInt64(m.topHeadingLevel))
        case let c as SharedContext: mix(11); mix(c.fingerprint)
        default: mix(8); add(String(reflecting: value))
        }
    }

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
