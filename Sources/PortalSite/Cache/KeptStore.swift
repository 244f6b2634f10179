import Foundation

/// Values kept from one build to the next by fingerprint (rendered card
/// partials, search-index terms), for `huiqi serve`; entries a build did not
/// use are dropped after it (`pruned`).
final class KeptStore<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [UInt64: Value] = [:]
    private var used: Set<UInt64> = []
    /// Lookups that found a value, and that did not, during the current build.
    private(set) var hits = 0, misses = 0

    func lookup(_ key: UInt64) -> Value? {
        lock.lock(); defer { lock.unlock() }
        guard let value = entries[key] else { misses += 1; return nil }
        hits += 1
        used.insert(key)
        return value
    }

    func keep(_ key: UInt64, _ value: Value) {
        lock.lock(); defer { lock.unlock() }
        entries[key] = value
        used.insert(key)
    }

    /// The entries this build used, for the next one.
    func pruned() -> KeptStore<Value> {
        lock.lock(); defer { lock.unlock() }
        let next = KeptStore<Value>()
        next.entries = entries.filter { used.contains($0.key) }
        return next
    }
}

/// Values made once per build by key, from any thread (product cards, policy
/// rows, page frames). Two threads may both make a missing value; the first
/// one stored wins, so every caller sees the same instance.
final class BuildMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock(); defer { lock.unlock() }
        if let known = values[key] { return known }
        values[key] = made
        return made
    }
}
