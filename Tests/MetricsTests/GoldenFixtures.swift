import Foundation
import TestSupport

/// The golden values written by scripts/golden/make_metrics_golden.py (NLTK, SciPy, NumPy).
enum GoldenFixtures {
    struct BLEUCase: Decodable {
        var name: String
        var n: Int
        var smoothing: String
        var references: [[String]]
        var hypotheses: [[String]]
        var scores: [Double]
        var mean: Double
    }

    struct SelfBLEUCase: Decodable {
        var name: String
        var n: Int
        var smoothing: String
        var samples: [[String]]
        var scores: [Double]
        var mean: Double
    }

    struct BLEUFile: Decodable {
        var bleu: [BLEUCase]
        var selfBLEU: [SelfBLEUCase]
    }

    struct WelchCase: Decodable {
        var a: [Double]
        var b: [Double]
        var t: Double
        var pValue: Double
        var degreesOfFreedom: Double
    }

    struct BetaCase: Decodable {
        var a: Double
        var b: Double
        var x: Double
        var value: Double
    }

    struct StudentCase: Decodable {
        var t: Double
        var degreesOfFreedom: Double
        var cdf: Double
    }

    struct MSECase: Decodable {
        var generated: [[Int]]
        var test: [[Int]]
        var perSample: [Double]
        var mean: Double
    }

    struct StatisticsFile: Decodable {
        var welch: [WelchCase]
        var incompleteBeta: [BetaCase]
        var studentCDF: [StudentCase]
        var musicMSE: [MSECase]
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/Metrics/\(name)")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static let bleu: BLEUFile = try! load("bleu_golden.json", as: BLEUFile.self)
    static let statistics: StatisticsFile = try! load(
        "statistics_golden.json", as: StatisticsFile.self)
}

/// Maps string tokens to ids, the first new token getting the next id.
struct TokenInterner {
    private var ids: [String: Int] = [:]

    mutating func ids(_ sequences: [[String]]) -> [[Int]] {
        sequences.map { sequence in
            sequence.map { token in
                if let id = ids[token] { return id }
                ids[token] = ids.count
                return ids.count - 1
            }
        }
    }
}
