/// A file of a run folder, named by its role; the raw value is its name in the folder.
public enum RunFile: String, CaseIterable, Sendable {
    /// The record of the run's kind and folder format (``RunRecord``).
    case record = "run.json"
    /// The run's settings.
    case config = "config.json"
    /// Everything needed to continue the run (safetensors), written after every unit.
    case checkpoint = "checkpoint.safetensors"
    /// One line per epoch, step or round, with the metrics measured.
    case log = "log.csv"
    /// The training sequences, one per line of token ids.
    case trainingData = "train.txt"
    /// The lock held by the process training in the folder.
    case lock = ".lock"
    /// Music: the tokenizer settings that decode the run's samples.
    case tokenizer = "tokenizer.json"
    /// Music: the inputs and split seed, to rebuild the same corpus.
    case sources = "sources.json"
    /// Music: every file or tune left out, with its reason.
    case skipped = "skipped.txt"
    /// Text: the text settings (tokens, length, inputs, split).
    case textSettings = "text.json"
    /// Text: the vocabulary built from the training split.
    case vocabulary = "vocabulary.json"
    /// Synthetic: NLL-oracle of each sample of the last evaluation.
    case nllOraclePerSample = "nll_oracle_per_sample.txt"
    /// Corpus runs: BLEU of each sample of the last evaluation.
    case bleuPerSample = "bleu_per_sample.txt"
    /// The folder of evaluation results written by `seqgan evaluate`.
    case evaluation = "evaluation"
}
