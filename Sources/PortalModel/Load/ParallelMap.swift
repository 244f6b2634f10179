import Foundation

/// Maps over an array on all cores and returns results in input order, so
/// parallel work stays deterministic.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ input: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard input.count > 1 else { return input.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: input.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = ResultBox(results)
        DispatchQueue.concurrentPerform(iterations: input.count) { i in
            box.buffer[i] = transform(input[i])
        }
        return results.map { $0! }
    }

    /// Each iteration writes only its own slot, so no lock is needed.
    private final class ResultBox<R>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R?>
        init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
    }
}
