import Foundation

/// The safetensors file format: an 8-byte little-endian header length, a JSON header that
/// maps names to `{dtype, shape, data_offsets}` (plus string `__metadata__`), then the raw
/// little-endian tensor bytes. Only `F32` tensors are read and written.
public struct SafeTensors: Sendable {
    /// One tensor's shape and values.
    public struct Tensor: Sendable, Equatable {
        /// Row-major shape.
        public var shape: [Int]
        /// The values, `shape.reduce(1, *)` of them.
        public var values: [Float]

        /// Creates a tensor; the number of values must match the shape.
        public init(shape: [Int], values: [Float]) {
            precondition(shape.reduce(1, *) == values.count, "shape does not match values")
            self.shape = shape
            self.values = values
        }
    }

    /// Tensors by name.
    public var tensors: [String: Tensor]
    /// The `__metadata__` strings.
    public var metadata: [String: String]

    /// Creates a file's contents.
    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The largest header accepted when reading (guards against corrupt length fields).
    public static let maximumHeaderLength = 100 << 20

    /// Encodes the file: tensors sorted by name, header padded with spaces to 8 bytes.
    public func encoded() throws -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            let tensor = tensors[name]!
            let bytes = tensor.values.count * 4
            header[name] = [
                "dtype": "F32", "shape": tensor.shape, "data_offsets": [offset, offset + bytes],
            ] as [String: Any]
            offset += bytes
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var data = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for name in names {
            tensors[name]!.values.withUnsafeBufferPointer { buffer in
                #if _endian(little)
                    data.append(UnsafeBufferPointer(
                        start: UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self),
                        count: buffer.count * 4))
                #else
                    for value in buffer {
                        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
                    }
                #endif
            }
        }
        return data
    }

    /// Writes the file atomically (temporary file, then rename).
    public func write(to url: URL) throws {
        try AtomicFile.write(encoded(), to: url)
    }

    /// Reads and validates a safetensors file.
    ///
    /// - Throws: ``SafeTensorsError`` naming the file for an unreadable, truncated or foreign
    ///   file, a header that is not valid JSON of the expected form, a dtype other than `F32`,
    ///   or data offsets that do not fit the file.
    public init(contentsOf url: URL) throws {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SafeTensorsError.unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(data: data, path: path)
    }

    /// Decodes a safetensors file held in memory; `path` names it in errors.
    public init(data: Data, path: String) throws {
        guard data.count >= 8 else {
            throw SafeTensorsError.truncated(path: path, detail: "\(data.count) bytes, no header length")
        }
        let headerLength = data.withUnsafeBytes { raw in
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        }
        guard headerLength <= UInt64(SafeTensors.maximumHeaderLength) else {
            throw SafeTensorsError.invalidHeader(
                path: path, reason: "header length \(headerLength) is implausible (not a safetensors file?)")
        }
        let dataStart = 8 + Int(headerLength)
        guard data.count >= dataStart else {
            throw SafeTensorsError.truncated(
                path: path, detail: "header needs \(dataStart) bytes, file has \(data.count)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<dataStart))
        } catch {
            throw SafeTensorsError.invalidHeader(path: path, reason: "header is not JSON")
        }
        guard let header = object as? [String: Any] else {
            throw SafeTensorsError.invalidHeader(path: path, reason: "header is not a JSON object")
        }
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        let payload = data.count - dataStart
        for (name, value) in header {
            if name == "__metadata__" {
                guard let strings = value as? [String: String] else {
                    throw SafeTensorsError.invalidHeader(path: path, reason: "__metadata__ is not a string map")
                }
                metadata = strings
                continue
            }
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = (entry["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                let offsets = (entry["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                offsets.count == 2
            else {
                throw SafeTensorsError.invalidHeader(path: path, reason: "entry \(name) is malformed")
            }
            guard dtype == "F32" else {
                throw SafeTensorsError.unsupportedDType(path: path, tensor: name, dtype: dtype)
            }
            guard shape.allSatisfy({ $0 >= 0 }), shape.count == (entry["shape"] as? [Any])?.count
            else {
                throw SafeTensorsError.invalidHeader(path: path, reason: "entry \(name) has a bad shape")
            }
            let (count, overflow) = shape.reduce((1, false)) { partial, d in
                let (p, o) = partial.0.multipliedReportingOverflow(by: d)
                return (p, partial.1 || o)
            }
            guard !overflow, offsets[0] >= 0, offsets[1] >= offsets[0], offsets[1] <= payload,
                offsets[1] - offsets[0] == count * 4
            else {
                throw SafeTensorsError.dataOutOfBounds(
                    path: path, tensor: name, detail: "offsets \(offsets) for shape \(shape) in \(payload) data bytes")
            }
            var values = [Float](repeating: 0, count: count)
            data.withUnsafeBytes { raw in
                let start = dataStart + offsets[0]
                #if _endian(little)
                    values.withUnsafeMutableBytes { destination in
                        destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + 4 * count)]))
                    }
                #else
                    for i in 0..<count {
                        values[i] = Float(
                            bitPattern: UInt32(
                                littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self)))
                    }
                #endif
            }
            tensors[name] = Tensor(shape: shape, values: values)
        }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name` with the expected shape.
    ///
    /// - Throws: ``SafeTensorsError/missingTensor(path:tensor:)`` or
    ///   ``SafeTensorsError/shapeMismatch(path:tensor:expected:found:)``.
    public func tensor(_ name: String, shape: [Int], path: String) throws -> Tensor {
        guard let tensor = tensors[name] else {
            throw SafeTensorsError.missingTensor(path: path, tensor: name)
        }
        guard tensor.shape == shape else {
            throw SafeTensorsError.shapeMismatch(
                path: path, tensor: name, expected: shape, found: tensor.shape)
        }
        return tensor
    }
}

/// Why a safetensors file was rejected.
public enum SafeTensorsError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(path: String, reason: String)
    case truncated(path: String, detail: String)
    case invalidHeader(path: String, reason: String)
    case unsupportedDType(path: String, tensor: String, dtype: String)
    case dataOutOfBounds(path: String, tensor: String, detail: String)
    case missingTensor(path: String, tensor: String)
    case shapeMismatch(path: String, tensor: String, expected: [Int], found: [Int])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .truncated(let path, let detail): "\(path): truncated safetensors file (\(detail))"
        case .invalidHeader(let path, let reason): "\(path): not a valid safetensors file: \(reason)"
        case .unsupportedDType(let path, let tensor, let dtype):
            "\(path): tensor \(tensor) has dtype \(dtype); only F32 is supported"
        case .dataOutOfBounds(let path, let tensor, let detail):
            "\(path): tensor \(tensor) does not fit the file: \(detail)"
        case .missingTensor(let path, let tensor): "\(path): missing tensor \(tensor)"
        case .shapeMismatch(let path, let tensor, let expected, let found):
            "\(path): tensor \(tensor) has shape \(found), expected \(expected)"
        }
    }

    public var errorDescription: String? { description }
}
