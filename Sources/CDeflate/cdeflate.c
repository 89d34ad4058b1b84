/* The module is libdeflate's header (include/cdeflate.h); a C target needs one source file. */
#include "cdeflate.h"
