#if os(Linux)
    import Glibc
#endif

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

    /// Buffers of at least this many bytes are backed by 2 MiB pages where the system allows.
    static let hugePageBytes = 2 << 20

    /// Allocates `count` elements, all zero.
    ///
    /// A buffer of 2 MiB or more is aligned to 2 MiB and, on Linux, asks for transparent huge
    /// pages (`madvise(MADV_HUGEPAGE)`, before its pages are first touched): the parameters,
    /// moments and scoring tables are tens to hundreds of megabytes, read in streams or at
    /// random, and with 4 KiB pages their address translations miss the TLB.
    public init(count: Int) {
        precondition(count >= 0, "FloatBuffer count must not be negative")
        self.count = count
        let capacity = max(1, count)
        let bytes = capacity * MemoryLayout<Float>.stride
        let hugePages = bytes / FloatBuffer.hugePageBytes
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: bytes, alignment: hugePages > 0 ? FloatBuffer.hugePageBytes : 64)
        #if os(Linux)
            if hugePages > 0 {
                // Advice only (whole huge pages of this buffer): where it is refused, the
                // buffer simply keeps small pages.
                _ = madvise(raw, hugePages * FloatBuffer.hugePageBytes, MADV_HUGEPAGE)
            }
        #endif
        base = raw.bindMemory(to: Float.self, capacity: capacity)
        base.initialize(repeating: 0, count: capacity)
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
