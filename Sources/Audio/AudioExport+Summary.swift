import Foundation

extension AudioExport.Result {
    /// The line `seqgan export` prints: for a MIDI output its notes and tracks, for audio its
    /// duration, `instrument`, sample rate, channels and the `seconds` the export took.
    public func summaryLine(output: String, instrument: Instrument, seconds: Double) -> String {
        guard let audio else { return "wrote \(output): \(noteCount) notes, \(trackCount) tracks" }
        return "wrote \(output): \(DurationText.clock(audio.duration)) of \(instrument.rawValue), "
            + "\(audio.sampleRate) Hz \(audio.channelCount == 1 ? "mono" : "stereo") (\(String(format: "%.2f", seconds)) s)"
    }
}
