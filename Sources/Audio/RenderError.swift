import Foundation

/// Why a list of notes cannot be rendered.
public enum RenderError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A note's start or end is negative, not finite, or the end precedes the start.
    case invalidNoteTime(noteIndex: Int, start: Double, end: Double)
    /// A note's pitch is outside 0...127.
    case invalidPitch(noteIndex: Int, pitch: Int)
    /// The music would last longer than the renderer allows.
    case tooLong(seconds: Double, limit: Double)

    public var description: String {
        switch self {
        case .invalidNoteTime(let index, let start, let end):
            "note \(index) has invalid times: start \(start) s, end \(end) s"
        case .invalidPitch(let index, let pitch):
            "note \(index) has pitch \(pitch), outside the MIDI range 0...127"
        case .tooLong(let seconds, let limit):
            "the music lasts \(Int(seconds)) s, longer than the \(Int(limit)) s the renderer allows"
        }
    }

    public var errorDescription: String? { description }
}
