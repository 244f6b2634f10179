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

    /// A typed context, encoded once for its fingerprint and its template form.
    init<Context: Encodable>(encoding context: Context) {
        fingerprint = ContextEncoder.fingerprint(context)
        node = ContextEncoder.node(context)
    }
}

/// Shared contexts by key, made once per build.
typealias SharedContexts = BuildMemo<String, SharedContext>
