/* render/slides/palette.h - the map palettes whose classes lie side by side
 * on a map and in its legend, checked by tests/test_access.c (issue 13):
 *
 * - every class has a contrast of 3:1 or more (WCAG 1.4.11) against the
 *   class most of a map is ("not significant", "no pattern") and against
 *   the white page, so a hot or cold spot stands out wherever it lies;
 * - neighbours in a legend that differ by less than 3:1 (the 99/95/90%
 *   steps of one side cannot all be 3:1 apart: luminance spans 21:1) are
 *   told apart by their label, which every legend entry has.
 *
 * Gi*: ColorBrewer RdBu (11-class) stops, with a near-white "not
 * significant". Emerging patterns: reds and magentas for hot, blues and
 * greens for cold, each of mid or dark luminance. */
#ifndef JB_PALETTE_H
#define JB_PALETTE_H

#include "../../analysis/hotspots.h"
#include "../display/display.h"

/* Gi* classes, hot 99% first (index 3 - cls), as the legends list them. */
extern const struct dl_color palette_gi[JB_HOT_NCLASSES];
extern const char *const palette_gi_label[JB_HOT_NCLASSES];
#define PALETTE_GI_NOT_SIGNIFICANT 3 /* the index of "not significant" */

/* Emerging hot spot classes in legend order, with their colours; the last
 * is JB_EMG_NONE ("no pattern"). */
struct palette_emerging {
	enum jb_emerging cls;
	struct dl_color color;
};
extern const struct palette_emerging palette_emg[JB_EMG_NCLASSES];

#endif
