import Foundation

extension TuneSetContrast {
    /// The contrast as pretty-printed JSON with sorted keys
    /// (`seqgan midi compare-tunes --versus --json`).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
