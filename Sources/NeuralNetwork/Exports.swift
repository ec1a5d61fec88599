// Atomic file writes (used by checkpoints) live with the run folder's files; re-exported so
// users of the neural core write files the same way without importing it separately.
@_exported import RunFiles
