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
/* population/ */
int jb_read_population(struct jb_dataset *ds, const char *path, const char *rel);
/* deprivation/ */
int jb_read_deprivation(struct jb_dataset *ds, const char *path, const char *rel);
/* boundaries/: GeoJSON (WGS84) or ESRI shapefile (.shp + .dbf, BNG or WGS84
 * per its .prj); borough or LSOA features told apart by their attributes. */
int jb_read_boundaries(struct jb_dataset *ds, const char *path, const char *rel);

#endif
