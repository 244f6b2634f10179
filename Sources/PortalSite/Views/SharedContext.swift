import Foundation

/// A context shared by many pages (a policy's row in every list), made once
/// per build with its fingerprint and template-ready form.
final class SharedContext: @unchecked Sendable {
    let fingerprint: UInt64
    let node: RenderNode

    init<Fields: Encodable>(encoding fields: Fields) {
        fingerprint = ContextEncoder.fingerprint(fields)
        node = ContextEncoder.node(fields)
    }
}

/// Shared contexts by key, made once per build.
typealias SharedContexts = BuildMemo<String, SharedContext>
