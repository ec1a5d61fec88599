/// What happens to a sequence longer than the model's length T.
public enum OverflowPolicy: Codable, Sendable, Equatable {
    /// Keep the first T tokens (the end token is lost).
    case cut
    /// Windows of T tokens every `stride` tokens, plus a last window ending with the end token
    /// when the stride does not land there; all windows are whole.
    case windows(stride: Int)
}
