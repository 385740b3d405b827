/* render/slides/fill_context.h - template placeholders of the local context
 * slides (exclusion and truancy, youth services, youth justice, actions),
 * listed in the keys[] table of render/slides/fill.c, and the formats those
 * slides share. Formatting only: every value is read from the findings'
 * context (analysis/context.h) as it is. */
#ifndef JB_FILL_CONTEXT_H
#define JB_FILL_CONTEXT_H

#include <stddef.h>

#include "../../analysis/context.h"
#include "fill.h"

/* A LAIT value with the dictionary's decimals (when it gives none: 0 for
 * values of 100 or more, else 1); "–" for NAN. */
void fmt_lait(const struct jb_lait_series *s, double v, char *buf, size_t n);
/* Pounds, whole: "£205". */
void fmt_pounds(double v, char *buf, size_t n);
/* A date yyyymmdd as "15 September 2025" (longform) or "15 Sep 2025". */
void fmt_ymd(int ymd, int longform, char *buf, size_t n);

/* The placeholder functions (see the keys[] table in fill.c for names). */
#define FILL_CTX_FN(name) \
	void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
#define FILL_CTX_SLOT(p)                                                            \
	FILL_CTX_FN(fc_##p##_title); FILL_CTX_FN(fc_##p##_units);                  \
	FILL_CTX_FN(fc_##p##_value); FILL_CTX_FN(fc_##p##_london);                 \
	FILL_CTX_FN(fc_##p##_england); FILL_CTX_FN(fc_##p##_year);                 \
	FILL_CTX_FN(fc_##p##_rank); FILL_CTX_FN(fc_##p##_worse)
FILL_CTX_SLOT(permex);
FILL_CTX_SLOT(susp);
FILL_CTX_SLOT(pa);
FILL_CTX_SLOT(spa);
FILL_CTX_SLOT(fte);
FILL_CTX_SLOT(reoff);
FILL_CTX_SLOT(reoff1517);
#undef FILL_CTX_SLOT
#define FILL_CTX_SPEND(p)                                                           \
	FILL_CTX_FN(fc_##p##_value); FILL_CTX_FN(fc_##p##_london);                 \
	FILL_CTX_FN(fc_##p##_year); FILL_CTX_FN(fc_##p##_rank)
FILL_CTX_SPEND(ypspend);
FILL_CTX_SPEND(yjspend);
#undef FILL_CTX_SPEND
FILL_CTX_FN(fc_services_count);
FILL_CTX_FN(fc_services_sessions);
FILL_CTX_FN(fc_hot_count);
FILL_CTX_FN(fc_hot_near);
FILL_CTX_FN(fc_hot_share);
FILL_CTX_FN(fc_reach_summary);
FILL_CTX_FN(fc_service_reach);
FILL_CTX_FN(fc_actions_count);
FILL_CTX_FN(fc_actions_overdue);
FILL_CTX_FN(fc_actions_complete);
FILL_CTX_FN(fc_actions_on_track);
FILL_CTX_FN(fc_actions_delayed);
FILL_CTX_FN(fc_actions_not_started);
FILL_CTX_FN(fc_last_meeting);
FILL_CTX_FN(fc_meeting_period);
FILL_CTX_FN(fc_meeting_count);
FILL_CTX_FN(fc_meeting_rate);
FILL_CTX_FN(fc_since_meeting_pct);
FILL_CTX_FN(fc_since_meeting_summary);
FILL_CTX_FN(fc_since_meeting_why);
FILL_CTX_FN(fc_london_since_meeting_pct);
FILL_CTX_FN(fc_om_period);

#endif
