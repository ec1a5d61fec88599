// ALSA's PCM API (Debian: libasound2-dev, pkg-config `alsa`).
#pragma once
#include <alsa/asoundlib.h>

/// An ALSA error handler that prints nothing. `snd_lib_error_handler_t` is a variadic
/// callback, which Swift can neither write nor pass, so it lives here.
static void seqgan_alsa_silent_error_handler(
    const char *file, int line, const char *function, int err, const char *fmt, ...)
    __attribute__((unused));
static void seqgan_alsa_silent_error_handler(
    const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// Installs the silent handler, so that a failing `snd_pcm_open` (for instance on a machine
/// with no sound card) does not print a wall of "ALSA lib ..." lines on stderr.
/// Returns 0 on success or a negative error code (`snd_lib_error_set_handler`).
static inline int seqgan_alsa_silence_library_errors(void) {
    return snd_lib_error_set_handler(seqgan_alsa_silent_error_handler);
}
