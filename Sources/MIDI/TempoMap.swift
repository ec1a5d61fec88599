/// Converts ticks to seconds through a file's tempo changes (or its SMPTE division).
///
/// Before the first tempo event the SMF default of 500000 microseconds per quarter applies.
/// Several tempo events at one tick: the last one (in track order) wins.
public struct TempoMap: Sendable, Hashable {
    /// Segment start ticks, ascending; segment 0 starts at tick 0.
    private var segmentTicks: [Int]
    /// Seconds at each segment's start.
    private var segmentSeconds: [Double]
    /// Seconds per tick within each segment.
    private var secondsPerTick: [Double]

    /// Builds the map.
    ///
    /// - Parameters:
    ///   - division: The file's division; SMPTE divisions ignore tempo events.
    ///   - tempos: Tempo changes sorted by tick (then track).
    ///   - track: Use only this track's tempo events (format 2), or all when `nil`.
    public init(division: Division, tempos: [TempoChange], track: Int?) {
        switch division {
        case .smpte:
            segmentTicks = [0]
            segmentSeconds = [0]
            secondsPerTick = [division.smpteSecondsPerTick ?? 0]
        case .ticksPerQuarter(let ticks):
            let quarter = Double(ticks)
            segmentTicks = [0]
            segmentSeconds = [0]
            secondsPerTick = [0.5 / quarter]
            for tempo in tempos where track == nil || tempo.track == track {
                let perTick = Double(tempo.microsecondsPerQuarter) / 1_000_000 / quarter
                let last = segmentTicks.count - 1
                if tempo.tick == segmentTicks[last] {
                    secondsPerTick[last] = perTick
                } else {
                    let seconds =
                        segmentSeconds[last]
                        + Double(tempo.tick - segmentTicks[last]) * secondsPerTick[last]
                    segmentTicks.append(tempo.tick)
                    segmentSeconds.append(seconds)
                    secondsPerTick.append(perTick)
                }
            }
        }
    }

    /// The time of `tick` in seconds.
    public func seconds(atTick tick: Int) -> Double {
        let low = Self.lastIndex(in: segmentTicks, notAfter: tick)
        return segmentSeconds[low] + Double(tick - segmentTicks[low]) * secondsPerTick[low]
    }

    /// The tick at `seconds` (rounded down), the inverse of ``seconds(atTick:)``.
    public func tick(atSeconds seconds: Double) -> Int {
        let low = Self.lastIndex(in: segmentSeconds, notAfter: seconds)
        let perTick = secondsPerTick[low]
        guard perTick > 0 else { return segmentTicks[low] }
        return segmentTicks[low] + Int(((seconds - segmentSeconds[low]) / perTick + 1e-9).rounded(.down))
    }

    /// Binary search in the ascending `starts` (which begin at or before `value`): the index
    /// of the last segment starting at or before `value`.
    private static func lastIndex<T: Comparable>(in starts: [T], notAfter value: T) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
