import Foundation
import MIDI
import MusicEncoding

/// Reads a set of tunes to measure: a folder of MIDI files, one MIDI file, or a split list.
public enum TuneFiles {
    /// Tunes read from a path, with the files that gave none.
    public struct Loaded: Sendable {
        /// The tunes, in file-name order.
        public var tunes: [Tune]
        /// Each tune's file, relative to the folder or as the list names it.
        public var names: [String]
        /// Files that gave no tune, with the reason ("file: reason").
        public var skipped: [String]
    }

    /// Reads every tune at `path`.
    ///
    /// - A folder: its MIDI files (`.mid`, `.midi`, `.smf`, `.kar`), searched recursively.
    /// - A `.txt` file: a split list, one MIDI path a line (blank lines and lines starting with
    ///   `#` are ignored), each relative to the list's folder or to the folder above it (as
    ///   `splits/melody_test.txt` names `melody/tune.mid`).
    /// - Any other file: one MIDI file.
    ///
    /// Each tune is read with ``Tune/init(midi:key:metre:pickupTicks:)``; files that are not
    /// valid MIDI or have no notes are skipped with their reason.
    ///
    /// - Throws: ``TuneFilesError`` for a missing path or list entry, or when no tune is read.
    public static func load(_ path: URL) throws(TuneFilesError) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw .missing(path: path.path)
        }
        let files: [(URL, String)]
        if isDirectory.boolValue {
            let inputs: [CorpusBuilder.InputFile]
            do { inputs = try CorpusBuilder.inputFiles([path]) } catch {
                throw .missing(path: path.path)
            }
            files = inputs.filter {
                CorpusBuilder.midiExtensions.contains($0.url.pathExtension.lowercased())
            }
            .map { ($0.url, $0.name) }
        } else if path.pathExtension.lowercased() == "txt" {
            files = try listedFiles(path)
        } else {
            files = [(path, path.lastPathComponent)]
        }
        var loaded = Loaded(tunes: [], names: [], skipped: [])
        for (url, name) in files {
            do {
                let midi = try MIDIFile.read(contentsOf: url)
                loaded.tunes.append(try Tune(midi: midi))
                loaded.names.append(name)
            } catch {
                loaded.skipped.append("\(name): \(error)")
            }
        }
        guard !loaded.tunes.isEmpty else {
            throw .noTunes(path: path.path, skipped: loaded.skipped.count)
        }
        return loaded
    }

    /// The files a split list names, resolved beside the list or one folder up.
    static func listedFiles(_ list: URL) throws(TuneFilesError) -> [(URL, String)] {
        let text: String
        do { text = try String(contentsOf: list, encoding: .utf8) } catch {
            throw .missing(path: list.path)
        }
        let folder = list.deletingLastPathComponent()
        var files: [(URL, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let entry = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            let candidates =
                entry.hasPrefix("/")
                ? [URL(fileURLWithPath: entry)]
                : [
                    folder.appendingPathComponent(entry),
                    folder.deletingLastPathComponent().appendingPathComponent(entry),
                ]
            guard
                let url = candidates.first(where: {
                    FileManager.default.fileExists(atPath: $0.path)
                })
            else {
                throw .listEntryMissing(list: list.path, line: index + 1, entry: entry)
            }
            files.append((url, entry))
        }
        return files
    }
}
