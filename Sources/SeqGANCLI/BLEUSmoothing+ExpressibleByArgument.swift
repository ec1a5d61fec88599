import ArgumentParser
import Metrics

extension BLEUSmoothing: ExpressibleByArgument {}
