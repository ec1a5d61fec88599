import Dispatch
import Foundation
import Randomness
import Synchronization

/// Hands a fixed list of chunks of work to worker threads, each chunk to whichever worker
/// asks next.
///
/// The caller cuts the work into chunks that never depend on the number of threads, and each
/// chunk writes memory no other chunk of the same run touches (partial results that must be
/// summed go to a slot of their own, summed afterwards in a fixed order). Then the results
/// are the same bit for bit whatever thread runs which chunk, in whatever order, and however
/// many threads there are; and a thread slowed by another process simply takes fewer chunks
/// while the others take up the slack, instead of the whole step waiting for a fixed half.
public struct ChunkSchedule: Sendable, Equatable {
    /// The order in which chunks are handed out.
    public enum Order: Sendable, Equatable {
        /// `0, 1, 2, ...`: callers list the costliest chunks first.
        case ascending
        /// A permutation drawn from `seed` (for tests that show the order does not matter).
        case shuffled(seed: UInt64)
    }

    /// The most worker threads that take chunks at once (1: the caller runs them in order).
    public var threads: Int
    /// The order in which chunks are handed out.
    public var order: Order

    /// A schedule over at most `threads` workers.
    public init(threads: Int = ChunkSchedule.machineThreads, order: Order = .ascending) {
        precondition(threads > 0, "a schedule needs at least one thread")
        self.threads = threads
        self.order = order
    }

    /// One worker per core of this machine.
    public static let machineThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body(chunk, worker)` for every `chunk` in `0..<count`, once each, spread over
    /// at most `min(threads, maximumWorkers, count)` workers numbered from 0 (use `worker`
    /// to pick scratch space that one chunk at a time may use).
    ///
    /// - Parameter maximumWorkers: The number of scratch slots the caller has.
    public func run(
        _ count: Int, maximumWorkers: Int = .max, _ body: (_ chunk: Int, _ worker: Int) -> Void
    ) {
        guard count > 0 else { return }
        let permutation = Permutation(count: count, order: order)
        let workers = min(threads, maximumWorkers, count)
        if workers <= 1 {
            for index in 0..<count { body(permutation[index], 0) }
            return
        }
        // The next chunk to hand out, shared by the workers.
        let next = Atomic<Int>(0)
        // Every chunk is taken exactly once (the counter) and chunks write disjoint memory
        // (the contract above), so handing the closure to Dispatch as `@Sendable` is safe
        // even though it captures raw pointers.
        withoutActuallyEscaping(body) { escapable in
            let sendable = unsafeBitCast(escapable, to: (@Sendable (Int, Int) -> Void).self)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    sendable(permutation[index], worker)
                }
            }
        }
    }

    /// `index -> (multiplier * index + offset) mod count` with the multiplier coprime to
    /// `count`: a permutation that needs no storage.
    struct Permutation {
        let count: Int
        let multiplier: Int
        let offset: Int

        init(count: Int, order: Order) {
            self.count = count
            switch order {
            case .ascending:
                multiplier = 1
                offset = 0
            case .shuffled(let seed):
                var random = SplitMix64(seed: seed)
                offset = Int(random.next() % UInt64(count))
                var candidate = Int(random.next() % UInt64(count)) | 1
                while Permutation.greatestCommonDivisor(candidate, count) != 1 { candidate += 1 }
                multiplier = candidate % count == 0 ? 1 : candidate
            }
        }

        subscript(index: Int) -> Int { (multiplier * index + offset) % count }

        static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
            var (a, b) = (a, b)
            while b != 0 { (a, b) = (b, a % b) }
            return a
        }
    }
}
