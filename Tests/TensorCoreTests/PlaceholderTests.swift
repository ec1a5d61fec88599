// Placeholder so that the TensorCoreTests target builds; replaced by the module's real tests.
