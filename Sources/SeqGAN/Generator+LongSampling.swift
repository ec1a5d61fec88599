extension Generator {
    /// Samples `count` sequences of `length` tokens, which may be longer than the `T` the
    /// generator was trained on: the LSTM simply keeps running (music is generated this way,
    /// several training windows long).
    ///
    /// Chunks and random streams are those of ``sample(count:temperature:using:)``, so the
    /// first `T` tokens of each row equal what that method draws from the same generator state.
    /// With a conditioning, each row's reader follows it to the end.
    ///
    /// - Returns: `[count, length]` token ids, batch-major.
    public func sample(
        count: Int, length: Int, temperature: Float = 1,
        using generator: inout some RandomNumberGenerator
    ) -> [Int32] {
        sample(count: count, length: length, primer: [], temperature: temperature, using: &generator)
    }
}
