import Foundation

extension RunFolder {
    /// What a run trains on; decides which files its folder must hold.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Tunes from MIDI or ABC files.
        case music
        /// Lines of text.
        case text
        /// The paper's synthetic oracle.
        case synthetic

        /// The files a folder of this kind holds once its first checkpoint is written,
        /// besides `run.json`.
        public var requiredFiles: [RunFile] {
            let common: [RunFile] = [.config, .checkpoint]
            switch self {
            case .music: return common + [.tokenizer, .sources]
            case .text: return common + [.textSettings, .vocabulary]
            case .synthetic: return common
            }
        }
    }

    /// The kind recorded in `run.json`, or `nil` when there is no readable record.
    public var recordedKind: Kind? {
        guard let data = try? Data(contentsOf: url(of: .record)) else { return nil }
        return try? JSONDecoder().decode(RunRecord.self, from: data).kind
    }

    /// The kind of a folder written before `run.json` existed, told by its files: music
    /// files (`tokenizer.json`, `sources.json`, `skipped.txt`), text files (`text.json`,
    /// `vocabulary.json`), or only a checkpoint (synthetic); `nil` for a folder holding none.
    public var probedKind: Kind? {
        if contains(.tokenizer) || contains(.sources) || contains(.skipped) { return .music }
        if contains(.textSettings) || contains(.vocabulary) { return .text }
        if hasCheckpoint { return .synthetic }
        return nil
    }

    /// The folder's kind: recorded, else probed for folders written before the record;
    /// `nil` when the folder holds no run.
    public var kind: Kind? { recordedKind ?? probedKind }

    /// The kind of the run in this folder, checked against its files.
    ///
    /// - Throws: ``RunFolderError/notARun(path:)`` when the folder holds no run;
    ///   ``RunFolderError/unreadableFile(path:reason:)`` for a `run.json` that cannot be
    ///   read; ``RunFolderError/missingFile(path:kind:)`` naming the first file its kind
    ///   needs that is missing.
    @discardableResult
    public func checkedKind() throws -> Kind {
        if contains(.record) {
            let record = try decode(RunRecord.self, from: .record)
            guard record.format <= RunRecord.currentFormat else {
                throw RunFolderError.unreadableFile(
                    path: url(of: .record).path,
                    reason: "folder format \(record.format) is newer than this version's \(RunRecord.currentFormat)")
            }
            try check(record.kind)
            return record.kind
        }
        guard let kind = probedKind else { throw RunFolderError.notARun(path: url.path) }
        try check(kind)
        return kind
    }

    /// Checks that the folder holds every file a run of `kind` needs.
    ///
    /// - Throws: ``RunFolderError/wrongKind(path:recorded:expected:)`` when `run.json`
    ///   records another kind; ``RunFolderError/missingFile(path:kind:)`` naming the first
    ///   missing file.
    public func check(_ kind: Kind) throws {
        if let recorded = recordedKind, recorded != kind {
            throw RunFolderError.wrongKind(path: url.path, recorded: recorded, expected: kind)
        }
        for file in kind.requiredFiles where !contains(file) {
            throw RunFolderError.missingFile(path: url(of: file).path, kind: kind)
        }
    }
}
