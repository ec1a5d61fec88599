import Foundation
import Testing
import RunFiles
import TestSupport

@Suite("Run folders")
struct RunFolderTests {
    /// A fresh folder, with `files` (empty) in it.
    static func folder(_ label: String, files: [RunFile] = []) throws -> RunFolder {
        let folder = RunFolder(try TestPaths.makeTemporaryDirectory(label))
        for file in files { try folder.write("x", to: file) }
        return folder
    }

    @Test("preparing a folder records its kind in run.json before any other file", arguments: RunFolder.Kind.allCases)
    func kindRecorded(kind: RunFolder.Kind) throws {
        let folder = try Self.folder("kind-\(kind)")
        try folder.prepare(for: kind, resume: false)
        #expect(folder.recordedKind == kind)
        #expect(folder.kind == kind)
        #expect(try folder.decode(RunRecord.self, from: .record) == RunRecord(kind: kind))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["run.json"])
    }

    @Test("folders written before run.json are recognised by their files")
    func legacyFoldersProbed() throws {
        #expect(try Self.folder("old-music", files: [.config, .checkpoint, .tokenizer, .sources]).kind == .music)
        #expect(try Self.folder("old-text", files: [.config, .checkpoint, .textSettings, .vocabulary]).kind == .text)
        #expect(try Self.folder("old-synthetic", files: [.config, .checkpoint]).kind == .synthetic)
        #expect(try Self.folder("old-empty").kind == nil)
        // A music folder without its tokenizer is still music (its sources say so), so the
        // missing file is named instead of the folder being taken for a synthetic run.
        let music = try Self.folder("old-music-no-tokenizer", files: [.config, .checkpoint, .sources])
        #expect(music.kind == .music)
        #expect(throws: RunFolderError.missingFile(path: music.url(of: .tokenizer).path, kind: .music)) {
            try music.checkedKind()
        }
    }

    @Test("a recorded music run whose tokenizer.json is missing is one error naming that file, and nothing is written")
    func missingFileNamed() throws {
        let folder = try Self.folder("missing")
        try folder.prepare(for: .music, resume: false)
        for file in [RunFile.config, .checkpoint, .sources] { try folder.write("x", to: file) }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(throws: RunFolderError.missingFile(path: folder.url(of: .tokenizer).path, kind: .music)) {
            try folder.prepare(for: .music, resume: true)
        }
        #expect(throws: RunFolderError.missingFile(path: folder.url(of: .tokenizer).path, kind: .music)) {
            try folder.checkedKind()
        }
        let message = "\(RunFolderError.missingFile(path: folder.url(of: .tokenizer).path, kind: .music))"
        #expect(message.contains("tokenizer.json") && message.contains("music run"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == before)
    }

    @Test("a folder recorded as one kind is refused as another")
    func wrongKindRefused() throws {
        let folder = try Self.folder("wrong-kind")
        try folder.prepare(for: .music, resume: false)
        #expect(throws: RunFolderError.wrongKind(path: folder.url.path, recorded: .music, expected: .synthetic)) {
            try folder.prepare(for: .synthetic, resume: true)
        }
    }

    @Test("a folder holding a checkpoint is not prepared for a new run without resume")
    func existingRunNotOverwritten() throws {
        let folder = try Self.folder("existing", files: [.config, .checkpoint])
        #expect(throws: RunFolderError.alreadyHoldsRun(path: folder.url.path)) {
            try folder.prepare(for: .synthetic, resume: false)
        }
        #expect(!folder.contains(.record))
    }

    @Test("temporary files of a killed atomic write are removed when a run is prepared, and nothing else")
    func temporaryFilesRemoved() throws {
        let folder = try Self.folder("tmp", files: [.config, .checkpoint, .log])
        let leftovers = [".checkpoint.safetensors.tmp-123-456", ".log.csv.tmp-7-8"]
        for name in leftovers {
            try Data("partial".utf8).write(to: folder.url.appendingPathComponent(name))
        }
        #expect(folder.temporaryFiles().map(\.lastPathComponent) == leftovers.sorted())
        try folder.prepare(for: .synthetic, resume: true)
        #expect(folder.temporaryFiles().isEmpty)
        #expect(folder.contains(.checkpoint) && folder.contains(.log) && folder.contains(.config))
    }

    @Test("a continued run with other task settings is refused, naming the settings file and the field")
    func changedSettingsRefused() throws {
        struct Settings: Codable { var scheme: String; var window: Int }
        let folder = try Self.folder("settings")
        try folder.prepare(for: .music, resume: false, settings: .init(Settings(scheme: "grid", window: 64), file: .tokenizer))
        for file in [RunFile.config, .checkpoint, .sources, .tokenizer] { try folder.write("x", to: file) }
        try folder.prepare(for: .music, resume: true, settings: .init(Settings(scheme: "grid", window: 64), file: .tokenizer))
        #expect {
            try folder.prepare(for: .music, resume: true, settings: .init(Settings(scheme: "paper", window: 64), file: .tokenizer))
        } throws: { error in
            let text = "\(error)"
            return text.contains("tokenizer.json") && text.contains("scheme paper (was grid)") && !text.contains("window")
        }
    }

    @Test("a second holder of a folder's lock is refused with one line naming the holder")
    func lockIsExclusive() throws {
        let folder = try Self.folder("lock")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else {
            print("skipped: /usr/bin/flock (util-linux) is not installed")
            return
        }
        // The child holds the lock until its standard input is closed.
        let input = Pipe()
        holder.standardInput = input
        holder.arguments = [folder.url(of: .lock).path, "cat"]
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // Wait until the child holds the lock (`flock -n -E 99` exits 99 while it is held).
        var held = false
        for _ in 0..<200 where !held {
            held = try runProcess(URL(fileURLWithPath: "/usr/bin/flock"), ["-n", "-E", "99", folder.url(of: .lock).path, "true"]).status == 99
            if !held { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(held)
        try Data("4242\n".utf8).write(to: folder.url(of: .lock))
        #expect {
            _ = try folder.lock()
        } throws: { error in
            let text = "\(error)"
            return error as? RunFolderError == .locked(path: folder.url.path, holder: "process 4242")
                && text.contains("process 4242") && !text.contains("\n")
        }
    }

    @Test("the lock is shared within a process and released with its last handle")
    func lockIsSharedInProcess() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else {
            print("skipped: /usr/bin/flock (util-linux) is not installed")
            return
        }
        let folder = try Self.folder("lock-shared")
        var first: RunFolderLock? = try folder.lock()
        var second: RunFolderLock? = try folder.lock()
        let flock = URL(fileURLWithPath: "/usr/bin/flock")
        let path = folder.url(of: .lock).path
        #expect(first != nil && second != nil)
        first = nil
        #expect(try runProcess(flock, ["-n", "-E", "99", path, "true"]).status == 99)
        second = nil
        #expect(try runProcess(flock, ["-n", "-E", "99", path, "true"]).status == 0)
    }
}
