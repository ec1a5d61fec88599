/// Text-run failures that concern the command line rather than the files, as one line each.
enum TextCommandError: Error, CustomStringConvertible {
    /// `seqgan train --task text` without a text file, and no run to resume.
    case noInput
    /// `seqgan compare --metric bleu` on a run with no per-sample BLEU file yet.
    case noPerSampleBLEU(run: String)

    var description: String {
        switch self {
        case .noInput:
            "give the text file to train on, e.g. `seqgan train poems.txt --task text --tokens char`"
        case .noPerSampleBLEU(let run):
            "\(run): no per-sample BLEU (evaluation/bleu_per_sample.txt); run `seqgan evaluate \(run) --metric bleu` first"
        }
    }
}
