import ArgumentParser
import MusicAnalysis

extension KernelDensity.BandwidthRule: ExpressibleByArgument {}
