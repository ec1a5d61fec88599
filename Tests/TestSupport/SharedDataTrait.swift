import Foundation
import Testing

extension TestPaths {
    /// The folder the shared data is looked for in: `shared` beside the repository.
    public static var expectedSharedRoot: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// Why a test that reads `relativePath` under the shared data cannot run, or `nil` when the
    /// file or folder is there.
    ///
    /// - Parameters:
    ///   - relativePath: The file or folder the test reads, relative to the shared folder.
    ///   - root: Where the shared folder is expected (``expectedSharedRoot`` by default).
    /// - Returns: A sentence naming what is missing and where it was looked for, e.g.
    ///   `needs ../shared/corpora/nottingham (shared data beside the repository), not found at /x/shared/corpora/nottingham`.
    public static func missingSharedReason(_ relativePath: String, root: URL = expectedSharedRoot)
        -> String?
    {
        let url = root.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) { return nil }
        let what = FileManager.default.fileExists(atPath: root.path) ? url.path : root.path
        return "needs ../shared/\(relativePath) (shared data beside the repository), "
            + "not found at \(what)"
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when every one of `relativePaths` exists under the shared data
    /// (`../shared` beside the repository); otherwise the test is reported as skipped with
    /// ``TestPaths/missingSharedReason(_:root:)`` as its comment, so the output says why.
    public static func requiresShared(_ relativePaths: String..., root: URL = TestPaths.expectedSharedRoot)
        -> Self
    {
        let reason = relativePaths.lazy.compactMap { TestPaths.missingSharedReason($0, root: root) }.first
        return .enabled(if: reason == nil, Comment(rawValue: reason ?? "needs the shared data"))
    }

    /// Runs the test only when the executable at `path` exists; otherwise it is skipped with a
    /// comment naming the program and what it is for.
    public static func requiresProgram(_ path: String, for purpose: String) -> Self {
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: path),
            Comment(rawValue: "needs \(path) (\(purpose)), not installed"))
    }
}
