#include "cmalloc.h"

int cmalloc_set(int parameter, int value) {
    return mallopt(parameter, value);
}
