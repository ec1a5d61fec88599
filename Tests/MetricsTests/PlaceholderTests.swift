// Placeholder so that the MetricsTests target builds; replaced by the module's real tests.
