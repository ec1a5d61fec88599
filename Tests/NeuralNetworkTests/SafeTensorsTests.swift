import Foundation
import Testing
@testable import NeuralNetwork
import TestSupport

@Suite("SafeTensors")
struct SafeTensorsTests {
    let sample = SafeTensors(
        tensors: [
            "a": .init(shape: [2, 3], values: [1, 2, 3, 4, 5, -6.5]),
            "b.bias": .init(shape: [1], values: [.pi]),
        ],
        metadata: ["config": "{\"seed\":1}"])

    @Test("writing then reading gives back every tensor and the metadata")
    func roundTrip() throws {
        let directory = try TestPaths.makeTemporaryDirectory("safetensors")
        let url = directory.appendingPathComponent("x.safetensors")
        try sample.write(to: url)
        let read = try SafeTensors(contentsOf: url)
        #expect(read.tensors == sample.tensors)
        #expect(read.metadata == sample.metadata)
        let data = try Data(contentsOf: url)
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(headerLength % 8 == 0)
        #expect(data.count == 8 + headerLength + 7 * 4)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["x.safetensors"])
    }

    @Test("every truncation is rejected with an error naming the file")
    func truncations() throws {
        let data = try sample.encoded()
        for length in [0, 5, 8, 20, data.count - 1] {
            #expect(throws: SafeTensorsError.self) {
                try SafeTensors(data: data.prefix(length), path: "cut.safetensors")
            }
            do {
                _ = try SafeTensors(data: data.prefix(length), path: "cut.safetensors")
            } catch {
                #expect("\(error)".contains("cut.safetensors"))
            }
        }
    }

    @Test("foreign and corrupt files are rejected")
    func corruptFiles() throws {
        // A text file.
        #expect(throws: SafeTensorsError.self) {
            try SafeTensors(data: Data("hello, this is not a tensor file at all".utf8), path: "t")
        }
        // A huge header length.
        var huge = Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        huge.append(Data(repeating: 0x20, count: 16))
        #expect(throws: SafeTensorsError.self) { try SafeTensors(data: huge, path: "t") }
        // A dtype we do not read, and offsets beyond the data.
        for header in [
            #"{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#,
            #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#,
            #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[4,0]}}"#,
            #"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#,
            #"["not", "an", "object"]"#,
        ] {
            var data = Data()
            var json = Data(header.utf8)
            while json.count % 8 != 0 { json.append(0x20) }
            withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(json)
            data.append(Data(repeating: 0, count: 8))
            #expect(throws: SafeTensorsError.self, "\(header)") { try SafeTensors(data: data, path: "t") }
        }
    }

    @Test("a missing tensor and a wrong shape are named")
    func lookups() throws {
        #expect(throws: SafeTensorsError.missingTensor(path: "f", tensor: "c")) {
            try sample.tensor("c", shape: [1], path: "f")
        }
        #expect(throws: SafeTensorsError.shapeMismatch(path: "f", tensor: "a", expected: [3, 2], found: [2, 3])) {
            try sample.tensor("a", shape: [3, 2], path: "f")
        }
    }
}
