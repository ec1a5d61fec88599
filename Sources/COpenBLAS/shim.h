// OpenBLAS's CBLAS interface (Debian: libopenblas-dev, pkg-config `openblas`).
#pragma once
#include <cblas.h>
