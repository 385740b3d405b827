/* ingest/image.c - PNG and JPEG pictures decoded to RGB (see image.h). */
#include "image.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <jpeglib.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

static int too_large(int w, int h, char *why, size_t n)
{
	if (w > 0 && h > 0 && w <= JB_IMAGE_MAX_SIDE && h <= JB_IMAGE_MAX_SIDE)
		return 0;
	snprintf(why, n, "it is %d by %d pixels, more than the %d a side read", w, h,
		 JB_IMAGE_MAX_SIDE);
	return 1;
}

static int read_png(const char *path, struct jb_image *img, char *why, size_t n)
{
	png_image pi;
	memset(&pi, 0, sizeof pi);
	pi.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&pi, path)) {
		snprintf(why, n, "it is not a PNG libpng can read (%s)", pi.message);
		png_image_free(&pi);
		return -1;
	}
	if (too_large((int)pi.width, (int)pi.height, why, n)) {
		png_image_free(&pi);
		return -1;
	}
	pi.format = PNG_FORMAT_RGB;
	unsigned char *rgb = xmalloc(PNG_IMAGE_SIZE(pi));
	png_color white = {255, 255, 255};
	if (!png_image_finish_read(&pi, &white, rgb, 0, NULL)) {
		snprintf(why, n, "it is a damaged PNG (%s)", pi.message);
		png_image_free(&pi);
		free(rgb);
		return -1;
	}
	img->w = (int)pi.width;
	img->h = (int)pi.height;
	img->rgb = rgb;
	return 0;
}

/* libjpeg reports errors by calling error_exit, which must not return. */
struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
};

static void jpeg_fail_exit(j_common_ptr c)
{
	longjmp(((struct jpeg_fail *)(void *)c->err)->jump, 1);
}

/* Warnings are counted (num_warnings), not printed: the run says what is
 * wrong with the picture in its own words. */
static void jpeg_quiet(j_common_ptr c)
{
	(void)c;
}

static int read_jpeg(FILE *in, struct jb_image *img, char *why, size_t n)
{
	struct jpeg_decompress_struct d;
	struct jpeg_fail err;
	/* volatile: kept across the longjmp of a decoding error */
	unsigned char *volatile rgb = NULL;
	d.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail_exit;
	err.mgr.output_message = jpeg_quiet;
	if (setjmp(err.jump)) {
		char msg[JMSG_LENGTH_MAX];
		err.mgr.format_message((j_common_ptr)&d, msg);
		snprintf(why, n, "it is a damaged JPEG (%s)", msg);
		jpeg_destroy_decompress(&d);
		free(rgb);
		return -1;
	}
	jpeg_create_decompress(&d);
	jpeg_stdio_src(&d, in);
	jpeg_read_header(&d, TRUE);
	d.out_color_space = JCS_RGB;
	if (too_large((int)d.image_width, (int)d.image_height, why, n)) {
		jpeg_destroy_decompress(&d);
		return -1;
	}
	jpeg_start_decompress(&d);
	size_t stride = (size_t)d.output_width * 3;
	rgb = xmalloc(stride * d.output_height);
	while (d.output_scanline < d.output_height) {
		JSAMPROW row = rgb + stride * d.output_scanline;
		jpeg_read_scanlines(&d, &row, 1);
	}
	jpeg_finish_decompress(&d);
	/* libjpeg fills a file cut short with grey and only warns: refuse it */
	if (err.mgr.num_warnings) {
		snprintf(why, n, "it is a JPEG cut short or damaged");
		jpeg_destroy_decompress(&d);
		free(rgb);
		return -1;
	}
	img->w = (int)d.output_width;
	img->h = (int)d.output_height;
	img->rgb = rgb;
	jpeg_destroy_decompress(&d);
	return 0;
}

int jb_image_read(const char *path, struct jb_image *img, char *why, size_t n)
{
	memset(img, 0, sizeof *img);
	FILE *in = fopen(path, "rb");
	if (!in) {
		snprintf(why, n, "%s", errno == ENOENT ? "there is no such file in the data directory"
							: strerror(errno));
		return -1;
	}
	unsigned char magic[8] = {0};
	size_t got = fread(magic, 1, sizeof magic, in);
	int rc;
	if (got == sizeof magic && png_sig_cmp(magic, 0, sizeof magic) == 0) {
		fclose(in);
		return read_png(path, img, why, n);
	}
	if (got >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
		rewind(in);
		rc = read_jpeg(in, img, why, n);
	} else {
		snprintf(why, n, "it is neither a PNG nor a JPEG");
		rc = -1;
	}
	fclose(in);
	return rc;
}

void jb_image_free(struct jb_image *img)
{
	if (!img)
		return;
	free(img->rgb);
	img->rgb = NULL;
}
