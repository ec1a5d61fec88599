/// A request that cannot become a run; each message is one line in the tool's words.
public enum TrainRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No run folder given for a task that has no default one.
    case missingOut
    /// `--task` names another kind than the run folder holds.
    case taskMismatch(task: String, folder: String, kind: String)
    /// A setting given with `--init-from` differs from the base run's.
    case differsFromBase(option: String, given: String, base: String, path: String)
    /// A music run asked for without inputs.
    case noMusicInputs
    /// The inputs hold no file with a tune extension.
    case noTunes(inputs: [String])
    /// A text run asked for without input files.
    case noTextInput

    public var description: String {
        switch self {
        case .missingOut: "missing --out: the run folder to create"
        case .taskMismatch(let task, let folder, let kind): "--task \(task): \(folder) holds a \(kind) run"
        case .differsFromBase(let option, let given, let base, let path):
            "\(option) \(given) differs from the \(base) of \(path)"
        case .noMusicInputs:
            "give the folder (or files) of MIDI or ABC tunes to train on, e.g. `seqgan train corpora/folk`"
        case .noTunes(let inputs): "no .mid, .midi or .abc files under \(inputs.joined(separator: ", "))"
        case .noTextInput:
            "give the text file to train on, e.g. `seqgan train poems.txt --task text --tokens char`"
        }
    }
}
