import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything written to standard output, as UTF-8.
    public var standardOutput: String
    /// Everything written to standard error, as UTF-8.
    public var standardError: String
}

/// Runs `executable` with `arguments` to completion, capturing both output streams.
///
/// - Parameters:
///   - executable: The program to run.
///   - arguments: Its arguments.
///   - environment: Extra environment variables, added to this process's environment.
///   - currentDirectory: The working directory, or `nil` for this process's.
/// - Returns: The exit status and captured output.
/// - Throws: When the program cannot be started.
public func runProcess(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
    currentDirectory: URL? = nil
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent(
        "seqgan-out-\(UUID().uuidString)")
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent(
        "seqgan-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    return ProcessResult(status: process.terminationStatus, standardOutput: out, standardError: err)
}

/// Runs the built `seqgan` tool with `arguments`.
public func runSeqGAN(
    _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil
) throws -> ProcessResult {
    try runProcess(
        TestPaths.seqganBinary, arguments, environment: environment,
        currentDirectory: currentDirectory)
}
