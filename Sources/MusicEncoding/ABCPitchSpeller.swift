/// Spells MIDI pitches as ABC notes in a key: letter, octave marks and the accidentals the
/// key signature and the bar's earlier accidentals call for (ABC 2.1, section 4.2: an
/// accidental holds to the end of the bar).
struct ABCPitchSpeller {
    /// Semitones of C D E F G A B above C.
    private static let steps = [0, 2, 4, 5, 7, 9, 11]
    /// The key signature's alteration per letter C...B.
    let keyAlterations: [Int]
    /// Letter and alteration per pitch class.
    private let spelling: [(letter: Int, alteration: Int)]
    /// Alterations written so far in the bar, per letter and octave, and per letter.
    private var byOctave: [Int: Int] = [:]
    private var byLetter: [Int: Int] = [:]

    init(sharps: Int) {
        var alterations = [Int](repeating: 0, count: 7)
        let sharpOrder = [3, 0, 4, 1, 5, 2, 6]  // F C G D A E B
        let flatOrder = [6, 2, 5, 1, 4, 0, 3]  // B E A D G C F
        for k in 0..<min(max(sharps, 0), 7) { alterations[sharpOrder[k]] = 1 }
        for k in 0..<min(max(-sharps, 0), 7) { alterations[flatOrder[k]] = -1 }
        keyAlterations = alterations
        // Notes of the key first; other pitch classes as sharps in sharp keys, flats in flat keys.
        var table = [(letter: Int, alteration: Int)?](repeating: nil, count: 12)
        for letter in 0..<7 {
            let pitchClass = ((Self.steps[letter] + alterations[letter]) % 12 + 12) % 12
            table[pitchClass] = (letter, alterations[letter])
        }
        for pitchClass in 0..<12 where table[pitchClass] == nil {
            if let natural = Self.steps.firstIndex(of: pitchClass) {
                table[pitchClass] = (natural, 0)
            } else if sharps >= 0 {
                table[pitchClass] = (Self.steps.firstIndex(of: pitchClass - 1)!, 1)
            } else {
                table[pitchClass] = (Self.steps.firstIndex(of: pitchClass + 1)!, -1)
            }
        }
        spelling = table.map { $0! }
    }

    /// Forgets the bar's accidentals (at a bar line).
    mutating func newBar() {
        byOctave = [:]
        byLetter = [:]
    }

    /// The ABC text of a pitch, with an accidental when the key and the bar so far would not
    /// give it.
    mutating func spell(_ pitch: Int) -> String {
        let (letter, alteration) = spelling[((pitch % 12) + 12) % 12]
        let octave = (pitch - alteration - Self.steps[letter] - 60) / 12  // 0: C4...B4
        let slot = letter + 7 * (octave + 20)
        var text = ""
        let current = byOctave[slot] ?? keyAlterations[letter]
        let anyOctave = byLetter[letter] ?? keyAlterations[letter]
        if alteration != current || alteration != anyOctave {
            switch alteration {
            case 2: text = "^^"
            case 1: text = "^"
            case 0: text = "="
            case -1: text = "_"
            default: text = "__"
            }
            byOctave[slot] = alteration
            byLetter[letter] = alteration
        }
        let name = Array("CDEFGAB")[letter]
        if octave >= 1 {
            text += String(name).lowercased() + String(repeating: "'", count: octave - 1)
        } else {
            text += String(name) + String(repeating: ",", count: -octave)
        }
        return text
    }
}
