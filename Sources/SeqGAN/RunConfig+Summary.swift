extension RunConfig {
    /// One line on the model and its schedule, as `seqgan train` prints it before training:
    /// `model: generator E 32, H 32; seqgan after 50 MLE epochs, 30 rounds`.
    public var modelSummary: String {
        let features = generator.featureCount > 0 ? " + \(generator.featureCount) features" : ""
        let layers = generator.layers > 1 ? "\(generator.layers) layers of " : ""
        return "model: generator E \(generator.embeddingSize)\(features), \(layers)H \(generator.hiddenSize); \(schedule.mode.rawValue) after \(schedule.epochs) MLE epochs, \(schedule.rounds) rounds"
    }
}
