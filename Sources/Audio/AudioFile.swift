internal import CSndFile
import Foundation

/// Reading and writing audio files through libsndfile (the only user of `CSndFile`).
public enum AudioFile {
    /// The most samples `read` loads into memory (about 1.6 GB of floats).
    public static let maximumSampleCount = 400_000_000
    /// Frames per libsndfile call.
    private static let chunkFrames = 16_384

    /// Writes `buffer` to `url`, in the format its extension names.
    ///
    /// The samples go to a hidden temporary file beside `url` that is renamed over `url` only
    /// once complete, so a failure leaves neither a partial file nor a damaged old one.
    /// Samples beyond -1...1 are clipped rather than wrapped (`SFC_SET_CLIPPING`).
    ///
    /// - Parameters:
    ///   - buffer: The audio.
    ///   - url: The destination; `.wav`, `.flac` or `.ogg` (see `AudioFileFormat`).
    ///   - encoding: The sample encoding for WAV and FLAC; Ogg Vorbis ignores it.
    /// - Throws: `AudioFileError`, naming the file and quoting `sf_strerror`.
    public static func write(
        _ buffer: AudioBuffer, to url: URL, encoding: AudioSampleEncoding = .pcm16
    ) throws(AudioFileError) {
        let path = url.path
        guard let format = AudioFileFormat(fileExtension: url.pathExtension) else {
            throw .unknownExtension(path: path)
        }
        guard format.supports(encoding) else {
            throw .unsupportedEncoding(path: path, format: format, encoding: encoding)
        }
        var info = SF_INFO()
        info.samplerate = Int32(buffer.sampleRate)
        info.channels = Int32(buffer.channelCount)
        info.format = sndfileFormat(format, encoding)

        let temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        guard let file = sf_open(temporaryPath, Int32(SFM_WRITE), &info) else {
            throw .cannotCreate(path: path, reason: String(cString: sf_strerror(nil)))
        }
        var closed = false
        var moved = false
        defer {
            if !closed { sf_close(file) }
            if !moved { unlink(temporaryPath) }
        }
        sf_command(file, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        // In chunks: libvorbis needs stack space in proportion to the frames of one call.
        let channelCount = buffer.channelCount
        var framesWritten = 0
        try buffer.samples.withUnsafeBufferPointer { (samples) throws(AudioFileError) in
            while framesWritten < buffer.frameCount {
                let count = min(chunkFrames, buffer.frameCount - framesWritten)
                let written = sf_writef_float(
                    file, samples.baseAddress! + framesWritten * channelCount, sf_count_t(count))
                guard written == sf_count_t(count) else {
                    throw .writeFailed(
                        path: path, frame: framesWritten + max(0, Int(written)),
                        reason: String(cString: sf_strerror(file)))
                }
                framesWritten += count
            }
        }
        closed = true
        let status = sf_close(file)
        guard status == 0 else {
            throw .writeFailed(
                path: path, frame: buffer.frameCount,
                reason: String(cString: sf_error_number(status)))
        }
        guard rename(temporaryPath, path) == 0 else {
            throw .cannotReplace(path: path, reason: String(cString: strerror(errno)))
        }
        moved = true
    }

    /// Reads a whole audio file (any format libsndfile knows: WAV, FLAC, Ogg, AIFF, ...) as
    /// floats in -1...1.
    ///
    /// - Throws: `AudioFileError`, naming the file and quoting `sf_strerror`.
    public static func read(from url: URL) throws(AudioFileError) -> AudioBuffer {
        let path = url.path
        var info = SF_INFO()
        guard let file = sf_open(path, Int32(SFM_READ), &info) else {
            throw .cannotOpen(path: path, reason: String(cString: sf_strerror(nil)))
        }
        defer { sf_close(file) }
        let channelCount = Int(info.channels)
        guard channelCount >= 1, info.samplerate >= 1 else {
            throw .cannotOpen(
                path: path,
                reason: "\(channelCount) channels at \(info.samplerate) Hz is not playable audio")
        }
        guard info.frames <= sf_count_t(maximumSampleCount / channelCount) else {
            throw .tooLong(path: path, frames: Int(info.frames))
        }
        // Read in chunks until the end: some formats only estimate their length.
        var samples = [Float]()
        samples.reserveCapacity(max(0, Int(info.frames)) * channelCount)
        var chunk = [Float](repeating: 0, count: chunkFrames * channelCount)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                sf_readf_float(file, chunkBuffer.baseAddress, sf_count_t(chunkFrames))
            }
            if count < 0 || sf_error(file) != 0 {
                throw .readFailed(
                    path: path, frame: samples.count / channelCount,
                    reason: String(cString: sf_strerror(file)))
            }
            if count == 0 { break }
            samples.append(contentsOf: chunk[0..<Int(count) * channelCount])
            guard samples.count <= maximumSampleCount else {
                throw .tooLong(path: path, frames: samples.count / channelCount)
            }
        }
        return AudioBuffer(
            samples: samples, channelCount: channelCount, sampleRate: Int(info.samplerate))
    }

    /// libsndfile's major and minor format codes for a format and encoding.
    private static func sndfileFormat(
        _ format: AudioFileFormat, _ encoding: AudioSampleEncoding
    ) -> Int32 {
        let sample = encoding == .float32 ? SF_FORMAT_FLOAT : SF_FORMAT_PCM_16
        let code =
            switch format {
            case .wav: SF_FORMAT_WAV | sample
            case .flac: SF_FORMAT_FLAC | SF_FORMAT_PCM_16
            case .ogg: SF_FORMAT_OGG | SF_FORMAT_VORBIS
            }
        return Int32(code)
    }
}
