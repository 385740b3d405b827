/* render/display/protect.c - AES-256 encryption of a finished PDF through
 * libqpdf's C API; see protect.h. */
#include "protect.h"

#include <nettle/sha2.h>
#include <qpdf/qpdf-c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "font.h"
#include "protect_random.h"

/* Whether s is UTF-8 throughout (what R6 passwords are). */
static int is_utf8(const char *s)
{
	while (*s) {
		uint32_t cp;
		size_t k = font_utf8_next(s, &cp);
		if (cp == 0xFFFD && k == 1) /* a real U+FFFD takes 3 bytes */
			return 0;
		s += k;
	}
	return 1;
}

static const char *one_password_problem(const char *pw, const char *which)
{
	static char msg[160];
	if (strlen(pw) > PDF_PASSWORD_MAX)
		snprintf(msg, sizeof msg,
			 "the %s password is longer than %d bytes, the most PDF's AES-256 "
			 "encryption uses", which, PDF_PASSWORD_MAX);
	else if (!is_utf8(pw))
		snprintf(msg, sizeof msg, "the %s password is not UTF-8 text", which);
	else
		return NULL;
	return msg;
}

const char *pdf_password_problem(const struct pdf_options *opt)
{
	const char *user = opt->user_password ? opt->user_password : "";
	if (!opt->owner_password || !*opt->owner_password)
		return "the owner password is empty";
	const char *bad = one_password_problem(opt->owner_password, "owner");
	if (!bad)
		bad = one_password_problem(user, "user");
	if (!bad && strcmp(user, opt->owner_password) == 0)
		bad = "the user password must differ from the owner password";
	return bad;
}

/* SHA-256 of everything the encrypted bytes depend on, each field with its
 * length, so no two different inputs run together alike. */
static void seed_of(const unsigned char *in, size_t len, const struct pdf_options *opt,
		    const char *user, uint8_t seed[SHA256_DIGEST_SIZE])
{
	struct sha256_ctx h;
	sha256_init(&h);
	const char *field[] = {"jembrief --protect 1", opt->owner_password, user,
			       opt->allow_print ? "print" : "no print",
			       opt->allow_copy ? "copy" : "no copy"};
	for (size_t i = 0; i < sizeof field / sizeof *field; i++) {
		uint64_t n = strlen(field[i]);
		sha256_update(&h, sizeof n, (const uint8_t *)&n);
		sha256_update(&h, (size_t)n, (const uint8_t *)field[i]);
	}
	uint64_t n = len;
	sha256_update(&h, sizeof n, (const uint8_t *)&n);
	sha256_update(&h, len, in);
	sha256_digest(&h, SHA256_DIGEST_SIZE, seed);
}

/* qpdf's message for its last error, into err. */
static void qpdf_message(qpdf_data q, const char *what, char *err, size_t errlen)
{
	qpdf_error e = qpdf_has_error(q) ? qpdf_get_error(q) : NULL;
	snprintf(err, errlen, "%s: %s", what, e ? qpdf_get_error_full_text(q, e) : "qpdf failed");
}

int protect_pdf(const unsigned char *in, size_t len, const struct pdf_options *opt,
		unsigned char **out, size_t *outlen, char *err, size_t errlen)
{
	const char *bad = pdf_password_problem(opt);
	if (bad) {
		snprintf(err, errlen, "%s", bad);
		return -1;
	}
	const char *user = opt->user_password ? opt->user_password : "";
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int rc = -1;
	if (qpdf_read_memory(q, "the deck", (const char *)in, (unsigned long long)len, NULL) &
	    QPDF_ERRORS) {
		qpdf_message(q, "cannot read the deck back to encrypt it", err, errlen);
		goto done;
	}
	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		qpdf_message(q, "cannot encrypt the deck", err, errlen);
		goto done;
	}
	/* the /ID: the plain file's first half (a hash of the deck), qpdf's
	 * fixed second half instead of one from the clock */
	qpdf_set_static_ID(q, QPDF_TRUE);
	/* the file key and salts are drawn here, the IVs while writing */
	uint8_t seed[SHA256_DIGEST_SIZE];
	seed_of(in, len, opt, user, seed);
	protect_random_begin(seed, sizeof seed);
	qpdf_set_r6_encryption_parameters2(q, user, opt->owner_password,
					   QPDF_TRUE,                      /* accessibility */
					   opt->allow_copy ? QPDF_TRUE : QPDF_FALSE,
					   QPDF_FALSE, QPDF_FALSE, QPDF_FALSE, QPDF_FALSE,
					   opt->allow_print ? qpdf_r3p_full : qpdf_r3p_none,
					   QPDF_TRUE /* the metadata too */);
	QPDF_ERROR_CODE wrc = qpdf_write(q);
	protect_random_end();
	if (wrc & QPDF_ERRORS) {
		qpdf_message(q, "cannot encrypt the deck", err, errlen);
		goto done;
	}
	*outlen = qpdf_get_buffer_length(q);
	*out = xmalloc(*outlen ? *outlen : 1);
	memcpy(*out, qpdf_get_buffer(q), *outlen);
	rc = 0;
done:
	qpdf_cleanup(&q);
	return rc;
}
