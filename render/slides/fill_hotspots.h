/* render/slides/fill_hotspots.h - the template placeholders of the hot spot
 * and street-level density slides: their group, for the slide kinds
 * (render/slides/kinds.c). Formatting only: every value is read from the
 * findings' hot spots (analysis/hotspots.h) as it is. */
#ifndef JB_FILL_HOTSPOTS_H
#define JB_FILL_HOTSPOTS_H

#include "fill.h"

extern const struct fill_group fill_hotspot_keys;

#endif
