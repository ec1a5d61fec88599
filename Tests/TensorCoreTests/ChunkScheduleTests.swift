import Synchronization
import Testing
@testable import TensorCore

@Suite("Chunk schedule")
struct ChunkScheduleTests {
    /// Runs `count` chunks under `schedule` and returns how often each ran and the largest
    /// worker index seen.
    func tally(_ count: Int, _ schedule: ChunkSchedule, maximumWorkers: Int = .max) -> (runs: [Int], topWorker: Int) {
        let state = Mutex((runs: [Int](repeating: 0, count: count), topWorker: -1))
        schedule.run(count, maximumWorkers: maximumWorkers) { chunk, worker in
            state.withLock {
                $0.runs[chunk] += 1
                $0.topWorker = max($0.topWorker, worker)
            }
        }
        return state.withLock { $0 }
    }

    @Test("every chunk runs exactly once for any number of threads and any order")
    func everyChunkOnce() {
        for count in [1, 2, 7, 64, 1000] {
            for threads in [1, 2, 4, 9] {
                for order in [ChunkSchedule.Order.ascending, .shuffled(seed: 3), .shuffled(seed: 8)] {
                    let result = tally(count, ChunkSchedule(threads: threads, order: order))
                    #expect(result.runs == [Int](repeating: 1, count: count), "count \(count), threads \(threads), \(order)")
                }
            }
        }
    }

    @Test("workers are numbered below the threads, the scratch slots and the chunk count")
    func workerIndices() {
        #expect(tally(50, ChunkSchedule(threads: 4), maximumWorkers: 2).topWorker < 2)
        #expect(tally(3, ChunkSchedule(threads: 8)).topWorker < 3)
        #expect(tally(50, ChunkSchedule(threads: 1)).topWorker == 0)
    }

    @Test("a shuffled order is a permutation that differs from the ascending one")
    func shuffledPermutation() {
        for count in [2, 12, 64, 97] {
            let permutation = ChunkSchedule.Permutation(count: count, order: .shuffled(seed: 11))
            let images = (0..<count).map { permutation[$0] }
            #expect(images.sorted() == Array(0..<count))
            if count > 2 { #expect(images != Array(0..<count)) }
        }
        // With one thread the chunks run in the schedule's order.
        var seen: [Int] = []
        ChunkSchedule(threads: 1, order: .shuffled(seed: 11)).run(12) { chunk, _ in seen.append(chunk) }
        let permutation = ChunkSchedule.Permutation(count: 12, order: .shuffled(seed: 11))
        #expect(seen == (0..<12).map { permutation[$0] })
    }
}
