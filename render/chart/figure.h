/* render/chart/figure.h - every chart is one figure of the slide's structure
 * (display.h, dl_tag_begin): its public function draws through NAME_draw
 * inside a DL_ROLE_FIGURE element, whose alternative text the slide sets.
 * Private to render/chart/. */
#ifndef JB_CHART_FIGURE_H
#define JB_CHART_FIGURE_H

#include "../display/display.h"

#define CHART_AS_FIGURE(name, type)                                                   \
	void chart_##name(struct dl_page *p, struct chart_box b, const type *c)        \
	{                                                                              \
		size_t span = dl_span_begin(p, DL_SPAN_FIGURE, b.x, b.y, b.w, b.h);    \
		dl_tag_begin(p, DL_ROLE_FIGURE);                                       \
		name##_draw(p, b, c);                                                  \
		dl_tag_end(p);                                                         \
		dl_span_end(p, span);                                                  \
	}

#endif
