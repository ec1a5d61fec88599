import Testing
import TestSupport

@Suite("seqgan --help")
struct HelpTests {
    @Test("the root help lists every subcommand")
    func rootHelpListsSubcommands() throws {
        let result = try runSeqGAN(["--help"])
        #expect(result.status == 0)
        for name in ["train", "generate", "oracle", "midi", "export", "play", "bleu"] {
            #expect(result.standardOutput.contains(name), "help should mention \(name)")
        }
    }

    @Test("an unknown subcommand fails with a message")
    func unknownSubcommandFails() throws {
        let result = try runSeqGAN(["no-such-command"])
        #expect(result.status != 0)
        #expect(!result.standardError.isEmpty)
    }

    @Test("an option's values are listed under it with the library's one-line summaries")
    func valuesWithSummaries() throws {
        let result = try runSeqGAN(["train", "--help"])
        #expect(result.status == 0)
        for line in ["pgbleu            - policy gradient with BLEU-3 rewards", "ema               - beta <- rate"] {
            #expect(result.standardOutput.contains(line), "\(result.standardOutput)")
        }
        let export = try runSeqGAN(["export", "--help"])
        #expect(export.standardOutput.contains("pluck             - a plucked string"), "\(export.standardOutput)")
    }
}
