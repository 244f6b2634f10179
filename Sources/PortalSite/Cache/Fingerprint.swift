/// A 64-bit hash of what a route's files are made from (its page context,
/// template, title), to tell whether the files of the previous build can be
/// kept. Deterministic across runs (no random seed, unlike `Hasher`);
/// dictionary entries are combined in an order-independent way, so no keys
/// need sorting.
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

    /// Any value of a page context: strings, numbers, flags, lists and nested contexts.
    mutating func add(any value: Any) {
        // Dispatch on the exact type: comparing metatypes is a pointer compare,
        // where each failed `as?` to a collection type is a slow runtime cast.
        switch ContextType(of: value) {
        case .string: mix(1); add(value as! String)
        case .bool: mix((value as! Bool) ? 2 : 3)
        case .int: mix(4); mix(UInt64(bitPattern: Int64(value as! Int)))
        case .dictionary:
            let d = value as! [String: Any]
            var sum: UInt64 = 0
            for (k, v) in d {
                var entry = Fingerprint()
                entry.add(k)
                entry.add(any: v)
                sum = sum &+ Self.finalize(entry.value)
            }
            mix(5); mix(sum); mix(UInt64(d.count))
        case .dictionaries: let a = value as! [[String: Any]]; mix(7); for d in a { add(any: d) }; mix(UInt64(a.count))
        case .cards: let a = value as! [ProductCard]; mix(7); for c in a { mix(9); mix(c.fingerprint) }; mix(UInt64(a.count))
        case .sharedContexts: let a = value as! [SharedContext]; mix(7); for c in a { mix(11); mix(c.fingerprint) }; mix(UInt64(a.count))
        case .strings: let a = value as! [String]; mix(6); for s in a { add(s) }; mix(UInt64(a.count))
        case .anys: let a = value as! [Any]; mix(7); for v in a { add(any: v) }; mix(UInt64(a.count))
        case .card: mix(9); mix((value as! ProductCard).fingerprint)
        case .markdown: let m = value as! MarkdownText; mix(10); add(m.source); mix(UInt64(m.topHeadingLevel))
        case .sharedContext: mix(11); mix((value as! SharedContext).fingerprint)
        case .renderNode, .other: mix(8); add(String(reflecting: value))
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
