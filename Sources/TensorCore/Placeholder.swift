// Placeholder so that the TensorCore target builds; replaced by the module's real sources.
enum TensorCorePlaceholder {}
