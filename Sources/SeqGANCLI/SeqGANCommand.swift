import ArgumentParser
import Foundation
import SeqGAN
import TensorCore

/// The `seqgan` tool: train sequence GANs on MIDI folders or text, generate, hear, export.
@main
struct SeqGANCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seqgan",
        abstract: "Train SeqGAN models on MIDI tunes or text, generate new sequences, hear and export them.",
        discussion: """
            Typical use:
              seqgan train corpora/folk --out runs/folk
              seqgan generate runs/folk -n 8 -o tunes --wav
              seqgan play runs/folk
              seqgan train --task synthetic --oracle seqgan-oracle.safetensors --out runs/oracle
              seqgan midi inspect tune.mid
              seqgan export tune.mid -o tune.wav
            """,
        subcommands: [
            TrainCommand.self,
            GenerateCommand.self,
            EvaluateCommand.self,
            OracleCommand.self,
            MIDICommand.self,
            ExportCommand.self,
            PlayCommand.self,
            BLEUCommand.self,
            ReportCommand.self,
            CompareCommand.self,
            DiscriminateCommand.self,
        ])

    /// Parses and runs a subcommand, with BLAS on one thread. Every failure ends here: the
    /// libraries' typed errors and usage errors as one line on standard error and a non-zero
    /// exit status; Foundation's file errors are put in the tool's words first.
    static func main() {
        // Runs are reproducible and BLAS does not fight the models' own threads.
        BLAS.threadCount = 1
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: FileSystemFailure(error) ?? error)
        }
    }
}

/// Writes a line to standard error (warnings and notes, which must not mix with results).
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
