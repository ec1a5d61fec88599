/// The contents of a run folder's `run.json`: the run's kind and the folder's format,
/// written when the folder is created.
public struct RunRecord: Codable, Sendable, Equatable {
    /// The folder format written by this version.
    public static let currentFormat = 1

    /// What the run trains on.
    public var kind: RunFolder.Kind
    /// The folder format.
    public var format: Int
    /// The task's settings that decide what the tokens mean (music: the tokenizer; text: the
    /// text settings), as canonical JSON, so that a run is not continued with other ones.
    public var taskSettings: String?

    /// A record of `kind` in the current format.
    public init(kind: RunFolder.Kind, format: Int = RunRecord.currentFormat, taskSettings: String? = nil) {
        self.kind = kind
        self.format = format
        self.taskSettings = taskSettings
    }
}
