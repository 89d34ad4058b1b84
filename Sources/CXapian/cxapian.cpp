#include "cxapian.h"
#include <xapian.h>

extern "C" const char *cx_version(void) {
    return Xapian::version_string();
}
