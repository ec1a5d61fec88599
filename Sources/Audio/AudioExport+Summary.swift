import Foundation

extension AudioExport.Result {
    /// The line `seqgan export` prints: for a MIDI output its notes and tracks, for audio its
    /// duration, `instrument`, sample rate, channels and the `seconds` the export took.
    public func summaryLine(output: String, instrument: Instrument, seconds: Double) -> String {
        guard let audio else { return "wrote \(output): \(noteCount) notes, \(trackCount) tracks" }
        return "wrote \(output): \(DurationText.clock(audio.duration)) of \(instrument.rawValue), "
            + "\(audio.sampleRate) Hz \(audio.channelCount == 1 ? "mono" : "stereo") (\(String(format: "%.2f", seconds)) s)"
    }

    /// Warnings for standard error: that `input` was repaired when read, and, when audio was
    /// rendered, that it is silent because none of its notes is pitched.
    public func warnings(input: String) -> [String] {
        let silence = audio == nil ? nil : RenderWarning.silence(notes: noteCount, pitchedNotes: pitchedNoteCount, in: input)
        return [RenderWarning.repairs(repairedCount, in: input), silence].compactMap { $0 }
    }
}
