extension RunConfig {
    /// One line on the model and its schedule, as `seqgan train` prints it before training:
    /// `model: generator E 32, H 32; seqgan after 50 MLE epochs, 30 rounds`.
    public var modelSummary: String {
        "model: generator E \(generator.embeddingSize), H \(generator.hiddenSize); \(schedule.mode.rawValue) after \(schedule.epochs) MLE epochs, \(schedule.rounds) rounds"
    }
}
