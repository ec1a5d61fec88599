// ALSA's PCM API (Debian: libasound2-dev, pkg-config `alsa`).
#pragma once
#include <alsa/asoundlib.h>
