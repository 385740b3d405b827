/* ingest/readers.h - the readers jb_dataset_load() dispatches to.
 * Internal to ingest/.
 *
 * Each reader takes the dataset, the file's full path and the path shown to
 * users (relative to the data directory). It registers a jb_source, reads
 * the file, rejects bad rows with jb_reject() and keeps everything else.
 * Return 0 when the file was used (possibly with rejected rows), -1 when it
 * could not be used at all (unreadable, a required column missing): the
 * message has been printed and the source recorded with that reason.
 */
#ifndef JB_READERS_H
#define JB_READERS_H

#include "dataset.h"

/* crime/ */
int jb_read_mps_crime(struct jb_dataset *ds, const char *path, const char *rel);
int jb_read_street(struct jb_dataset *ds, const char *path, const char *rel);
int jb_read_dashboard(struct jb_dataset *ds, const char *path, const char *rel);
int jb_read_homicide(struct jb_dataset *ds, const char *path, const char *rel);
/* Street files at Met scale (street.c, whose comment says how): a reader
 * shared by the street files of one load, made once the boundaries are
 * read (caller frees, NULL safe); parts read from files, possibly in
 * several threads at once; merged into the dataset one by one, in path
 * order, by the thread that owns the dataset. */
struct jb_proj;
struct jb_street_reader;
struct jb_street_part;
/* types/ntypes: the crime types to keep (see jb_load_options), NULL all. */
struct jb_street_reader *jb_street_reader_new(struct jb_dataset *ds, const char *const *types,
					      size_t ntypes);
void jb_street_reader_free(struct jb_street_reader *r);
/* No outcomes file is to be read: the points' Crime IDs, kept for them
 * (40 bytes a point, more than the point), are not kept. Before any file
 * is read. */
void jb_street_reader_no_ids(struct jb_street_reader *r);
/* Read the file at path into a new part (caller passes it to
 * jb_street_merge() or frees it with jb_street_part_free(), NULL safe).
 * Reads nothing of the dataset but its LSOA registry and shapes and
 * changes nothing, so threads may call it at once, each with its own proj
 * (NULL when it could not be made), while nothing changes the LSOAs. */
struct jb_street_part *jb_street_read_part(const struct jb_street_reader *r,
					   struct jb_proj *proj, const char *path,
					   const char *rel);
void jb_street_part_free(struct jb_street_part *part);
/* Add the file at path to the dataset as jb_read_street() would, from part
 * when it has one (taken and freed), else by reading it now. Returns what
 * jb_read_street() returns. */
int jb_street_merge(struct jb_street_reader *r, struct jb_street_part *part,
		    const char *path, const char *rel);
/* confidence/: the MOPAC Public Attitudes Survey dashboard export */
int jb_read_pas(struct jb_dataset *ds, const char *path, const char *rel);
/* data.police.uk outcomes files (outcomes.c), joined to the street points
 * by Crime ID: the 64 hex digits of data.police.uk's IDs, as bytes. */
#define JB_CRIME_ID_BYTES 32
struct jb_crime_key {
	unsigned char id[JB_CRIME_ID_BYTES];
	size_t point; /* index into the street points */
};
/* 0 when s is a data.police.uk Crime ID (64 hex digits), stored into id. */
int jb_crime_id_parse(const char *s, unsigned char id[JB_CRIME_ID_BYTES]);
/* Order of keys: by ID, then point. */
int jb_crime_key_cmp(const void *a, const void *b);
/* The keys of every point merged so far through r, sorted (owned by r). */
const struct jb_crime_key *jb_street_keys(struct jb_street_reader *r, size_t *n);
/* Index of an outcome string in the dataset's street outcomes (added when
 * new); -1 when the table is full. */
int jb_street_outcome(struct jb_street_reader *r, const char *outcome);
/* The join of one load: every outcomes file is read, in path order, after
 * every street file is merged through r. Each street point with a Crime
 * ID gets the latest outcome recorded for it: latest by outcome Month,
 * ties to the later record (later file, later line). Caller frees (NULL
 * safe). */
struct jb_outcomes;
struct jb_outcomes *jb_outcomes_new(struct jb_dataset *ds, struct jb_street_reader *r);
/* Gives each point its ID's latest outcome, once every file is read. */
void jb_outcomes_finish(struct jb_outcomes *o);
void jb_outcomes_free(struct jb_outcomes *o);
/* Read the outcomes file at path into src, registered by the caller (in
 * path order, among the other crime/ files). Returns as a reader does. */
int jb_read_outcomes(struct jb_outcomes *o, struct jb_source *src, const char *path);

/* population/ */
int jb_read_population(struct jb_dataset *ds, const char *path, const char *rel);
/* deprivation/ */
int jb_read_deprivation(struct jb_dataset *ds, const char *path, const char *rel);
/* boundaries/: GeoJSON (WGS84) or ESRI shapefile (.shp + .dbf, BNG or WGS84
 * per its .prj); borough or LSOA features told apart by their attributes.
 * One LSOA vintage is used, so the files of a folder are read as one set:
 * jb_boundaries_begin(), jb_boundaries_read() for each file, then
 * jb_boundaries_end(), which keeps the LSOAs of one vintage (2021 when
 * some file has it, else the latest) and sets the others aside with the
 * reason, and frees the set. jb_read_boundaries() reads one file as a set
 * of its own. */
struct jb_boundaries;
struct jb_boundaries *jb_boundaries_begin(struct jb_dataset *ds);
int jb_boundaries_read(struct jb_boundaries *set, const char *path, const char *rel);
void jb_boundaries_end(struct jb_boundaries *set);
int jb_read_boundaries(struct jb_dataset *ds, const char *path, const char *rel);

#endif
