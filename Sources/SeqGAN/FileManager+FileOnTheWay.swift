import Foundation

extension FileManager {
    /// The file (not folder) that stands where `url` or one of the folders above it should
    /// be, which makes creating `url` fail; `nil` when there is none.
    public func fileOnTheWay(to url: URL) -> URL? {
        var place = url.standardizedFileURL
        while place.path != "/" {
            var isDirectory: ObjCBool = false
            if fileExists(atPath: place.path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : place
            }
            place.deleteLastPathComponent()
        }
        return nil
    }
}
