/* tests/bench-parse.c - the floor for make bench: parse CSV files with
 * libcsv and nothing else.
 *
 *   bench-parse FILE...
 *
 * Reads each file (.csv or .csv.gz) through zlib's gzread in 64 KiB chunks,
 * as jembrief's ingest/csvtable.c does, hands the bytes to libcsv and only
 * counts fields and records. Prints "files N records R fields F bytes B"
 * (R includes each file's header record; B is bytes after decompression).
 * Exit status 1 when a file cannot be read.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

enum { CHUNK = 1 << 16 };

struct counts {
	unsigned long long fields, records, bytes;
};

static void on_field(void *s, size_t n, void *data)
{
	(void)s;
	(void)n;
	((struct counts *)data)->fields++;
}

static void on_record(int c, void *data)
{
	(void)c;
	((struct counts *)data)->records++;
}

int main(int argc, char **argv)
{
	static unsigned char chunk[CHUNK];
	struct counts k = {0, 0, 0};
	int status = 0;
	for (int i = 1; i < argc; i++) {
		gzFile gz = gzopen(argv[i], "rb");
		if (!gz) {
			fprintf(stderr, "bench-parse: %s: cannot open\n", argv[i]);
			status = 1;
			continue;
		}
		gzbuffer(gz, CHUNK);
		struct csv_parser p;
		csv_init(&p, CSV_APPEND_NULL);
		int got;
		while ((got = gzread(gz, chunk, CHUNK)) > 0) {
			k.bytes += (unsigned long long)got;
			if (csv_parse(&p, chunk, (size_t)got, on_field, on_record, &k) !=
			    (size_t)got) {
				fprintf(stderr, "bench-parse: %s: %s\n", argv[i],
					csv_strerror(csv_error(&p)));
				status = 1;
				break;
			}
		}
		if (got < 0) {
			fprintf(stderr, "bench-parse: %s: read error\n", argv[i]);
			status = 1;
		}
		csv_fini(&p, on_field, on_record, &k);
		csv_free(&p);
		gzclose(gz);
	}
	printf("files %d records %llu fields %llu bytes %llu\n", argc - 1, k.records,
	       k.fields, k.bytes);
	return status;
}
