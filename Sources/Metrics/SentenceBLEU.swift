import Foundation

/// NLTK's `sentence_bleu` from already clipped counts, with uniform weights.
///
/// Mirrors `nltk.translate.bleu_score.corpus_bleu` for one hypothesis: the score is 0 when no
/// unigram matches (also for an empty hypothesis); otherwise precision p_k =
/// matches_k / max(1, h - k + 1), smoothed as `smoothing` says when matches_k is 0, and the
/// score is `BP * exp(sum_k log(p_k) / n)` with `BP = 1` when h > r, else `exp(1 - r / h)`.
///
/// - Parameters:
///   - matches: The clipped match counts of orders 1...n (`matches[k - 1]` for order k).
///   - hypothesisLength: The number of hypothesis tokens h.
///   - closestReferenceLength: NLTK's closest reference length r.
///   - smoothing: What a zero count becomes.
/// - Returns: The sentence BLEU score in [0, 1].
func sentenceBLEU(
    matches: UnsafeBufferPointer<Int>, hypothesisLength: Int, closestReferenceLength: Int,
    smoothing: BLEUSmoothing
) -> Double {
    guard matches[0] > 0 else { return 0 }
    let weight = 1.0 / Double(matches.count)
    var sum = 0.0
    var compensation = 0.0
    for order in 1...matches.count {
        let denominator = Double(max(1, hypothesisLength - order + 1))
        let precision: Double
        if matches[order - 1] > 0 {
            precision = Double(matches[order - 1]) / denominator
        } else {
            switch smoothing {
            case .none: precision = Double.leastNormalMagnitude
            case .method1: precision = 0.1 / denominator
            }
        }
        // Neumaier summation, as NLTK sums with math.fsum.
        let term = weight * log(precision)
        let total = sum + term
        compensation += abs(sum) >= abs(term) ? (sum - total) + term : (term - total) + sum
        sum = total
    }
    let brevityPenalty =
        hypothesisLength > closestReferenceLength
        ? 1.0 : exp(1.0 - Double(closestReferenceLength) / Double(hypothesisLength))
    return brevityPenalty * exp(sum + compensation)
}
