// Placeholder so that the Metrics target builds; replaced by the module's real sources.
enum MetricsPlaceholder {}
