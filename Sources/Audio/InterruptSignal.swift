import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set from the SIGINT handler, read between periods of playback.
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C as a flag: after `install()`, the first SIGINT sets `isRequested` instead of
/// killing the process (a second one kills it as usual), so that playback can stop cleanly.
///
/// The handler only stores into an atomic, which is async-signal-safe. It is installed
/// without `SA_RESTART`, so a blocking device write returns early when Ctrl-C arrives.
public enum InterruptSignal {
    /// Installs the SIGINT handler and clears the flag.
    public static func install() {
        interruptRequested.store(false, ordering: .relaxed)
        #if os(Linux)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                interruptRequested.store(true, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(SIGINT, &action, nil)
        #else
            signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        #endif
    }

    /// Whether Ctrl-C has been pressed since `install()`.
    public static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }
}
