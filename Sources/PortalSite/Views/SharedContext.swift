import Foundation

/// A context shared by many pages (a policy's row in every list), made once
/// per build with its fingerprint and template-ready form.
final class SharedContext: @unchecked Sendable {
    let fingerprint: UInt64
    let node: RenderNode

    init(_ values: [String: Any]) {
        var f = Fingerprint()
        f.add(any: values)
        fingerprint = f.value
        node = RenderNode.tree(values)
    }
}

/// Shared contexts by key, made on first use from any thread.
final class SharedContexts: @unchecked Sendable {
    private let lock = NSLock()
    private var contexts: [String: SharedContext] = [:]

    func context(_ key: String, make: () -> [String: Any]) -> SharedContext {
        lock.lock()
        if let known = contexts[key] { lock.unlock(); return known }
        lock.unlock()
        let made = SharedContext(make())
        lock.lock(); defer { lock.unlock() }
        if let known = contexts[key] { return known }
        contexts[key] = made
        return made
    }
}
