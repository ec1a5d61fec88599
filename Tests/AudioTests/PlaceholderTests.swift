// Placeholder so that the AudioTests target builds; replaced by the module's real tests.
