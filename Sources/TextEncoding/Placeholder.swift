// Placeholder so that the TextEncoding target builds; replaced by the module's real sources.
enum TextEncodingPlaceholder {}
