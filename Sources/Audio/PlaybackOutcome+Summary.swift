extension PlaybackOutcome {
    /// The line `seqgan play` ends with: what was played, how long and on which device, or
    /// that it was stopped.
    public func summary(of input: String, duration: Double, device: String) -> String {
        switch self {
        case .finished: "played \(input) (\(DurationText.clock(duration))) on \(device)"
        case .interrupted: "stopped \(input)"
        }
    }
}
