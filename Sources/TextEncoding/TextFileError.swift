/// A text file that cannot be read as one sequence per line.
public enum TextFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The bytes at `byteOffset` are not valid UTF-8.
    case invalidUTF8(path: String, byteOffset: Int, line: Int)
    /// The file holds no sequence (it is empty or blank).
    case empty(path: String)
    /// A line did not have the shape the corpus requires.
    case malformedLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason))"
        case .invalidUTF8(let path, let offset, let line):
            return "\(path):\(line): invalid UTF-8 at byte offset \(offset)"
        case .empty(let path):
            return "\(path): the file contains no token sequences"
        case .malformedLine(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }
}
