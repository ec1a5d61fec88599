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
/// SIGINT is unblocked in the calling thread (and so in threads it starts later): a process
/// started from a thread that blocks it, as test runners' worker threads do, inherits the block.
public enum InterruptSignal {
    /// Installs the SIGINT handler, unblocks SIGINT and clears the flag.
    public static func install() {
        interruptRequested.store(false, ordering: .relaxed)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
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
