extension TrainRequest {
    /// Checks the ranges and combinations of the options before anything is read or written.
    ///
    /// - Throws: ``TrainRequestError/invalidOption(_:)`` naming the option,
    ///   ``TrainRequestError/missingOut`` for a synthetic run without a folder.
    public func validate() throws(TrainRequestError) {
        func check(_ holds: Bool, _ message: @autoclosure () -> String) throws(TrainRequestError) {
            if !holds { throw .invalidOption(message()) }
        }
        let given = overrides
        try check((given.epochs ?? 0) >= 0 && (given.rounds ?? 0) >= 0, "--epochs and --rounds must not be negative")
        let counts = [
            ("--d-pretrain-steps", given.discriminatorPretrainSteps, 0), ("--d-epochs", given.discriminatorEpochs, 1),
            ("--g-steps", given.generatorSteps, 1), ("--d-steps", given.discriminatorSteps, 0),
            ("--mle-steps", given.mleSteps, 0),
            ("--rollouts", given.rolloutsPerPrefix, 1),
        ]
        for (name, value, minimum) in counts {
            if let value { try check(value >= minimum, "\(name) is too small: \(value)") }
        }
        try check(given.policyGradientLearningRate.map { $0 > 0 } ?? true, "--pg-learning-rate must be positive")
        try check(given.policyTemperature.map { $0.isFinite && $0 > 0 } ?? true, "--policy-temperature must be positive")
        try check(
            (given.evaluateEvery ?? 1) > 0 && (given.evaluationSamples ?? 1) > 0 && trainSize > 0 && (given.batchSize ?? 1) > 0,
            "--eval-every, --eval-samples, --train-size and --batch-size must be positive")
        try check(!(resume && given.setsGeneratorShape), "--resume keeps the run's generator: leave out --embedding-size, --hidden-size, --layers and --dropout")
        try check((music.window ?? 2) >= 2, "--window must be at least 2")
        try check((music.stride ?? 1) >= 1, "--stride must be at least 1")
        try check((text.length ?? 2) >= 2, "--length must be at least 2")
        try check(text.minimumCount >= 1, "--min-count must be at least 1")
        if task == .synthetic, let first = inputs.first { throw .invalidOption("--task synthetic takes no input files (got \(first))") }
        try check(initFrom == nil || !resume, "--init-from starts a new run; --resume continues one: give only one of them")
        if task == .synthetic || task == nil, inputs.isEmpty, out == nil { throw .missingOut }
    }
}
