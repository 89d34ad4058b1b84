#include "cdeflate.h"

const char *cdeflate_version(void) {
    return LIBDEFLATE_VERSION_STRING;
}
