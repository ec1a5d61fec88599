// Placeholder so that the SeqGANTests target builds; replaced by the module's real tests.
