import Foundation

/// Computes `count` independent scores on up to `workers` threads, deterministically.
///
/// The indices are split into contiguous chunks, one per worker; each worker writes only its
/// own slots, so the result does not depend on scheduling.
///
/// - Parameters:
///   - count: The number of scores.
///   - workers: The largest number of threads to use.
///   - score: Called once per worker with its index range and the output buffer.
/// - Returns: The scores, in index order.
func parallelScores(
    count: Int, workers: Int = defaultWorkerCount,
    _ score: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
) -> [Double] {
    // Below this many scores per worker, a thread costs more than it saves.
    let minimumPerWorker = 32
    let chunks = max(1, min(workers, count / minimumPerWorker))
    return [Double](unsafeUninitializedCapacity: count) { buffer, initializedCount in
        buffer.initialize(repeating: 0)
        nonisolated(unsafe) let output = buffer
        if chunks == 1 {
            score(0..<count, output)
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                score(range, output)
            }
        }
        initializedCount = count
    }
}

/// The number of threads BLEU uses: the machine's active processors.
let defaultWorkerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
