import Foundation

/// Locations the tests need: the repository, `../shared` beside it, scratch folders and the
/// built `seqgan` binary.
public enum TestPaths {
    /// The repository root, found from this source file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `../shared` beside the repository (corpora, oracle), or `nil` when it is absent.
    public static var shared: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A file under `../shared`, or `nil` when `../shared` or the file is absent.
    public static func shared(_ relativePath: String) -> URL? {
        guard let url = shared?.appendingPathComponent(relativePath),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }

    /// A fresh, empty scratch folder in this test process's folder under the system's
    /// temporary directory (``scratchRoot``, removed when the process exits).
    public static func makeTemporaryDirectory(_ label: String = "test") throws -> URL {
        let url = scratchRoot.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `seqgan-tests-PID` under the system's temporary directory: every scratch folder of
    /// this process, removed with them when the process exits.
    static let scratchRoot: URL = {
        let url = URL(fileURLWithPath: scratchRootPath)
        try? FileManager.default.removeItem(at: url)
        atexit { try? FileManager.default.removeItem(atPath: TestPaths.scratchRootPath) }
        return url
    }()

    private static let scratchRootPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("seqgan-tests-\(ProcessInfo.processInfo.processIdentifier)").path

    /// The folder holding the build products of the running test bundle
    /// (`.build/debug` or `.build/release`), where `swift test` also builds `seqgan`.
    public static var productsDirectory: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // On Linux the runner is `<products>/SeqGANPackageTests.xctest`; step out of a bundle.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
            || directory.lastPathComponent == "Contents"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }

    /// The built `seqgan` executable.
    public static var seqganBinary: URL { productsDirectory.appendingPathComponent("seqgan") }
}
