import Foundation

extension RunFolder {
    /// Makes the folder ready for a run of `kind` to start or (with `resume`) continue:
    /// checks what is already there, removes temporary files left by an interrupted write,
    /// and records the kind in `run.json` before anything else is written.
    ///
    /// - Parameters:
    ///   - kind: What the run trains on.
    ///   - resume: Whether an existing run is continued.
    /// - Returns: Whether the folder holds a run to continue (a checkpoint, with `resume`).
    /// - Throws: ``RunFolderError/alreadyHoldsRun(path:)`` when the folder holds a run and
    ///   `resume` is not set; ``RunFolderError/wrongKind(path:recorded:expected:)`` or
    ///   ``RunFolderError/missingFile(path:kind:)`` when the folder's files do not match
    ///   `kind`. Nothing is written when it throws.
    @discardableResult
    public func prepare(for kind: Kind, resume: Bool, settings: TaskSettings? = nil) throws -> Bool {
        let record = contains(.record) ? try decode(RunRecord.self, from: .record) : nil
        if let record, record.kind != kind {
            throw RunFolderError.wrongKind(path: url.path, recorded: record.kind, expected: kind)
        }
        let continuing = hasCheckpoint
        if continuing && !resume { throw RunFolderError.alreadyHoldsRun(path: url.path) }
        if continuing {
            if record == nil, let probed = probedKind, probed != kind {
                throw RunFolderError.wrongKind(path: url.path, recorded: probed, expected: kind)
            }
            try check(kind)
            if let settings { try checkUnchanged(settings) }
        }
        try removeTemporaryFiles()
        if record == nil || !continuing || (record?.taskSettings == nil && settings != nil) {
            try writeJSON(RunRecord(kind: kind, taskSettings: settings?.json), to: .record)
        }
        return continuing
    }

    /// The settings of a task that decide what its tokens mean, kept in `run.json` so that a
    /// run is continued only with the same ones.
    public struct TaskSettings: Sendable, Equatable {
        /// The file the settings are saved in (`tokenizer.json`, `text.json`).
        public var file: RunFile
        /// The settings as canonical JSON (sorted keys).
        public var json: String

        /// The settings `value`, saved in `file`.
        public init<T: Encodable>(_ value: T, file: RunFile) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            self.file = file
            json = String(decoding: try encoder.encode(value), as: UTF8.self)
        }

        /// The top-level fields whose values differ, as `name: given (was recorded)`.
        static func differences(recorded: String, given: String) -> [String] {
            func fields(_ json: String) -> [String: String] {
                guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                    return [:]
                }
                return object.mapValues { "\($0)" }
            }
            let old = fields(recorded)
            let new = fields(given)
            return Set(old.keys).union(new.keys).sorted().compactMap { key in
                old[key] == new[key] ? nil : "\(key) \(new[key] ?? "unset") (was \(old[key] ?? "unset"))"
            }
        }
    }

    /// Checks that `settings` are those recorded in `run.json` when the run started (folders
    /// without a record of them pass).
    ///
    /// - Throws: ``RunFolderError/changedSettings(path:differences:)`` naming the settings
    ///   file and the fields that differ.
    public func checkUnchanged(_ settings: TaskSettings) throws {
        guard contains(.record), let recorded = try decode(RunRecord.self, from: .record).taskSettings,
            recorded != settings.json
        else { return }
        throw RunFolderError.changedSettings(
            path: url(of: settings.file).path,
            differences: TaskSettings.differences(recorded: recorded, given: settings.json))
    }

    /// The temporary files that an atomic write killed half-way leaves behind
    /// (`.NAME.tmp-PID-RANDOM`).
    public func temporaryFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { AtomicFile.isTemporaryName($0) }.sorted().map { url.appendingPathComponent($0) }
    }

    /// Removes ``temporaryFiles()``. Call it only while holding the folder's lock, so that
    /// no other writer's file in progress is removed.
    ///
    /// - Returns: The files removed.
    @discardableResult
    public func removeTemporaryFiles() throws -> [URL] {
        let files = temporaryFiles()
        for file in files {
            do {
                try FileManager.default.removeItem(at: file)
            } catch {
                throw AtomicFileError.cannotWrite(path: file.path, reason: "cannot remove a leftover temporary file: \(error.localizedDescription)")
            }
        }
        return files
    }
}
