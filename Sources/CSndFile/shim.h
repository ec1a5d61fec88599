// libsndfile (Debian: libsndfile1-dev, pkg-config `sndfile`).
#pragma once
#include <sndfile.h>
