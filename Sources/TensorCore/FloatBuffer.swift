/// An owned, 64-byte aligned, contiguous buffer of `Float`s: the storage of parameters,
/// gradients, optimiser moments and activations.
///
/// A class so that hot loops can hold its base pointer without copy-on-write; it is
/// `@unchecked Sendable` because parallel loops write disjoint ranges of it.
public final class FloatBuffer: @unchecked Sendable {
    /// The first element.
    public let base: UnsafeMutablePointer<Float>
    /// The number of elements.
    public let count: Int

    /// Allocates `count` elements, all zero.
    public init(count: Int) {
        precondition(count >= 0, "FloatBuffer count must not be negative")
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(1, count))
        base.initialize(repeating: 0, count: max(1, count))
    }

    deinit { base.deallocate() }

    /// Sets every element to zero.
    public func zero() { base.update(repeating: 0, count: count) }

    /// The element at `index`.
    public subscript(index: Int) -> Float {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// A copy of the contents as an array.
    public var array: [Float] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Copies `source` (which must have `count` elements) into the buffer.
    public func copy(from source: UnsafePointer<Float>) { base.update(from: source, count: count) }
}
