import Foundation

/// `map` over all cores, results in input order. The work runs on threads of
/// its own rather than Dispatch's pool, which on Linux is also where Swift
/// concurrency runs: a preview server stays responsive (its HTTP handlers
/// and actors get a thread) while a rebuild keeps every core busy.
public enum ParallelMap {
    /// The first `singly` items are handed out one at a time: a caller that puts
    /// its costliest items first keeps them on different cores.
    public static func map<T: Sendable, R: Sendable>(_ input: [T], singly: Int = 0,
                                                     _ transform: @escaping @Sendable (T) -> R) -> [R] {
        guard input.count > 1 else { return input.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: input.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = ResultBox(results)
        let work = Work(count: input.count, singly: singly)
        let run: @Sendable () -> Void = {
            while let range = work.next() {
                for i in range { box.buffer[i] = transform(input[i]) }
            }
        }
        let helpers = min(ProcessInfo.processInfo.activeProcessorCount, input.count) - 1
        let finished = DispatchGroup()
        for _ in 0..<max(0, helpers) {
            finished.enter()
            Thread { run(); finished.leave() }.start()
        }
        run()
        finished.wait()
        return results.map { $0! }
    }

    /// Each iteration writes only its own slot, so no lock is needed.
    private final class ResultBox<R>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R?>
        init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
    }

    /// Hands out the indices in small chunks: items differ a lot in cost
    /// (a product page against a list of ten thousand), so no fixed split.
    private final class Work: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int
        private let chunk: Int
        private let singly: Int
        init(count: Int, singly: Int) {
            self.count = count
            self.singly = singly
            chunk = max(1, min(16, count / 64))
        }
        func next() -> Range<Int>? {
            lock.lock(); defer { lock.unlock() }
            guard nextIndex < count else { return nil }
            let start = nextIndex
            nextIndex = min(count, start < singly ? start + 1 : start + chunk)
            return start..<nextIndex
        }
    }
}
