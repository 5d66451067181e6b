#ifndef FOLIO_CMARK_GFM_SHIM_H
#define FOLIO_CMARK_GFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
