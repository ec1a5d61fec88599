import Dispatch

/// Runs `body(0..<count)` with the iterations spread over the machine's cores.
///
/// Each iteration must write to memory no other iteration touches. The split of work into
/// iterations is fixed by the caller, never by the number of cores, so results do not
/// depend on scheduling.
@inline(__always)
public func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    if count == 1 {
        body(0)
    } else if count > 1 {
        // The iterations write disjoint memory (the contract above), so handing the closure
        // to Dispatch as `@Sendable` is safe even though it captures raw pointers.
        withoutActuallyEscaping(body) { escapable in
            let sendable = unsafeBitCast(escapable, to: (@Sendable (Int) -> Void).self)
            DispatchQueue.concurrentPerform(iterations: count, execute: sendable)
        }
    }
}
