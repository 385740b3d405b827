/* render/tables/tables_context.h - the numbers behind the local context slides,
 * as CSV tables in OUT/<slug>/data/ (see datatables.h), and their columns
 * of summary.csv. Written from the findings' context as it is. */
#ifndef JB_TABLES_CONTEXT_H
#define JB_TABLES_CONTEXT_H

#include <stdio.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* Each table's columns are declared beside it (the *_table, util/csvout.h).
 *
 * exclusion-truancy.csv: permanent exclusions, suspensions, persistent and
 * severe absence; one row per indicator and year: borough, London,
 * England, and the borough's rank in the latest year. */
extern const struct csv_table exclusion_truancy_table;
void table_exclusion_truancy(FILE *out, const struct jb_findings *f, int area);
/* youth-spend.csv: spending on services for young people and on youth
 * justice, per year: the borough's spend, per resident aged 10-17, London's
 * per resident and how many boroughs it covers, the borough's rank. */
extern const struct csv_table youth_spend_table;
void table_youth_spend(FILE *out, const struct jb_findings *f, int area);
/* youth-services.csv: the borough's services, numbered as on the map. */
extern const struct csv_table youth_services_table;
void table_youth_services(FILE *out, const struct jb_findings *f, int area);
/* youth-justice.csv: first-time entrants, reoffending and youth justice
 * spend per resident 10-17, latest year, for the borough, its similar
 * boroughs, London and England (long: one row per indicator and area). */
extern const struct csv_table youth_justice_table;
void table_youth_justice(FILE *out, const struct jb_findings *f, int area);
/* offender-management.csv: the latest period's rows, as supplied. */
extern const struct csv_table offender_table;
void table_offender_management(FILE *out, const struct jb_findings *f, int area);
/* actions.csv: the action log in review order; actions-since-meeting.csv:
 * the headline figures then and now. */
extern const struct csv_table actions_table, actions_since_table;
void table_actions(FILE *out, const struct jb_findings *f, int area);
void table_actions_since_meeting(FILE *out, const struct jb_findings *f, int area);

/* summary.csv's last columns (declared in summary_context_table) and one
 * area's values of them (area 0..31 or JB_LONDON), ending the row. */
extern const struct csv_table summary_context_table;
void summary_context_row(FILE *out, const struct jb_findings *f, int area);

#endif
