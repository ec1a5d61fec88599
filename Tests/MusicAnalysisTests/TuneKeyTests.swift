import MIDI
import Testing

@testable import MusicAnalysis

@Suite("Keys from key signatures and from the notes")
struct TuneKeyTests {
    @Test("a key signature names its major tonic, or its relative minor")
    func signatures() {
        #expect(
            TuneKey(signature: KeySignature(tick: 0, sharps: 2, minor: false))
                == TuneKey(tonic: 2, mode: .major))
        #expect(
            TuneKey(signature: KeySignature(tick: 0, sharps: -1, minor: true))
                == TuneKey(tonic: 2, mode: .minor))
        #expect(
            TuneKey(signature: KeySignature(tick: 0, sharps: -3, minor: false))
                == TuneKey(tonic: 3, mode: .major))
    }

    @Test(
        "with a C major signature, a tune around A minor's notes is taken as A minor, one around C's as C major"
    )
    func relativeMode() {
        let signature = KeySignature(tick: 0, sharps: 0, minor: false)
        let aMinor = [
            (69, 0.0, 2.0), (72, 2, 1), (76, 3, 1), (69, 4, 1), (71, 5, 1), (72, 6, 1), (69, 7, 4),
        ]
        .map { TuneMaker.note($0.0, $0.1, $0.2) }
        let cMajor = [
            (60, 0.0, 2.0), (64, 2, 1), (67, 3, 1), (65, 4, 1), (64, 5, 1), (62, 6, 1), (60, 7, 4),
        ]
        .map { TuneMaker.note($0.0, $0.1, $0.2) }
        #expect(
            TuneKey.estimate(notes: aMinor, signature: signature) == TuneKey(tonic: 9, mode: .minor)
        )
        #expect(
            TuneKey.estimate(notes: cMajor, signature: signature) == TuneKey(tonic: 0, mode: .major)
        )
    }

    @Test("without a signature the best of the 24 keys is chosen")
    func noSignature() {
        let gMajor = [
            (67, 0.0, 2.0), (71, 2, 1), (74, 3, 1), (72, 4, 1), (66, 5, 1), (69, 6, 1), (67, 7, 4),
        ]
        .map { TuneMaker.note($0.0, $0.1, $0.2) }
        #expect(TuneKey.estimate(notes: gMajor, signature: nil) == TuneKey(tonic: 7, mode: .major))
    }

    @Test("the minor scale holds the raised seventh; the triad follows the mode")
    func scales() {
        let aMinor = TuneKey(tonic: 9, mode: .minor)
        #expect(aMinor.contains(pitch: 68))  // G#
        #expect(aMinor.contains(pitch: 67))  // G
        #expect(!aMinor.contains(pitch: 61))  // C#
        #expect(aMinor.triadSteps == [0, 3, 7])
    }
}
