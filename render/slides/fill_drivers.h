/* render/slides/fill_drivers.h - the template placeholders of the profile, drivers
 * and attrition slides (their group, for the slide kinds in render/slides/kinds.c). Each
 * formats a number the findings hold (analysis/drivers.h) with fill.h's
 * formats; "–" when it is not available. */
#ifndef JB_FILL_DRIVERS_H
#define JB_FILL_DRIVERS_H

#include <stddef.h>

#include "fill.h"

extern const struct fill_group fill_drivers_keys;

#endif
