import TensorCore

extension LSTM {
    /// The gate pre-activation gradients of one step's `rows` rows, and the carries to the
    /// step before, from the activations kept by the forward pass:
    ///
    ///     dh = dh_t + dh_carry       dc = dh ⊙ o ⊙ (1 - tanh²c) + dc_carry
    ///     dz_i = dc ⊙ g ⊙ i(1 - i)   dz_f = dc ⊙ c' ⊙ f(1 - f)
    ///     dz_o = dh ⊙ tanh c ⊙ o(1 - o)   dz_g = dc ⊙ i ⊙ (1 - g²)   dc_carry ← dc ⊙ f
    ///
    /// Sixteen units at a time; each value is computed with the same operations in the same
    /// order as one unit at a time.
    ///
    /// - Parameters:
    ///   - gates: `[B, 4H]` activated gates of the step.
    ///   - tanhCells: `[B, H]`.
    ///   - previousCells: `[B, H]`, the cells of the step before (`nil` for zero).
    ///   - hiddenGradient: `[B, H]`, the loss gradient with respect to the step's hidden states.
    ///   - hiddenCarry: `[B, H]`, `dz_t+1 Uᵀ` (read).
    ///   - cellCarry: `[B, H]`, read as the next step's and overwritten with this step's.
    ///   - into: `[B, 4H]`, receives `dz`.
    @inline(__always)
    static func gateGradients(
        gates: UnsafePointer<Float>, tanhCells: UnsafePointer<Float>,
        previousCells: UnsafePointer<Float>?, hiddenGradient: UnsafePointer<Float>,
        hiddenCarry: UnsafePointer<Float>, cellCarry: UnsafeMutablePointer<Float>, rows: Int,
        hiddenSize h: Int, into dz: UnsafeMutablePointer<Float>
    ) {
        typealias Lanes = VectorMath.Lanes
        @inline(__always) func load(_ p: UnsafePointer<Float>) -> Lanes {
            UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
        }
        @inline(__always) func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
        }
        let one = Lanes(repeating: 1)
        for row in 0..<rows {
            let gate = gates + row * 4 * h
            let dGate = dz + row * 4 * h
            let base = row * h
            var j = 0
            while j + Lanes.scalarCount <= h {
                let i = load(gate + j)
                let f = load(gate + h + j)
                let o = load(gate + 2 * h + j)
                let c = load(gate + 3 * h + j)
                let tc = load(tanhCells + base + j)
                let previousCell = previousCells.map { load($0 + base + j) } ?? Lanes()
                let dh = load(hiddenGradient + base + j) + load(hiddenCarry + base + j)
                let dc = dh * o * (one - tc * tc) + load(cellCarry + base + j)
                store(dc * f, cellCarry + base + j)
                store(dc * c * i * (one - i), dGate + j)
                store(dc * previousCell * f * (one - f), dGate + h + j)
                store(dh * tc * o * (one - o), dGate + 2 * h + j)
                store(dc * i * (one - c * c), dGate + 3 * h + j)
                j += Lanes.scalarCount
            }
            while j < h {
                let i = gate[j]
                let f = gate[h + j]
                let o = gate[2 * h + j]
                let c = gate[3 * h + j]
                let tc = tanhCells[base + j]
                let previousCell = previousCells?[base + j] ?? 0
                let dh = hiddenGradient[base + j] + hiddenCarry[base + j]
                let dc = dh * o * (1 - tc * tc) + cellCarry[base + j]
                cellCarry[base + j] = dc * f
                dGate[j] = dc * c * i * (1 - i)
                dGate[h + j] = dc * previousCell * f * (1 - f)
                dGate[2 * h + j] = dh * tc * o * (1 - o)
                dGate[3 * h + j] = dc * i * (1 - c * c)
                j += 1
            }
        }
    }
}
