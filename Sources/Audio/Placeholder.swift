// Placeholder so that the Audio target builds; replaced by the module's real sources.
enum AudioPlaceholder {}
