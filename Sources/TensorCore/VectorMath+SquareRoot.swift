#if arch(x86_64)
    // Public so that the function below can be inlined into other modules' loops (Adam's):
    // there the compiler merges the four `sqrtps` into one or two wide ones (AVX2 or AVX-512
    // builds). Called, it cost a call and a spill of 64 bytes per 16 lanes.
    public import _Builtin_intrinsics.intel
#endif

extension VectorMath {
    /// The IEEE square root of 16 lanes (exactly `Float.squareRoot()` in each lane).
    ///
    /// `SIMD16<Float>.squareRoot()` compiles to 16 calls of the C library's `sqrtf`; on x86-64
    /// this issues four 4-lane `sqrtps` instead (SSE, so it needs no target flag), which made
    /// Adam's update of the discriminator's 7 million parameters 2.2 times faster. This is the
    /// only file that imports the compiler's x86 intrinsics.
    @inlinable @inline(__always)
    public static func squareRoot(_ x: Lanes) -> Lanes {
        #if arch(x86_64)
            typealias Quarters = (__m128, __m128, __m128, __m128)
            let q = unsafeBitCast(x, to: Quarters.self)
            return unsafeBitCast(
                (_mm_sqrt_ps(q.0), _mm_sqrt_ps(q.1), _mm_sqrt_ps(q.2), _mm_sqrt_ps(q.3)),
                to: Lanes.self)
        #else
            return x.squareRoot()
        #endif
    }
}
