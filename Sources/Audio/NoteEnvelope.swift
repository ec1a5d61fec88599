import Foundation

/// The loudness shape every note gets: a raised-cosine fade-in over `attackFrames`, then the
/// instrument's own sound while the key is held, then a raised-cosine fade-out over
/// `releaseFrames` from the note's end. Both fades start and end with zero slope, so notes
/// neither click on nor click off.
struct NoteEnvelope {
    var attackFrames: Int
    var holdFrames: Int
    var releaseFrames: Int

    /// Multiplies `voice` (frame 0 = the note's start, at most `holdFrames + releaseFrames`
    /// long) by the envelope.
    func apply(to voice: UnsafeMutableBufferPointer<Float>) {
        Self.applyRaisedCosine(
            to: voice, from: 0, frames: attackFrames, rising: true)
        Self.applyRaisedCosine(
            to: voice, from: holdFrames, frames: releaseFrames, rising: false)
    }

    /// Multiplies `frames` samples from `start` by 0.5 - 0.5 cos(pi k / frames) (rising) or
    /// 0.5 + 0.5 cos(pi k / frames) (falling), computing the cosine by the recurrence
    /// cos((k+1)t) = 2 cos t cos(kt) - cos((k-1)t).
    private static func applyRaisedCosine(
        to voice: UnsafeMutableBufferPointer<Float>, from start: Int, frames: Int, rising: Bool
    ) {
        guard start < voice.count, frames > 0 else { return }
        let end = min(start + frames, voice.count)
        let step = Double.pi / Double(frames)
        let twiceCosStep = 2 * cos(step)
        var previous = cos(-step)
        var current = 1.0
        let sign = rising ? -0.5 : 0.5
        for index in start..<end {
            voice[index] *= Float(0.5 + sign * current)
            let next = twiceCosStep * current - previous
            previous = current
            current = next
        }
    }
}
