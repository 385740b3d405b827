/* render/slides/slides_context.h - the local context slides, laid out from the
 * findings' context (analysis/context.h) with the charts of chart.h.
 *
 * Template conventions (templates/serious-youth-violence.conf): each of
 * these slides takes its chart captions from its 'bullets', in order:
 *   exclusion-truancy  [0..3] the panels: permanent exclusions, suspensions,
 *                      persistent absence, severe persistent absence
 *   youth-services     [0] the spend chart, [1] the services map,
 *                      [2] the warning shown when the services are marked
 *                      ILLUSTRATIVE
 *   youth-justice      [0..3] the panels: first-time entrants, reoffending,
 *                      reoffending 15-17, youth justice spend; [4] adult
 *                      offender management; [5] its ILLUSTRATIVE warning
 *   actions            [0] the warning shown when the log is illustrative;
 *                      its 'tiles' show the change since the last meeting
 * A missing caption is left out; a missing input says "No data supplied".
 */
#ifndef JB_SLIDES_CONTEXT_H
#define JB_SLIDES_CONTEXT_H

#include "../deck.h"

void layout_exclusion_truancy(struct dl_page *p, const struct slide_ctx *c);
void layout_youth_services(struct dl_page *p, const struct slide_ctx *c);
void layout_youth_justice(struct dl_page *p, const struct slide_ctx *c);
void layout_actions(struct dl_page *p, const struct slide_ctx *c);

/* What each lacks for area (struct slide_kind's missing); NULL for the
 * London overview. */
const char *missing_exclusion_truancy(const struct jb_findings *f, int area);
const char *missing_youth_services(const struct jb_findings *f, int area);
const char *missing_youth_justice(const struct jb_findings *f, int area);
const char *missing_actions(const struct jb_findings *f, int area);

#endif
