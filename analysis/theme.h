/* analysis/theme.h - what a theme counts. Filled from the theme's template
 * file (template_load.c) and read by analysis/. Plain data; the template
 * owns the strings. */
#ifndef JB_THEME_H
#define JB_THEME_H

#include <stddef.h>

#include "../ingest/dataset.h" /* JB_NBOROUGHS */

struct jb_theme_cat {
	char *major; /* MPS major category, as published (case ignored) */
	char *minor; /* MPS minor category; NULL = every minor of the major */
};

struct jb_theme {
	char *id;    /* "serious-youth-violence" */
	char *title; /* "Serious youth violence" */
	char *note;  /* what the theme counts and why, for the title slide; may be NULL */
	struct jb_theme_cat *mps;
	size_t nmps;
	char **street_types; /* data.police.uk crime types */
	size_t nstreet;
	char **dash_subtypes; /* MPS dashboard crime_subtype values shown too */
	size_t ndash;
	int trend_months;    /* months in the trend window (default 36) */
	double grid_m;       /* cell of the street-level hot spot grid, metres (default 250) */
	int homicide;        /* the theme counts homicide victims (homicide slide, tile, rules) */
	/* Boroughs the analyst chose to compare with (the template's
	 * compare = [...], or --compare), as borough indices 0..31, at most
	 * the 32 once each; compare_instead: used instead of each borough's five most
	 * similar, else beside them. A deck never compares a borough with
	 * itself. */
	int compare[JB_NBOROUGHS];
	int ncompare;
	int compare_instead;
};

#endif
