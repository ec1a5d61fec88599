// Placeholder so that the MIDITests target builds; replaced by the module's real tests.
