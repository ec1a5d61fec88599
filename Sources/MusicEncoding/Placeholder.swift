// Placeholder so that the MusicEncoding target builds; replaced by the module's real sources.
enum MusicEncodingPlaceholder {}
