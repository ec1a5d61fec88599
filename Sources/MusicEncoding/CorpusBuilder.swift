import Foundation
import MIDI
import Randomness

/// Builds a ``MusicCorpus`` from files and folders of MIDI (and `.abc`) tunes.
public enum CorpusBuilder {
    /// Why a corpus could not be built at all.
    public struct BuildError: Error, Sendable, CustomStringConvertible, LocalizedError {
        /// What went wrong.
        public var message: String
        public var description: String { message }
        public var errorDescription: String? { message }
    }

    /// The file extensions read as MIDI.
    public static let midiExtensions: Set<String> = ["mid", "midi", "smf", "kar"]

    /// A file found under an input, with the name it is known by.
    public struct InputFile: Sendable, Hashable {
        /// Where it is.
        public var url: URL
        /// Path relative to the input folder (or the file name for a file given directly).
        public var name: String
    }

    /// Lists MIDI and ABC files: files given directly are kept whatever their extension;
    /// folders are searched recursively for `.mid`, `.midi`, `.smf`, `.kar` and `.abc`,
    /// sorted by relative path.
    ///
    /// - Throws: ``BuildError`` when an input does not exist.
    public static func inputFiles(_ inputs: [URL]) throws(BuildError) -> [InputFile] {
        var files: [InputFile] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                throw BuildError(message: "\(input.path): no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(InputFile(url: input, name: input.lastPathComponent))
                continue
            }
            // The folder's real path is searched, so a folder given as a symbolic link is
            // searched too; files keep the path the user gave.
            let root = input.standardizedFileURL.resolvingSymlinksInPath()
            let depth = root.pathComponents.count
            var found: [InputFile] = []
            if let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            {
                for case let url as URL in enumerator {
                    let ext = url.pathExtension.lowercased()
                    guard midiExtensions.contains(ext) || ext == "abc" else { continue }
                    // Named by where it sits in the folder, even when it links to a file elsewhere.
                    let relative = url.standardizedFileURL.pathComponents.dropFirst(depth).joined(separator: "/")
                    found.append(InputFile(url: input.appendingPathComponent(relative), name: relative))
                }
            }
            files.append(contentsOf: found.sorted { $0.name < $1.name })
        }
        return files
    }

    /// Reads, tokenizes and splits every tune under `inputs`.
    ///
    /// Unreadable files and tunes without a melody are skipped with their reason; nothing
    /// stops the build except a missing input or unreadable split lists.
    ///
    /// - Parameters:
    ///   - inputs: Files and folders.
    ///   - settings: The tokenizer settings.
    ///   - split: How tunes are assigned to splits.
    ///   - readOptions: MIDI reader strictness.
    public static func build(
        inputs: [URL], settings: TokenizerSettings, split: CorpusSplitPolicy,
        readOptions: MIDIReadOptions = MIDIReadOptions()
    ) throws(BuildError) -> MusicCorpus {
        let tokenizer = MusicTokenizer(settings: settings)
        var corpus = MusicCorpus(settings: settings)
        var tunes: [MusicCorpus.Tune] = []
        for file in try inputFiles(inputs) {
            corpus.filesRead += 1
            if file.url.pathExtension.lowercased() == "abc" {
                let text: String
                do {
                    text = try String(contentsOf: file.url, encoding: .utf8)
                } catch {
                    corpus.skipped.append(.init(path: file.name, reason: "cannot read: \(error.localizedDescription)"))
                    continue
                }
                for result in ABCTuneBook.parse(text, fileName: file.name) {
                    switch result {
                    case .success(let tune) where settings.scheme == .tune:
                        add(tune.form, name: "\(file.name)#\(tune.reference)", tokenizer, &tunes, &corpus)
                    case .success(let tune):
                        add(tune.midiFile(), name: "\(file.name)#\(tune.reference)", tokenizer, &tunes, &corpus)
                    case .failure(let error):
                        corpus.skipped.append(.init(path: file.name, reason: error.description))
                    }
                }
                continue
            }
            do {
                let midi = try MIDIFile.read(contentsOf: file.url, options: readOptions)
                corpus.warningCount += midi.warnings.count
                let skippedBefore = corpus.skipped.count
                add(midi, name: file.name, tokenizer, &tunes, &corpus)
                if corpus.skipped.count == skippedBefore, let repair = truncationRepair(in: midi) {
                    corpus.repaired.append(.init(path: file.name, repair: repair))
                }
            } catch {
                corpus.skipped.append(.init(path: file.name, reason: "\(error.problem) (byte \(error.offset)\(error.track.map { ", track \($0)" } ?? ""))"))
            }
        }
        try assign(tunes, split: split, to: &corpus)
        return corpus
    }

    /// Whether a reader problem is a truncation: a chunk or event cut short, or a track
    /// without its end.
    static func isTruncation(_ problem: MIDIProblem) -> Bool {
        switch problem {
        case .truncated, .chunkOverrun, .eventOverrun, .missingEndOfTrack: true
        default: false
        }
    }

    /// `truncated: <first truncation> (byte B, track T)`, plus the count of further repairs,
    /// for a file whose reading repaired a truncation; `nil` otherwise.
    static func truncationRepair(in midi: MIDIFile) -> String? {
        guard let first = midi.warnings.first(where: { isTruncation($0.problem) }) else { return nil }
        let place = "byte \(first.offset)" + (first.track.map { ", track \($0)" } ?? "")
        let others = midi.warnings.count - 1
        return "truncated, repaired: \(first.problem) (\(place))"
            + (others > 0 ? "; \(others) further irregularit\(others == 1 ? "y" : "ies") repaired" : "")
    }

    private static func add(
        _ midi: MIDIFile, name: String, _ tokenizer: MusicTokenizer, _ tunes: inout [MusicCorpus.Tune],
        _ corpus: inout MusicCorpus
    ) {
        do {
            let encoded = try tokenizer.tokens(for: midi)
            guard !encoded.tokens.isEmpty else {
                corpus.skipped.append(.init(path: name, reason: "no melody notes"))
                return
            }
            tunes.append(MusicCorpus.Tune(name: name, encoded: encoded, windows: tokenizer.windows(of: encoded.tokens)))
        } catch {
            corpus.skipped.append(.init(path: name, reason: error.description))
        }
    }

    /// Adds an ABC tune through its written form (tune scheme).
    private static func add(
        _ form: FormedTune, name: String, _ tokenizer: MusicTokenizer, _ tunes: inout [MusicCorpus.Tune],
        _ corpus: inout MusicCorpus
    ) {
        do {
            let encoded = try tokenizer.tokens(for: form)
            tunes.append(MusicCorpus.Tune(name: name, encoded: encoded, windows: tokenizer.windows(of: encoded.tokens)))
        } catch {
            corpus.skipped.append(.init(path: name, reason: error.description))
        }
    }

    private static func assign(_ tunes: [MusicCorpus.Tune], split: CorpusSplitPolicy, to corpus: inout MusicCorpus)
        throws(BuildError)
    {
        switch split {
        case .allTrain:
            corpus.train = tunes
        case .seeded(let seed, let validationFraction, let testFraction):
            var order = tunes.sorted { $0.name < $1.name }
            var generator = SplitMix64(seed: seed)
            generator.shuffle(&order)
            let count = order.count
            var testCount = Int((Double(count) * testFraction).rounded())
            var validationCount = Int((Double(count) * validationFraction).rounded())
            if count >= 3 {
                testCount = max(testCount, testFraction > 0 ? 1 : 0)
                validationCount = max(validationCount, validationFraction > 0 ? 1 : 0)
            }
            testCount = min(testCount, count)
            validationCount = min(validationCount, count - testCount)
            let byName: (MusicCorpus.Tune, MusicCorpus.Tune) -> Bool = { $0.name < $1.name }
            corpus.test = Array(order[0..<testCount]).sorted(by: byName)
            corpus.validation = Array(order[testCount..<testCount + validationCount]).sorted(by: byName)
            corpus.train = Array(order[(testCount + validationCount)...]).sorted(by: byName)
        case .lists(let folder):
            var membership: [String: MusicCorpus.Split] = [:]
            for (file, split) in [("train.txt", MusicCorpus.Split.train), ("valid.txt", .validation), ("test.txt", .test)] {
                let url = folder.appendingPathComponent(file)
                let text: String
                do {
                    text = try String(contentsOf: url, encoding: .utf8)
                } catch {
                    throw BuildError(message: "\(url.path): cannot read split list: \(error.localizedDescription)")
                }
                for line in text.split(whereSeparator: \.isNewline) {
                    let entry = line.trimmingCharacters(in: .whitespaces)
                    if !entry.isEmpty { membership[(entry as NSString).lastPathComponent] = split }
                }
            }
            for tune in tunes {
                switch membership[(tune.name as NSString).lastPathComponent] {
                case .train: corpus.train.append(tune)
                case .validation: corpus.validation.append(tune)
                case .test: corpus.test.append(tune)
                case nil: corpus.skipped.append(.init(path: tune.name, reason: "not in the split lists"))
                }
            }
        }
    }
}
