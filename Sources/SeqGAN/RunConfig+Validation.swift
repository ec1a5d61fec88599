import Foundation

extension RunConfig {
    /// The largest model sizes accepted (far above anything the paper or this project
    /// trains, far below what would exhaust memory by itself).
    public enum Limits {
        /// Largest `V`.
        public static let vocabularySize = 1_000_000
        /// Largest `E` and `H`.
        public static let width = 16_384
        /// Most stacked LSTM layers.
        public static let layers = 64
        /// Largest `T`.
        public static let sequenceLength = 100_000
        /// Largest batch, and most samples per evaluation or training set.
        public static let count = 100_000_000
        /// Most epochs, rounds or steps of any phase.
        public static let units = 10_000_000
    }

    /// Checks every setting against its range and the memory the settings imply, before
    /// anything is allocated.
    ///
    /// - Throws: ``RunError/invalidConfig(_:)`` naming the first field out of range (as
    ///   `generator.hiddenSize`), or the estimated memory when it exceeds this machine's.
    public func validate() throws {
        func check<T: Comparable>(_ field: String, _ value: T, _ range: ClosedRange<T>) throws {
            guard range.contains(value) else {
                throw RunError.invalidConfig("\(field) must be in \(range.lowerBound)...\(range.upperBound), not \(value)")
            }
        }
        func check(_ field: String, _ value: Float, above minimum: Float) throws {
            guard value.isFinite, value > minimum else {
                throw RunError.invalidConfig("\(field) must be a finite number above \(minimum), not \(value)")
            }
        }
        try check("generator.vocabularySize", generator.vocabularySize, 2...Limits.vocabularySize)
        try check("generator.embeddingSize", generator.embeddingSize, 1...Limits.width)
        try check("generator.hiddenSize", generator.hiddenSize, 1...Limits.width)
        try check("generator.layers", generator.layers, 1...Limits.layers)
        try check("generator.featureCount", generator.featureCount, 0...Limits.width)
        guard generator.dropout >= 0 && generator.dropout < 1 else {
            throw RunError.invalidConfig("generator.dropout must be in [0, 1), not \(generator.dropout)")
        }
        try check("generator.sequenceLength", generator.sequenceLength, 1...Limits.sequenceLength)
        try check("generator.startToken", generator.startToken, 0...(generator.vocabularySize - 1))
        let deviation = generator.initialStandardDeviation
        guard deviation.isFinite, deviation >= 0 else {
            throw RunError.invalidConfig("generator.initialStandardDeviation must be finite and not negative, not \(deviation)")
        }
        if let end = generator.sequenceEnd {
            try check("generator.sequenceEnd.endToken", end.endToken, 0...(generator.vocabularySize - 1))
            try check("generator.sequenceEnd.paddingToken", end.paddingToken, 0...(generator.vocabularySize - 1))
        }
        try check("optimizer.batchSize", optimizer.batchSize, 1...Limits.count)
        try check("optimizer.learningRate", optimizer.learningRate, above: 0)
        try check("optimizer.gradientClip", optimizer.gradientClip, above: 0)
        if let rate = optimizer.policyGradientLearningRate {
            try check("optimizer.policyGradientLearningRate", rate, above: 0)
        }
        try check("schedule.epochs", schedule.epochs, 0...Limits.units)
        try check("schedule.rounds", schedule.rounds, 0...Limits.units)
        try check("schedule.discriminatorPretrainSteps", schedule.discriminatorPretrainSteps, 0...Limits.units)
        try check("schedule.discriminatorEpochs", schedule.discriminatorEpochs, 1...Limits.units)
        try check("schedule.generatorSteps", schedule.generatorSteps, 1...Limits.units)
        try check("schedule.discriminatorSteps", schedule.discriminatorSteps, 0...Limits.units)
        try check("schedule.mleSteps", schedule.mleSteps, 0...Limits.units)
        try check("rewards.rolloutsPerPrefix", rewards.rolloutsPerPrefix, 1...Limits.count)
        try check("rewards.rolloutRate", rewards.rolloutRate, 0...1)
        try check("rewards.temperature", rewards.temperature, above: 0)
        try check("schedule.scheduledSamplingDecay", schedule.scheduledSamplingDecay, 0...1)
        try check("oracle.trainingSequences", oracle.trainingSequences, 1...Limits.count)
        if let negatives = schedule.discriminatorNegatives {
            try check("schedule.discriminatorNegatives", negatives, 1...Limits.count)
        }
        try check("evaluation.samples", evaluation.samples, 1...Limits.count)
        try check("evaluation.discriminatorSamples", evaluation.discriminatorSamples, 1...Limits.count)
        try check("evaluation.every", evaluation.every, 1...Limits.units)
        try check("evaluation.bleuOrder", evaluation.bleuOrder, 1...16)
        if schedule.mode == .seqgan {
            try check("discriminator.embeddingSize", discriminator.embeddingSize, 1...Limits.width)
            try check("discriminator.batchSize", discriminator.batchSize, 1...Limits.count)
            for (index, bank) in discriminator.filterBanks.enumerated() {
                try check("discriminator.filterBanks[\(index)].count", bank.count, 1...Limits.width)
            }
            _ = try discriminatorForGenerator()
        }
        let bytes = estimatedMemory
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        guard bytes <= available else {
            throw RunError.invalidConfig(
                String(format: "these sizes need about %@ of memory, more than this machine's %@ (V %d, E %d, H %d, T %d, batch %d)",
                       RunConfig.describe(bytes: bytes), RunConfig.describe(bytes: available),
                       generator.vocabularySize, generator.embeddingSize, generator.hiddenSize,
                       generator.sequenceLength, optimizer.batchSize))
        }
    }

    /// A lower bound of the bytes a run with these settings holds: the generator's
    /// parameters with their gradients, two Adam optimisers' moments and the roll-out copy;
    /// the activations of one batch (gates, states and logits of every step); and, in
    /// `seqgan` mode, the discriminator with its optimiser and projection tables.
    public var estimatedMemory: Double {
        let v = Double(generator.vocabularySize), e = Double(generator.embeddingSize)
        let f = Double(generator.featureCount)
        let h = Double(generator.hiddenSize), t = Double(generator.sequenceLength)
        let b = Double(optimizer.batchSize)
        let layers = Double(generator.layers)
        let parameters = v * e + (e + f + h) * 4 * h + (layers - 1) * (2 * h) * 4 * h + layers * 4 * h + h * v + v
        var floats = parameters * 7 + b * t * (layers * 6 * h + e + f + v)
        if schedule.mode == .seqgan {
            let banks = discriminator.filterBanks
            let de = Double(discriminator.embeddingSize)
            let windowFilters = banks.reduce(0.0) { $0 + Double($1.window * $1.count) }
            let features = banks.reduce(0.0) { $0 + Double($1.count) }
            let discriminatorParameters = v * de + windowFilters * de + 2 * features * features + features * 2
            floats += discriminatorParameters * 4 + Double(discriminator.batchSize) * t * (de + features)
            if discriminator.projectionTables { floats += v * windowFilters }
        }
        return floats * 4
    }

    static func describe(bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return String(format: unit == 0 ? "%.0f %@" : "%.1f %@", value, units[unit])
    }
}
