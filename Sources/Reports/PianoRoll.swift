import Foundation

/// A melody drawn as a piano roll, a self-contained SVG element: time runs left to right in
/// beats with bar lines, pitch bottom to top with the black-key rows shaded and every C
/// labelled; each note is a rounded bar.
///
/// The SVG has a fixed `viewBox` and `width="100%"`, so it scales to its container.
public struct PianoRoll: Sendable {
    /// One note: a MIDI key from `start` to `end`, in beats.
    public struct Note: Sendable, Equatable {
        /// MIDI key (60 is middle C).
        public var pitch: Int
        /// Start in beats (quarter notes) from the beginning.
        public var start: Double
        /// End in beats.
        public var end: Double

        /// Creates a note.
        public init(pitch: Int, start: Double, end: Double) {
            self.pitch = pitch
            self.start = start
            self.end = end
        }
    }

    /// The notes.
    public var notes: [Note]
    /// Beats per bar for bar lines, `nil` for none.
    public var beatsPerBar: Double?
    /// Beats shown; the end of the last note when `nil`.
    public var beats: Double?
    /// Fill colour of the notes.
    public var color = "#2563eb"
    /// Size of the drawing in SVG units.
    public var width = 640.0, height = 200.0

    /// Creates a piano roll.
    public init(notes: [Note], beatsPerBar: Double? = 4) {
        self.notes = notes
        self.beatsPerBar = beatsPerBar
    }

    /// The lowest and highest MIDI key shown: the notes' range plus a margin, at least an
    /// octave (C4...C5 with no notes).
    public var pitchRange: ClosedRange<Int> {
        guard let low = notes.map(\.pitch).min(), let high = notes.map(\.pitch).max() else { return 60...72 }
        let padding = max(2, (13 - (high - low)) / 2)
        return (low - padding)...(high + padding)
    }

    /// The SVG element.
    public func svg() -> String {
        let range = pitchRange
        let rows = Double(range.count)
        let left = 34.0
        let plotWidth = width - left - 2
        let rowHeight = height / rows
        let total = max(beats ?? notes.map(\.end).max() ?? 4, 1)
        func x(_ beat: Double) -> Double { left + beat / total * plotWidth }
        func y(_ pitch: Int) -> Double { Double(range.upperBound - pitch) * rowHeight }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"piano-roll\" width=\"100%\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"9\" role=\"img\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>\n"
        for pitch in range {
            let pitchClass = ((pitch % 12) + 12) % 12
            if [1, 3, 6, 8, 10].contains(pitchClass) {
                out += "<rect x=\"\(f(left))\" y=\"\(f(y(pitch)))\" width=\"\(f(plotWidth))\" height=\"\(f(rowHeight))\" fill=\"#eef0f5\"/>"
            }
            if pitchClass == 0 {
                out += "<line x1=\"\(f(left))\" y1=\"\(f(y(pitch) + rowHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(pitch) + rowHeight))\" stroke=\"#c9cdd8\"/>"
                out += "<text x=\"\(f(left - 4))\" y=\"\(f(y(pitch) + rowHeight - 1))\" text-anchor=\"end\" fill=\"#667\">C\(pitch / 12 - 1)</text>"
            }
        }
        out += "\n"
        if let beatsPerBar, beatsPerBar > 0 {
            var bar = 0.0
            while bar <= total + 1e-9 {
                out += "<line x1=\"\(f(x(bar)))\" y1=\"0\" x2=\"\(f(x(bar)))\" y2=\"\(f(height))\" stroke=\"#d5d9e2\"/>"
                bar += beatsPerBar
            }
            out += "\n"
        }
        for note in notes where note.end > note.start {
            let noteWidth = max(1.5, x(note.end) - x(note.start) - 0.8)
            out += "<rect x=\"\(f(x(note.start)))\" y=\"\(f(y(note.pitch) + 0.5))\" width=\"\(f(noteWidth))\" height=\"\(f(max(1, rowHeight - 1)))\" rx=\"1.5\" fill=\"\(color)\"/>"
        }
        return out + "\n</svg>"
    }
}
