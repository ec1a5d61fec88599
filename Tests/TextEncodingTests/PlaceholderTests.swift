// Placeholder so that the TextEncodingTests target builds; replaced by the module's real tests.
