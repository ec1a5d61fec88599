/// An open-addressing hash map from 64-bit n-gram keys to dense ids `0..<count`.
///
/// An n-gram of order k is keyed by the id of its first k-1 tokens (its prefix, itself an
/// interned n-gram) in the high 32 bits and its last token in the low 32 bits; a unigram uses
/// `unigramPrefix` as its prefix. Keys are therefore exact (no collisions between different
/// n-grams), and one table holds every order. Linear probing, load factor at most 1/2.
struct NGramTable: Sendable {
    /// The prefix of unigram keys; never an id, since ids stay below `UInt32.max`.
    static let unigramPrefix: UInt64 = 0xFFFF_FFFF
    private static let emptyKey: UInt64 = .max

    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var shift: UInt64
    /// The number of n-grams interned.
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var capacity = 16
        while capacity < 2 * minimumCapacity { capacity *= 2 }
        keys = Array(repeating: Self.emptyKey, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The key of the n-gram made of the n-gram `prefix` (or `unigramPrefix`) and `token`.
    @inline(__always)
    static func key(prefix: UInt64, token: UInt32) -> UInt64 { prefix << 32 | UInt64(token) }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id of `key`, or -1 when it was never inserted.
    @inline(__always)
    func id(of key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            var index = slot(of: key)
            while true {
                let stored = keys[index]
                if stored == key { return values[index] }
                if stored == Self.emptyKey { return -1 }
                index = (index + 1) & mask
            }
        }
    }

    /// The id of `key`, inserting it with the next free id when absent.
    mutating func intern(_ key: UInt64) -> Int32 {
        if 2 * (count + 1) > keys.count { grow() }
        var index = slot(of: key)
        while true {
            let stored = keys[index]
            if stored == key { return values[index] }
            if stored == Self.emptyKey {
                keys[index] = key
                values[index] = Int32(count)
                count += 1
                return values[index]
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = keys.count * 2
        keys = Array(repeating: Self.emptyKey, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, value) in zip(oldKeys, oldValues) where key != Self.emptyKey {
            var index = slot(of: key)
            while keys[index] != Self.emptyKey { index = (index + 1) & mask }
            keys[index] = key
            values[index] = value
        }
    }
}
