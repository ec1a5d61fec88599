// Placeholder so that the SeqGAN target builds; replaced by the module's real sources.
enum SeqGANPlaceholder {}
