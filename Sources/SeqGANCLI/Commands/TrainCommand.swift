import ArgumentParser

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Train a model.")
    func run() throws { throw ValidationError("not implemented yet") }
}
