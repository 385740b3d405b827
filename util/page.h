/* util/page.h - the deck's page, shared by the stages that must agree on
 * it: render/ lays slides out on it; ingest/ prepares boundaries for
 * drawing at its resolution (ingest/drawing.c). */
#ifndef JB_PAGE_H
#define JB_PAGE_H

/* 16:9 slides, in PDF points */
#define JB_PAGE_W_PT 960.0
#define JB_PAGE_H_PT 540.0
/* The finest detail a map keeps: half a point on the page, about a
 * hairline, well below what a reader sees on screen or paper. */
#define JB_DRAW_RESOLUTION_PT 0.5

#endif
