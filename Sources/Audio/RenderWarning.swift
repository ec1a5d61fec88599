/// Warnings about a MIDI file about to be rendered, one line each (for standard error).
public enum RenderWarning {
    /// That `path` was repaired when read, or `nil` when it was not.
    public static func repairs(_ count: Int, in path: String) -> String? {
        count > 0 ? "warning: \(path): \(count) irregularities repaired (see `seqgan midi inspect \(path)`)" : nil
    }

    /// That the audio of `path` is silent because none of its notes is pitched (a drums-only
    /// file: the instruments do not play MIDI channel 10), or `nil` when some are.
    public static func silence(notes: Int, pitchedNotes: Int, in path: String) -> String? {
        guard pitchedNotes == 0 else { return nil }
        return "warning: \(path): no pitched notes to render"
            + (notes == 0 ? "" : " (its \(notes) notes are all percussion, MIDI channel 10)") + ": the audio is silent"
    }
}
