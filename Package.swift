// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Vector code (softmax, sampling, activations) is compiled for AVX-512 (F, BW, DQ, VL) or else
/// AVX2 + FMA when the machine that builds has them (like `-march=native`: the tool is built
/// where it runs). Set `SEQGAN_PORTABLE=1` to build a binary for any x86-64.
let vectorSettings: [SwiftSetting] = {
    #if os(Linux) && arch(x86_64)
        guard ProcessInfo.processInfo.environment["SEQGAN_PORTABLE"] == nil,
            let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = cpu.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        let names = Set(flags.split(separator: " ").map(String.init))
        let targets: [(cpu: String, features: Set<String>)] = [
            ("skylake-avx512", ["avx512f", "avx512bw", "avx512dq", "avx512vl"]),
            ("haswell", ["avx2", "fma"]),
        ]
        guard let target = targets.first(where: { names.isSuperset(of: $0.features) }) else { return [] }
        return [.unsafeFlags(["-target-cpu", target.cpu])]
    #else
        return []
    #endif
}()

/// SeqGAN-Swift: sequence GANs (Yu et al., AAAI-17) for music and text, natively in Swift.
///
/// Module graph (dependencies point one way):
///   Randomness (seeded SplitMix64, used everywhere)
///   RunFiles (run folders: file names, atomic writes, the run's kind, the folder's lock)
///   COpenBLAS <- TensorCore <- NeuralNetwork <- SeqGAN   (NeuralNetwork and up on RunFiles)
///   Metrics, TextEncoding               (token-level, no neural code)
///   MIDI <- MusicEncoding               (standard library only)
///   MIDI, MusicEncoding, Metrics <- MusicAnalysis (tune-level statistics, MGEval, contrasts)
///   MIDI, CSndFile, CALSA <- Audio      (rendering, files, playback)
///   MIDI <- Reports                     (charts, piano rolls, HTML pages)
///   SeqGAN, MusicEncoding, MusicAnalysis, Audio <- MusicGeneration (music runs: train on tunes, generate tunes)
///   SeqGAN, TextEncoding, Metrics <- TextGeneration (text runs: lines of text, masked ends)
///   SeqGAN <- SyntheticGeneration       (the paper's synthetic task: oracles, NLL-oracle)
///   Reports, MusicGeneration, MusicAnalysis <- RunReports (training curves, a music run's HTML report)
///   SeqGAN, MusicGeneration, TextGeneration, SyntheticGeneration, Audio <- Training (what `seqgan train` does, and shows)
///   SeqGAN, MusicGeneration, TextGeneration, SyntheticGeneration <- TrainedRuns (generate, evaluate a run of any kind)
///   everything <- SeqGANCLI (the `seqgan` tool, which only wires them)
let package = Package(
    name: "SeqGAN",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "seqgan", targets: ["SeqGANCLI"]),
        .executable(name: "seqgan-bench", targets: ["SeqGANBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries from Debian.
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(
            name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),

        // Seeded random numbers, shared by every module that makes random choices.
        .target(name: "Randomness"),

        // Run folders: their files, atomic writes, the run's kind and the folder's lock.
        .target(name: "RunFiles"),

        // Neural core: knows nothing of music or text.
        .target(
            name: "TensorCore", dependencies: ["COpenBLAS", "Randomness"],
            swiftSettings: vectorSettings),
        .target(
            name: "NeuralNetwork", dependencies: ["TensorCore", "RunFiles"], swiftSettings: vectorSettings),
        .target(
            name: "SeqGAN", dependencies: ["NeuralNetwork", "TensorCore", "Metrics", "RunFiles"],
            swiftSettings: vectorSettings),

        // Token-level evaluation and text corpora; charts for reports.
        .target(name: "Metrics"),
        .target(name: "Reports", dependencies: ["MIDI"]),
        .target(name: "TextEncoding"),

        // Music: knows nothing of neural nets.
        .target(name: "MIDI"),
        .target(name: "MusicEncoding", dependencies: ["MIDI", "Randomness"]),
        .target(name: "Audio", dependencies: ["MIDI", "CSndFile", "CALSA", "Randomness"]),

        // Whole tunes measured against real tunes: form, ending, rhythm, pitch; MGEval.
        .target(name: "MusicAnalysis", dependencies: ["MIDI", "MusicEncoding", "Metrics", "Randomness"]),

        // Music runs: corpora of tunes trained by SeqGAN, trained models decoded to tunes.
        .target(name: "MusicGeneration", dependencies: ["SeqGAN", "NeuralNetwork", "TensorCore", "Metrics", "MusicEncoding", "MIDI", "Audio", "MusicAnalysis", "RunFiles"]),

        // Text runs: lines of text trained by SeqGAN with end-token masking, decoded back to text.
        .target(name: "TextGeneration", dependencies: ["SeqGAN", "TextEncoding", "Metrics", "NeuralNetwork", "TensorCore", "RunFiles"]),

        // The paper's synthetic task: an oracle LSTM's samples as data, NLL-oracle as the measure.
        .target(name: "SyntheticGeneration", dependencies: ["SeqGAN", "NeuralNetwork", "TensorCore", "RunFiles"]),

        // What `seqgan train` does: a request of typed options becomes a run of its task.
        .target(
            name: "Training",
            dependencies: ["SeqGAN", "MusicGeneration", "TextGeneration", "SyntheticGeneration", "MusicEncoding", "TextEncoding", "RunFiles", "Audio"]),

        // What is done with a trained run of any kind: `seqgan generate` and `seqgan evaluate`.
        .target(
            name: "TrainedRuns",
            dependencies: ["SeqGAN", "MusicGeneration", "TextGeneration", "SyntheticGeneration", "Audio"]),

        // Reports of run folders: training curves of any run, the HTML page of a music run.
        .target(
            name: "RunReports",
            dependencies: [
                "Reports", "SeqGAN", "MusicGeneration", "MusicEncoding", "MusicAnalysis", "MIDI", "Audio", "NeuralNetwork",
                "RunFiles",
            ]),

        // The command-line tool.
        .executableTarget(
            name: "SeqGANCLI",
            dependencies: [
                "TensorCore", "NeuralNetwork", "SeqGAN", "Metrics", "TextEncoding", "MIDI",
                "MusicEncoding", "Audio", "Reports", "RunReports", "MusicGeneration", "TextGeneration", "MusicAnalysis",
                "SyntheticGeneration", "RunFiles", "Training", "TrainedRuns",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Throughput benchmarks (a plain executable; run with `make bench`).
        .executableTarget(
            name: "SeqGANBenchmarks",
            dependencies: ["TensorCore", "NeuralNetwork", "SeqGAN", "SyntheticGeneration", "Metrics", "MIDI",
                           "MusicEncoding", "MusicGeneration", "Audio"],
            path: "Benchmarks/SeqGANBenchmarks"),

        // Tests: one target per module, plus end-to-end tests of the binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport"]),
        .testTarget(name: "RunFilesTests", dependencies: ["RunFiles", "TestSupport"]),
        .testTarget(
            name: "NeuralNetworkTests", dependencies: ["NeuralNetwork", "TensorCore", "TestSupport"]),
        .testTarget(
            name: "SeqGANTests",
            dependencies: ["SeqGAN", "SyntheticGeneration", "NeuralNetwork", "TensorCore", "Metrics", "RunFiles", "TestSupport"]),
        .testTarget(
            name: "SyntheticGenerationTests",
            dependencies: ["SyntheticGeneration", "SeqGAN", "NeuralNetwork", "TensorCore", "RunFiles", "TestSupport"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Randomness", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "MIDI", "TestSupport"]),
        .testTarget(
            name: "RunReportsTests",
            dependencies: ["RunReports", "Reports", "SeqGAN", "MusicGeneration", "MusicEncoding", "MusicAnalysis", "MIDI", "TestSupport"]),
        .testTarget(name: "TextEncodingTests", dependencies: ["TextEncoding", "TestSupport"]),
        .testTarget(name: "MIDITests", dependencies: ["MIDI", "Randomness", "TestSupport"]),
        .testTarget(
            name: "MusicEncodingTests", dependencies: ["MusicEncoding", "MIDI", "Randomness", "TestSupport"]),
        .testTarget(
            name: "MusicAnalysisTests", dependencies: ["MusicAnalysis", "MusicEncoding", "MIDI", "Randomness", "TestSupport"]),
        .testTarget(name: "AudioTests", dependencies: ["Audio", "MIDI", "TestSupport"]),
        .testTarget(
            name: "MusicGenerationTests",
            dependencies: ["MusicGeneration", "MusicEncoding", "MIDI", "SeqGAN", "RunFiles", "Randomness", "TestSupport"]),
        .testTarget(
            name: "TextGenerationTests",
            dependencies: ["TextGeneration", "TextEncoding", "SeqGAN", "TensorCore", "RunFiles", "TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "SeqGAN", "SyntheticGeneration", "RunFiles", "TestSupport"]),
        .testTarget(
            name: "TrainedRunsTests", dependencies: ["TrainedRuns", "Training", "SeqGAN", "TestSupport"]),
        .testTarget(name: "SeqGANCLITests", dependencies: ["MIDI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
