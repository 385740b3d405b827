/* render/display/protect.h - --protect: a finished PDF encrypted with AES-256
 * (PDF 2.0 security handler, revision 6) through libqpdf's C API.
 *
 * libharu, which writes the decks, knows only RC4 (R2/R3), which anyone can
 * remove without a password; so pdf_write() serialises the deck in plain,
 * then hands the bytes to protect_pdf(), which reads them with libqpdf and
 * writes them again encrypted.
 *
 * Permissions: text extraction for accessibility (screen readers) is always
 * allowed (R6 cannot forbid it); printing at full quality unless
 * allow_print is 0; copying only with allow_copy; never editing, forms,
 * annotations or reassembly.
 *
 * Determinism: identical plain bytes and passwords give identical encrypted
 * bytes. qpdf draws the file key, the password salts, the Perms filler and
 * every AES-CBC initialisation vector from its random data provider, and
 * refuses its "deterministic ID" together with encryption; so for the
 * length of one write the provider is a Yarrow-256 generator (nettle)
 * seeded with SHA-256 of the passwords, the permissions and the plain PDF
 * (protect_random.cc), and the /ID's second half is qpdf's fixed one (its
 * first half is the plain file's, a hash of the deck). Nothing of the
 * seed can be learnt from the file without the passwords and the content.
 * Not thread-safe (qpdf's provider is process-wide): the batch writes
 * decks in worker processes.
 */
#ifndef JB_PROTECT_H
#define JB_PROTECT_H

#include <stddef.h>

/* R6 hashes at most 127 bytes of a (UTF-8) password: a longer one is
 * refused (protect_password_problem), never cut, since two passwords that
 * differ only after byte 127 would open the file alike. */
#define PDF_PASSWORD_MAX 127

struct pdf_options {
	const char *owner_password; /* NULL: no encryption */
	const char *user_password;  /* may be NULL or "" (opens without one) */
	int allow_print;            /* at full quality */
	int allow_copy;
};

/* NULL when the passwords can be used, else what is wrong with them:
 * the owner password empty, either longer than PDF_PASSWORD_MAX bytes or
 * not UTF-8, or the two the same. */
const char *pdf_password_problem(const struct pdf_options *opt);

/* The plain PDF in[0..len) encrypted as opt says into a new buffer *out
 * (*outlen bytes; caller frees). 0 on success; -1 with a message in err. */
int protect_pdf(const unsigned char *in, size_t len, const struct pdf_options *opt,
		unsigned char **out, size_t *outlen, char *err, size_t errlen);

#endif
