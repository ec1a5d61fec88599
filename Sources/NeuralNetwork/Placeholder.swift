// Placeholder so that the NeuralNetwork target builds; replaced by the module's real sources.
enum NeuralNetworkPlaceholder {}
