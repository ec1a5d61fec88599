@testable import SeqGAN

/// A small grammar over tokens `0..<V`: token 0 never follows, after token 3 only 4 or 5
/// may follow, and (with `deadEnd`) nothing may follow token 6. Features: the one-hot of
/// the position mod 4 (times `featureScale`). A unit ends after each token 3.
struct ToyGrammarReader: SequenceReader {
    static let featureCount = 4
    var position = 0
    var last = -1
    var deadEnd = false
    var featureScale: Float = 1

    mutating func reset() {
        position = 0
        last = -1
    }

    @discardableResult mutating func read(_ token: Int) -> Bool {
        guard allows(token) else { return false }
        position += 1
        last = token
        return true
    }

    func allows(_ token: Int) -> Bool {
        if deadEnd && last == 6 { return false }
        if token == 0 { return false }
        if last == 3 { return token == 4 || token == 5 }
        return true
    }

    func fillFeatures(_ features: UnsafeMutableBufferPointer<Float>) {
        for i in 0..<features.count { features[i] = i == position % 4 ? featureScale : 0 }
    }

    func fillMask(_ mask: UnsafeMutableBufferPointer<Float>, allowed: Float, forbidden: Float) {
        for token in 0..<mask.count { mask[token] = allows(token) ? allowed : forbidden }
    }

    var isAtBoundary: Bool { last == 3 }

    /// The toy grammar's conditioning.
    static func conditioning(deadEnd: Bool = false, featureScale: Float = 1) -> SequenceConditioning {
        SequenceConditioning(featureCount: featureCount) {
            ToyGrammarReader(deadEnd: deadEnd, featureScale: featureScale)
        }
    }

    /// Whether `row` follows the grammar from its first token.
    static func follows(_ row: some Collection<Int32>, deadEnd: Bool = false) -> Bool {
        var reader = ToyGrammarReader(deadEnd: deadEnd)
        return row.allSatisfy { reader.read(Int($0)) }
    }
}
