import Foundation
import Testing
import TestSupport

@Suite("seqgan train and generate refuse bad settings with one line")
struct SettingsValidationCommandTests {
    @Test("an edited config.json (hidden size -1, batch size -32, sequence length 0, hidden size 10,000,000) is one line naming the file and field, for generate and train --resume", arguments: [
        ("generator", "hiddenSize", -1), ("optimizer", "batchSize", -32), ("generator", "sequenceLength", 0),
        ("generator", "hiddenSize", 10_000_000),
    ])
    func editedConfig(section: String, key: String, value: Int) throws {
        let out = try TestPaths.makeTemporaryDirectory("edited-config").appendingPathComponent("run")
        #expect(try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "1", "--out", out.path]).status == 0)
        let url = out.appendingPathComponent("config.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var inner = object[section] as! [String: Any]
        inner[key] = value
        object[section] = inner
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let checkpoint = try Data(contentsOf: out.appendingPathComponent("checkpoint.safetensors"))
        for arguments in [["generate", out.path, "-n", "2", "-o", out.deletingLastPathComponent().appendingPathComponent("s.txt").path],
                          ["train", "--resume", "--out", out.path, "--epochs", "2"]] {
            let result = try runSeqGAN(arguments)
            #expect(result.status != 0 && result.status < 128, "\(arguments[0]): \(result.status)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments[0]): \(result.standardError)")
            #expect(result.standardError.contains("config.json") && result.standardError.contains("\(section).\(key)"), "\(result.standardError)")
        }
        #expect(try Data(contentsOf: out.appendingPathComponent("checkpoint.safetensors")) == checkpoint)
    }

    @Test("train --resume --epochs 2 after 3 epochs says that nothing is left to do")
    func fewerEpochsThanDone() throws {
        let out = try TestPaths.makeTemporaryDirectory("fewer-epochs").appendingPathComponent("run")
        #expect(try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "3", "--out", out.path]).status == 0)
        let result = try runSeqGAN(["train", "--resume", "--out", out.path, "--epochs", "2"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("nothing is left to do"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
    }
}
