import Foundation

extension RunLogRow {
    /// Reads a run's `log.csv` (columns by header name, so older logs with fewer columns read
    /// too).
    ///
    /// - Throws: ``RunError/unreadableConfig(path:reason:)`` naming the file and line.
    public static func read(csv url: URL) throws -> [RunLogRow] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RunError.unreadableConfig(path: url.path, reason: error.localizedDescription)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
            let epochColumn = header.firstIndex(of: "epoch")
        else {
            throw RunError.unreadableConfig(path: url.path, reason: "no log.csv header")
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var rows: [RunLogRow] = []
        for (index, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count, let epoch = Int(cells[epochColumn]) else {
                throw RunError.unreadableConfig(path: "\(url.path):\(index + 2)", reason: "malformed log row")
            }
            func value(_ name: String) -> Double? { column(name).flatMap { Double(cells[$0]) } }
            let phaseName = column("phase").map { cells[$0] } ?? Phase.pretraining.rawValue
            guard let phase = Phase(rawValue: phaseName) else {
                throw RunError.unreadableConfig(
                    path: "\(url.path):\(index + 2)",
                    reason: "unknown phase \"\(phaseName)\"; expected one of: \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var row = RunLogRow(phase: phase, epoch: epoch, seconds: value("seconds") ?? 0)
            row.trainNLL = value("train_nll")
            row.nllOracle = value("nll_oracle")
            row.nllTest = value("nll_test")
            row.bleu = value("bleu")
            row.generatorLoss = value("g_loss")
            row.discriminatorLoss = value("d_loss")
            row.discriminatorAccuracy = value("d_accuracy")
            row.rewardMean = value("reward_mean")
            row.rewardStd = value("reward_std")
            rows.append(row)
        }
        return rows
    }
}
