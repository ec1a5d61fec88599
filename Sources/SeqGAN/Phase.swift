/// A phase of a run's schedule: MLE pre-training, discriminator pre-training (`seqgan` mode
/// only), then the rounds of the mode's own phase.
///
/// The raw values are the names written to `log.csv` and to a checkpoint's `position`
/// (`pretrain`, `discriminator`, `mle`, `ss`, `pgbleu`, `seqgan`); they never change, so
/// every run folder written so far still reads.
public enum Phase: Hashable, Sendable {
    /// MLE pre-training epochs (`pretrain`).
    case pretraining
    /// Discriminator pre-training steps (`discriminator`).
    case discriminatorPretraining
    /// The rounds (or epochs) of a mode after pre-training, named by the mode.
    case training(RunConfig.Mode)

    /// Every phase, in schedule order.
    public static let allCases: [Phase] =
        [.pretraining, .discriminatorPretraining] + RunConfig.Mode.allCases.map(Phase.training)

    /// Whether the phase trains the generator adversarially or by continued MLE / SS, i.e.
    /// it comes after both pre-training phases.
    public var isAfterPretraining: Bool {
        if case .training = self { return true }
        return false
    }
}

extension Phase {
    /// What one unit of the phase is called: epoch (pre-training, `mle`, `ss`), step
    /// (discriminator pre-training) or round (`pgbleu`, `seqgan`).
    public func unitName(plural: Bool = false) -> String {
        let name: String
        switch self {
        case .pretraining, .training(.mle), .training(.ss): name = "epoch"
        case .discriminatorPretraining: name = "step"
        case .training(.pgbleu), .training(.seqgan): name = "round"
        }
        return plural ? name + "s" : name
    }
}

extension Phase: RawRepresentable {
    /// The phase named `rawValue` in a log or checkpoint, or `nil` for an unknown name.
    public init?(rawValue: String) {
        switch rawValue {
        case "pretrain": self = .pretraining
        case "discriminator": self = .discriminatorPretraining
        default:
            guard let mode = RunConfig.Mode(rawValue: rawValue) else { return nil }
            self = .training(mode)
        }
    }

    /// The name written to `log.csv` and checkpoints.
    public var rawValue: String {
        switch self {
        case .pretraining: "pretrain"
        case .discriminatorPretraining: "discriminator"
        case .training(let mode): mode.rawValue
        }
    }
}

extension Phase: Codable {
    /// Reads the phase's name.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the unknown phase and the known ones.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let phase = Phase(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown phase \"\(name)\"; expected one of: \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = phase
    }

    /// Writes the phase's name.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Phase: CustomStringConvertible {
    /// The phase's name, as in the log (`pretrain 3:`).
    public var description: String { rawValue }
}
