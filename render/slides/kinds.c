/* render/slides/kinds.c - the table of slide kinds (see kinds.h). */
#include "kinds.h"

#include <string.h>

#include "../tables/datatables_hotspots.h"
#include "../tables/tables_context.h"
#include "../tables/tables_drivers.h"
#include "../tables/tables_public.h"
#include "../tables/tables_wards.h"
#include "fill_context.h"
#include "fill_drivers.h"
#include "fill_hotspots.h"
#include "fill_public.h"
#include "slides_analyst.h"
#include "slides_group.h"
#include "slides_context.h"
#include "slides_core.h"
#include "slides_drivers.h"
#include "slides_hotspots.h"
#include "slides_london.h"
#include "slides_public.h"
#include "slides_wards.h"

/* A kind's data tables, ended by {NULL}. */
#define TABLES(...) ((const struct datatable[]){__VA_ARGS__, {NULL, NULL, NULL, 0}})
#define DECK DATATABLE_PER_DECK
#define LONDON DATATABLE_LONDON_WIDE

/* Each row: name, outline, layout, missing, tables, placeholders, flags
 * (struct slide_kind). In the order their data tables are written (data/
 * and data-dictionary.csv list them so) and their placeholders looked up:
 * a name two groups share ({hot_count}, {street_period}) reads the first
 * group's. */
