import Foundation
import TestSupport
import Testing

@testable import MusicAnalysis

/// The cases of scripts/golden/make_mgeval_golden.py (SciPy's gaussian_kde and quad).
struct DensityGoldenCase: Decodable, CustomTestStringConvertible {
    var name: String
    var rule: String
    var a: [Double]
    var b: [Double]
    var bandwidthA: Double
    var bandwidthB: Double
    var points: [Double]
    var densityA: [Double]
    var densityB: [Double]
    var overlap: Double
    var divergence: Double

    var testDescription: String { name }

    static let all: [DensityGoldenCase] = {
        struct File: Decodable { var cases: [DensityGoldenCase] }
        let url = TestPaths.repositoryRoot.appendingPathComponent(
            "Tests/Fixtures/MusicAnalysis/mgeval_golden.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()
}

@Suite("Kernel densities, overlaps and KL divergences against SciPy")
struct KernelDensityTests {
    @Test(
        "bandwidths, densities, overlap and KL divergence match SciPy's",
        arguments: DensityGoldenCase.all)
    func golden(_ golden: DensityGoldenCase) throws {
        let rule = try #require(KernelDensity.BandwidthRule(rawValue: golden.rule))
        let p = KernelDensity(samples: golden.a, rule: rule)
        let q = KernelDensity(samples: golden.b, rule: rule)
        #expect(abs(p.bandwidth - golden.bandwidthA) < 1e-9 * golden.bandwidthA)
        #expect(abs(q.bandwidth - golden.bandwidthB) < 1e-9 * golden.bandwidthB)
        // Exact sums for small sets; binned sets (over 1,000 samples) within 1e-3 of the peak.
        for (x, (expectedA, expectedB)) in zip(golden.points, zip(golden.densityA, golden.densityB))
        {
            let toleranceA =
                golden.a.count > KernelDensity.binningThreshold
                ? 1e-3 * golden.densityA.max()! : 1e-12
            let toleranceB =
                golden.b.count > KernelDensity.binningThreshold
                ? 1e-3 * golden.densityB.max()! : 1e-12
            #expect(abs(p.density(at: x) - expectedA) <= toleranceA, "p(\(x))")
            #expect(abs(q.density(at: x) - expectedB) <= toleranceB, "q(\(x))")
        }
        #expect(abs(DensityComparison.overlap(p, q) - golden.overlap) < 1e-3)
        #expect(
            abs(try #require(DensityComparison.divergence(p, from: q)) - golden.divergence) < 2e-3)
    }

    @Test("a density integrates to 1")
    func normalised() {
        let density = KernelDensity(samples: [0, 1, 1.5, 4, 4.2, 7])
        let step = 0.001
        let area =
            stride(from: -10.0, through: 20, by: step).reduce(0) { $0 + density.density(at: $1) }
            * step
        #expect(abs(area - 1) < 1e-6)
    }

    @Test(
        "samples without spread are point masses: equal ones overlap fully, different ones not at all"
    )
    func pointMasses() {
        let zeros = KernelDensity(samples: [0, 0, 0])
        #expect(zeros.isPointMass)
        #expect(DensityComparison.overlap(zeros, KernelDensity(samples: [0, 0])) == 1)
        #expect(DensityComparison.overlap(zeros, KernelDensity(samples: [1, 1])) == 0)
        #expect(DensityComparison.overlap(zeros, KernelDensity(samples: [0, 1, 2])) == 0)
        #expect(DensityComparison.divergence(zeros, from: KernelDensity(samples: [0, 1])) == nil)
    }
}
