import ArgumentParser

struct OracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "oracle", abstract: "Synthetic oracle.")
    func run() throws { throw ValidationError("not implemented yet") }
}