const struct slide_kind slide_kinds[] = {
	{"title", "Title", layout_title, NULL, NULL, NULL, KIND_COVER | KIND_NOT_LISTED | KIND_GROUP},
	{"contents", "Contents", layout_contents, NULL, NULL, NULL, KIND_NOT_LISTED | KIND_GROUP},
	{"key-figures", "Key figures", layout_key_figures, missing_key_figures, NULL, NULL, KIND_GROUP},
	{"trend", "Crime trend", layout_trend, missing_trend,
	 TABLES({&trend_table, datatable_trend, NULL, DECK}), NULL, KIND_GROUP},
	{"comparison", "Comparison with London", layout_comparison, missing_comparison,
	 TABLES({&comparison_table, datatable_comparison, NULL, DECK}), NULL, 0},
	{"lsoa-map", "Neighbourhood map", layout_lsoa_map, missing_lsoa_map,
	 TABLES({&lsoa_counts_table, datatable_lsoa_counts, NULL, DECK}), NULL, 0},
	{"hotspot-map", "Hot spots", layout_hotspot_map, missing_hotspots,
	 TABLES({&hotspots_lsoa_table, datatable_hotspots_lsoa, NULL, LONDON}),
	 &fill_hotspot_keys, 0},
	{"hotspot-persistence", "Hot spot persistence", layout_hotspot_persistence,
	 missing_hotspots,
	 TABLES({&emerging_lsoa_table, datatable_emerging_lsoa, NULL, LONDON},
		{&emerging_steps_table, datatable_emerging_steps, NULL, LONDON}),
	 &fill_hotspot_keys, 0},
	{"street-density", "Street-level density", layout_street_density, missing_street_density,
	 TABLES({&hotspots_grid_table, datatable_hotspots_grid, datatable_hotspots_have_street,
		 DECK},
		{&street_top_table, datatable_street_top_locations,
		 datatable_hotspots_have_street, DECK}),
	 &fill_hotspot_keys, 0},
	{"profile", "Borough profile and deprivation", layout_profile, missing_profile,
	 TABLES({&drivers_deciles_table, drivers_table_deciles, NULL, DECK},
		{&drivers_imd_table, drivers_table_imd, NULL, DECK}),
	 &fill_drivers_keys, 0},
	{"drivers", "Drivers of crime", layout_drivers, missing_drivers,
	 TABLES({&drivers_correlations_table, drivers_table_correlations, NULL, DECK},
		{&drivers_lsoa_table, drivers_table_lsoa, NULL, DECK},
		{&drivers_curves_table, drivers_table_curves, NULL, DECK}),
	 &fill_drivers_keys, 0},
	{"attrition", "Attrition and outcomes", layout_attrition, missing_attrition,
	 TABLES({&drivers_stages_table, drivers_table_stages, NULL, DECK},
		{&drivers_funnel_table, drivers_table_funnel, NULL, DECK},
		{&drivers_po_table, drivers_table_positive_outcomes, NULL, DECK}),
	 &fill_drivers_keys, 0},
	{"exclusion-truancy", "Exclusion and truancy", layout_exclusion_truancy,
	 missing_exclusion_truancy,
	 TABLES({&exclusion_truancy_table, table_exclusion_truancy, NULL, DECK}),
	 &fill_context_keys, 0},
	{"youth-services", "Youth services", layout_youth_services, missing_youth_services,
	 TABLES({&youth_spend_table, table_youth_spend, NULL, DECK},
		{&youth_services_table, table_youth_services, NULL, DECK}),
	 &fill_context_keys, 0},
	{"youth-justice", "Offender management and youth justice", layout_youth_justice,
	 missing_youth_justice,
	 TABLES({&youth_justice_table, table_youth_justice, NULL, DECK},
		{&offender_table, table_offender_management, NULL, DECK}),
	 &fill_context_keys, 0},
	{"actions", "Actions since the last meeting", layout_actions, missing_actions,
	 TABLES({&actions_table, table_actions, NULL, DECK},
		{&actions_since_table, table_actions_since_meeting, NULL, DECK}),
	 &fill_context_keys, 0},
	{"confidence", "Public confidence", layout_confidence, missing_confidence,
	 TABLES({&confidence_table, table_confidence, NULL, DECK}), &fill_public_keys, 0},
	{"homicide", "Homicide victims", layout_homicide, missing_homicide,
	 TABLES({&homicide_table, table_homicide, NULL, DECK}), &fill_public_keys,
	 KIND_HOMICIDE},
	{"wards", "Wards", layout_wards, missing_wards,
	 TABLES({&wards_table, table_wards, NULL, DECK}), &fill_wards_keys, KIND_GROUP},
	{"sources", "Sources, methods and data quality", layout_sources, NULL, NULL, NULL, KIND_GROUP},
	{"key-findings", "Key findings", layout_key_findings, NULL, NULL, NULL, KIND_NEEDS_RULES | KIND_GROUP},
	{"group-members", "The group's boroughs", layout_group_members, NULL,
	 TABLES({&group_members_table, table_group_members, NULL, DECK}), NULL,
	 KIND_GROUP | KIND_GROUP_ONLY},
	/* the analyst's own, in any deck */
	{"text", "Notes", layout_text, NULL, NULL, NULL, KIND_GROUP},
	{"image", "Picture", layout_image, NULL, NULL, NULL, KIND_IMAGE | KIND_GROUP},
	{"section", "Section", layout_section, NULL, NULL, NULL, KIND_COVER | KIND_GROUP},
	{"commentary", "Commentary from the analyst", layout_commentary, NULL, NULL, NULL,
	 KIND_COMMENTARY},
	/* the London overview's */
	{"pan-london", "Pan-London issues", slide_pan_london, NULL, NULL, NULL, 0},
	{"borough-table", "The 32 boroughs side by side", slide_borough_table, NULL, NULL, NULL,
	 0},
	{"borough-map", "Map of the boroughs", slide_borough_map, NULL, NULL, NULL, 0},
	{"borough-context", "The boroughs' context side by side", slide_borough_context, NULL,
	 NULL, NULL, 0},
};
const size_t slide_nkinds = sizeof slide_kinds / sizeof slide_kinds[0];

const struct slide_kind *slide_kind_by_name(const char *name)
{
	for (size_t k = 0; k < slide_nkinds; k++)
		if (strcmp(slide_kinds[k].name, name) == 0)
			return &slide_kinds[k];
	return NULL;
}

/* The tables of the kinds having every flag of need and none of refuse. */
static void kinds_datatables(struct datatable_set *s, unsigned need, unsigned refuse)
{
	s->n = 0;
	for (size_t k = 0; k < slide_nkinds; k++) {
		unsigned fl = slide_kinds[k].flags;
		for (const struct datatable *t = slide_kinds[k].tables; t && t->def; t++)
			if (s->n < DATATABLES_MAX && (fl & need) == need && !(fl & refuse))
				s->v[s->n++] = t;
	}
}

void slide_kinds_datatables(struct datatable_set *s)
{
	kinds_datatables(s, 0, 0);
}

void slide_kinds_deck_datatables(struct datatable_set *s, int area)
{
	if (area == JB_GROUP)
		kinds_datatables(s, KIND_GROUP, 0);
	else
		kinds_datatables(s, 0, KIND_GROUP_ONLY);
}
