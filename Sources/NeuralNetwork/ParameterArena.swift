import TensorCore

/// A named tensor's place in a ``ParameterArena``.
public struct ParameterSlot: Codable, Sendable, Equatable {
    /// The tensor's name, as written to checkpoints.
    public var name: String
    /// Its shape, row-major.
    public var shape: [Int]
    /// Offset of its first element in the arena.
    public var offset: Int
    /// Number of elements (the product of `shape`).
    public var count: Int { shape.reduce(1, *) }
}

/// Collects the parameter tensors of a model before the arena is allocated.
public struct ParameterLayout: Sendable {
    /// The slots, in order of registration.
    public private(set) var slots: [ParameterSlot] = []
    /// Total number of elements.
    public private(set) var totalCount = 0

    /// Creates an empty layout.
    public init() {}

    /// Registers a tensor and returns its slot. Names must be unique.
    public mutating func add(_ name: String, shape: [Int]) -> ParameterSlot {
        precondition(!slots.contains { $0.name == name }, "duplicate parameter \(name)")
        // Keep every tensor 16-float aligned so SIMD loops start on a boundary.
        let slot = ParameterSlot(name: name, shape: shape, offset: totalCount)
        slots.append(slot)
        totalCount += (slot.count + 15) / 16 * 16
        return slot
    }
}

/// All parameters of a model in one contiguous buffer, with a parallel gradient buffer, so
/// that optimisers, clipping and zeroing are single flat loops (as in llm.c).
public final class ParameterArena: @unchecked Sendable {
    /// Where each named tensor lives.
    public let layout: ParameterLayout
    /// Parameter values.
    public let values: FloatBuffer
    /// Gradients, laid out exactly like `values`.
    public let gradients: FloatBuffer

    /// Allocates zeroed values and gradients for `layout`.
    public init(layout: ParameterLayout) {
        self.layout = layout
        values = FloatBuffer(count: layout.totalCount)
        gradients = FloatBuffer(count: layout.totalCount)
    }

    /// The slot called `name`, or `nil`.
    public func slot(named name: String) -> ParameterSlot? {
        layout.slots.first { $0.name == name }
    }

    /// Fills every tensor with independent N(0, `standardDeviation`) draws, in slot order.
    public func initializeNormal(
        standardDeviation: Float, using generator: inout some RandomNumberGenerator
    ) {
        values.zero()
        for slot in layout.slots {
            for i in 0..<slot.count {
                values[slot.offset + i] = Float(generator.nextNormal()) * standardDeviation
            }
        }
    }

    /// Copies all values from another arena with the same layout.
    public func copyValues(from other: ParameterArena) {
        precondition(other.layout.totalCount == layout.totalCount, "arena layouts differ")
        values.copy(from: other.values.base)
    }
}
