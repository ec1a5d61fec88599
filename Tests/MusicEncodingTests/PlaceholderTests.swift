// Placeholder so that the MusicEncodingTests target builds; replaced by the module's real tests.
