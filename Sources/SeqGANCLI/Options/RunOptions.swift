import ArgumentParser

/// The run folder that `seqgan generate` and `seqgan evaluate` work on.
struct RunOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The run folder written by `seqgan train`.", valueName: "run"))
    var path: String
}
