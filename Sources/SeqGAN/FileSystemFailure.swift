import Foundation

/// A Foundation file error (`CocoaError`, `POSIXError`) in this project's words: the path and
/// what went wrong ("permission denied", "X is a file, not a folder"), without the error's
/// domain, code and dictionary.
public struct FileSystemFailure: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The file or folder concerned, when the error names one.
    public var path: String?
    /// What went wrong, in words.
    public var reason: String

    /// The failure `error` describes; `nil` when it is not a Foundation file error.
    public init?(_ error: Error) {
        let nsError = error as NSError
        guard error is CocoaError || error is POSIXError || type(of: error) is NSError.Type,
            [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(nsError.domain)
        else { return nil }
        path = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        reason = Self.reason(of: nsError, path: path)
    }

    /// What went wrong in `error`, in words (its localized description when it is not a
    /// Foundation file error).
    public static func reason(of error: Error) -> String {
        FileSystemFailure(error)?.reason ?? error.localizedDescription
    }

    private static func reason(of error: NSError, path: String?) -> String {
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
            $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil
        }
        if let code = underlying ?? (error.domain == NSPOSIXErrorDomain ? Int32(error.code) : nil) {
            return String(cString: strerror(code))
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteFileExists: return "a file or folder of that name is already there"
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        default:
            return path.flatMap { FileManager.default.fileOnTheWay(to: URL(fileURLWithPath: $0)) }
                .map { "\($0.path) is a file, not a folder" } ?? error.localizedDescription
        }
    }

    public var description: String { path.map { "\($0): \(reason)" } ?? reason }

    public var errorDescription: String? { description }
}
