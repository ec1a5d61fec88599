// Placeholder so that the NeuralNetworkTests target builds; replaced by the module's real tests.
