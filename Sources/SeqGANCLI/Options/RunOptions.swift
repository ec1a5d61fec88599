import ArgumentParser
import Foundation

/// The run folder that `seqgan generate` and `seqgan evaluate` work on.
struct RunOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The run folder written by `seqgan train`.", valueName: "run"))
    var path: String

    /// The run folder as a file URL (relative paths stay as typed in messages).
    var url: URL { URL(fileURLWithPath: path) }
}
