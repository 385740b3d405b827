/* analysis/keyfindings.h - which findings are key, by rules (DESIGN §5).
 *
 * Analysis decides which rules hold for an area and how much each matters;
 * the template gives each rule its sentence (with placeholders), so the
 * words stay editable and every number in them comes from the findings.
 */
#ifndef JB_KEYFINDINGS_H
#define JB_KEYFINDINGS_H

#include <stddef.h>
#include <stdio.h>

enum jb_rule {
	RULE_CHANGE_SIGNIFICANT,   /* last 12 vs previous 12, p < 0.05 */
	RULE_CHANGE_EXCEPTIONAL,   /* |Wheeler's Z| > 3 */
	RULE_CHANGE_NOT_SIGNIFICANT,
	RULE_TREND_SIGNIFICANT,    /* trend CI excludes 0 */
	RULE_TREND_FLAT,
	RULE_TREND_EXCEPTIONS,     /* months outside the trend's range */
	RULE_RATE_HIGH,            /* rate rank in the top 5 of the 32 */
	RULE_RATE_LOW,             /* rate rank in the bottom 5 */
	RULE_RATE_ABOVE_LONDON,
	RULE_RATE_BELOW_LONDON,
	RULE_RISE_RANK,            /* a significant rise, among the 5 largest */
	RULE_FALL_RANK,            /* a significant fall, among the 5 largest */
	RULE_CONCENTRATED,         /* top 5 LSOAs hold >= 15% of the borough's offences */
	RULE_DASH_RISE,            /* first dashboard measure rose by >= 10%, p < 0.05 */
	RULE_DASH_FALL,            /* ... fell by >= 10%, p < 0.05 */
	RULE_HOTSPOTS,             /* LSOA hot spots significant after FDR at 95% */
	RULE_PERSISTENT_HOTSPOTS,  /* persistent or intensifying hot spots */
	RULE_EXCLUSIONS_HIGH,      /* permanent exclusions among the 3 worst of 32 */
	RULE_FTE_HIGH,             /* youth justice first-time entrants among the 3 worst */
	RULE_HOMICIDE_HIGH,        /* homicide victims per resident, last 5 years, top 5 of 32
				    * (themes that count homicide) */
	RULE_YOUTH_HOMICIDE_HIGH,  /* victims aged 13-24 per resident aged 10-24, the same */
	RULE_CONFIDENCE_LOW,       /* "Good Job" local among the 5 lowest of the 32 */
	JB_NRULES
};
extern const char *const jb_rule_names[JB_NRULES]; /* "change-significant" ... */

#define JB_MAX_KEY 8

struct jb_key_findings {
	size_t n;
	enum jb_rule rule[JB_NRULES]; /* the rules that hold, most important first */
	double weight[JB_NRULES];     /* importance used for the order */
	unsigned long holds;          /* bit (1ul << rule) for each rule that holds */
	double top5_share;            /* % of LSOA offences in the top 5 LSOAs */
};

struct jb_findings;
/* The rules for every area of f (fills f->area[a].key). */
void jb_key_findings(struct jb_findings *f);
int jb_rule_by_name(const char *name); /* -1 when unknown */
void jb_key_findings_dump(const struct jb_key_findings *k, FILE *out);
/* Its row among the parts of the findings (f->area[].key). */
struct jb_part;
extern const struct jb_part jb_keyfindings_part;

#endif
