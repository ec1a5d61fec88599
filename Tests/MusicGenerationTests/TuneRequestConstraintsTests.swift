import MusicEncoding
import MusicGeneration
import Testing

@Suite("Whole-tune requests from the generate options: key, metre, bars, form")
struct TuneRequestConstraintsTests {
    static func request(
        key: String? = nil, timeSignature: String? = nil, form: String? = nil, barsPerPart: Int = 8, bars: Int? = nil
    ) throws(TuneRequestError) -> TuneRequest {
        try TuneRequest(
            temperature: 1, length: nil, key: key, tempo: nil, timeSignature: timeSignature, program: nil, primer: nil,
            form: form, barsPerPart: barsPerPart, bars: bars)
    }

    @Test(
        "key names: major and minor keys, and modes by their third",
        arguments: [
            ("G", 1, false), ("Em", 1, true), ("F#m", 3, true), ("Bb", -2, false), ("Ddor", -1, true),
            ("D dorian", -1, true), ("Gmix", 1, false), ("Ador", 0, true), ("Eminor", 1, true), ("Cmaj", 0, false),
            ("Bphr", 2, true), ("Flyd", -1, false),
        ])
    func keyNames(name: String, sharps: Int, minor: Bool) {
        #expect(TuneKeyRequest(named: name) == TuneKeyRequest(sharps: sharps, minor: minor))
    }

    @Test("names that are no key", arguments: ["H", "", "EM", "Gx", "G#", "em", "Dbm"])
    func notKeys(name: String) {
        #expect(TuneKeyRequest(named: name) == nil)
    }

    @Test("--key Em --metre 6/8 --bars 16: an E-minor signature, and constraints of 6/8, minor, 16 bars")
    func constraintsFromOptions() throws {
        let request = try Self.request(key: "Em", timeSignature: "6/8", bars: 16)
        #expect(request.key?.sharps == 1 && request.key?.minor == true)
        let constraints = try request.tuneConstraints(tokensPerTune: 512)
        #expect(constraints == TuneConstraints(metre: Metre(6, 8), minor: true, bars: 16))
        #expect(try Self.request().tuneConstraints(tokensPerTune: 512).isEmpty)
        let form = try Self.request(form: "AABB", barsPerPart: 8).tuneConstraints(tokensPerTune: 512)
        #expect(form.sections == [.init(isRepeated: true, bars: 8), .init(isRepeated: true, bars: 8)])
        #expect(form.playedBars == 32)
        // --bars may say the form's played bars again.
        #expect(try Self.request(form: "AABB", barsPerPart: 4, bars: 16).tuneConstraints(tokensPerTune: 512).bars == 16)
    }

    /// The message of the error `body` throws.
    static func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch let error as TuneRequestError {
            return error.description
        } catch {
            return "not a TuneRequestError: \(error)"
        }
    }

    @Test("impossible requests are refused in one line naming the option")
    func impossibleRequests() {
        #expect(Self.message { _ = try Self.request(bars: 0) }.hasPrefix("--bars must be within 1...128"))
        #expect(Self.message { _ = try Self.request(bars: 129) }.hasPrefix("--bars must be within 1...128"))
        #expect(Self.message { _ = try Self.request(key: "H") }.hasPrefix("--key must look like"))
        let metre = Self.message { _ = try Self.request(timeSignature: "7/8").tuneConstraints(tokensPerTune: 512) }
        #expect(metre.hasPrefix("--metre 7/8 has no token") && metre.contains("6/8"), "\(metre)")
        let long = Self.message { _ = try Self.request(bars: 64).tuneConstraints(tokensPerTune: 512) }
        #expect(long.hasPrefix("--bars 64 cannot fit in 512 tokens") && long.contains("at most 32"), "\(long)")
        #expect(Self.message { _ = try Self.request(bars: 32).tuneConstraints(tokensPerTune: 512) } == "")
        let form = Self.message { _ = try Self.request(form: "AABB", barsPerPart: 8, bars: 16).tuneConstraints(tokensPerTune: 512) }
        #expect(form.hasPrefix("--bars 16 disagrees with --form AABB") && form.contains("32 played bars"), "\(form)")
        let formLong = Self.message { _ = try Self.request(form: "ABCD", barsPerPart: 16).tuneConstraints(tokensPerTune: 512) }
        #expect(formLong.hasPrefix("--form ABCD of --bars-per-part 16 (64 written bars) cannot fit"), "\(formLong)")
    }
}
