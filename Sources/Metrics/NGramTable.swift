/// An open-addressing hash map from 64-bit n-gram keys to dense ids `0..<count`.
///
/// An n-gram of order k is keyed by the id of its first k-1 tokens (its prefix, itself an
/// interned n-gram) in the high 32 bits and its last token in the low 32 bits; a unigram uses
/// `unigramPrefix` as its prefix. Keys are therefore exact (no collisions between different
/// n-grams), and one table holds every order. Linear probing, load factor at most 1/2; a key
/// and its id share a slot, so a probe touches one cache line.
struct NGramTable: Sendable {
    /// The prefix of unigram keys; never an id, since ids stay below `UInt32.max`.
    static let unigramPrefix: UInt64 = 0xFFFF_FFFF
    private static let emptyKey: UInt64 = .max

    private struct Slot {
        var key: UInt64
        var id: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var shift: UInt64
    /// The number of n-grams interned.
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var capacity = 16
        while capacity < 2 * minimumCapacity { capacity *= 2 }
        slots = Array(repeating: Slot(key: Self.emptyKey, id: -1), count: capacity)
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
        slots.withUnsafeBufferPointer { slots in
            var index = slot(of: key)
            while true {
                let stored = slots[index]
                if stored.key == key { return stored.id }
                if stored.key == Self.emptyKey { return -1 }
                index = (index + 1) & mask
            }
        }
    }

    /// The id of `key`, inserting it with the next free id when absent.
    mutating func intern(_ key: UInt64) -> Int32 {
        if 2 * (count + 1) > slots.count { grow() }
        let start = slot(of: key)
        let mask = mask
        let (id, inserted) = slots.withUnsafeMutableBufferPointer { slots in
            var index = start
            while true {
                let stored = slots[index]
                if stored.key == key { return (stored.id, false) }
                if stored.key == Self.emptyKey {
                    slots[index] = Slot(key: key, id: Int32(count))
                    return (Int32(count), true)
                }
                index = (index + 1) & mask
            }
        }
        if inserted { count += 1 }
        return id
    }

    private mutating func grow() {
        let old = slots
        let capacity = slots.count * 2
        slots = Array(repeating: Slot(key: Self.emptyKey, id: -1), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for entry in old where entry.key != Self.emptyKey {
            var index = slot(of: entry.key)
            while slots[index].key != Self.emptyKey { index = (index + 1) & mask }
            slots[index] = entry
        }
    }
}
