#ifndef FOLIO_SQLITE_SHIM_H
#define FOLIO_SQLITE_SHIM_H
#include <sqlite3.h>
#endif
