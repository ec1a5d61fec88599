// The seeded generator every random choice flows from; re-exported so users of the neural
// core need not import it separately.
@_exported import Randomness
