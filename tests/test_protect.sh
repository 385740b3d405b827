#!/bin/sh
# tests/test_protect.sh - --protect encrypts with AES-256 (R6) through
# libqpdf: opening needs the user password, which gives the same text as
# the unprotected deck; permissions as asked; identical inputs and passwords
# give identical bytes; passwords up to 127 bytes, a longer one refused; two
# passwords differing only after byte 32 are told apart (issue 10). And
# --marking prints the marking on every page and into the metadata.
. "$(dirname "$0")/shtest.sh"
build=${JEMBRIEF_BUILD:-build}
jb=${JEMBRIEF:-$PWD/$build/jembrief}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# protect DIR OWNER USER [OPTION]...: sutton's deck into tmp/DIR
protect() {
	d=$1 owner=$2 user=$3
	shift 3
	JEMBRIEF_OWNER_PASSWORD=$owner JEMBRIEF_USER_PASSWORD=$user \
		"$jb" --protect -q -o "$tmp/$d" "$@" sutton >"$tmp/$d.log" 2>&1
}
# a string of N copies of C
rep() { awk -v n="$1" -v c="$2" 'BEGIN { while (n-- > 0) printf "%s", c }'; }

"$jb" -q -o "$tmp/plain" sutton >/dev/null 2>&1
pdftotext "$tmp/plain/sutton.pdf" "$tmp/plain.txt"

begin protect_is_aes256_and_needs_the_password
check "written" protect a owner-secret reader
qpdf --show-encryption --password=reader "$tmp/a/sutton.pdf" >"$tmp/enc.txt" 2>&1
check "R = 6" contains "$tmp/enc.txt" "R = 6"
check "AES-256 streams" contains "$tmp/enc.txt" "stream encryption method: AESv3"
check "AES-256 strings" contains "$tmp/enc.txt" "string encryption method: AESv3"
check "accessibility allowed" contains "$tmp/enc.txt" "extract for accessibility: allowed"
check "printing allowed" contains "$tmp/enc.txt" "print high resolution: allowed"
check "copying not allowed" contains "$tmp/enc.txt" "extract for any purpose: not allowed"
check "editing not allowed" contains "$tmp/enc.txt" "modify anything: not allowed"
check "the user password is not the owner's" contains "$tmp/enc.txt" "Supplied password is user password"
check "decrypt without the password fails" sh -c "! qpdf --decrypt '$tmp/a/sutton.pdf' '$tmp/x.pdf' 2>/dev/null"
check "pdftotext without the password fails" sh -c "! pdftotext '$tmp/a/sutton.pdf' - >/dev/null 2>&1"
check "qpdf --check with the password" sh -c "qpdf --check --password=reader '$tmp/a/sutton.pdf' >/dev/null"
pdftotext -upw reader "$tmp/a/sutton.pdf" "$tmp/a.txt"
check "text equals the unprotected deck's" cmp -s "$tmp/a.txt" "$tmp/plain.txt"
check "same page count" test "$(pdfinfo -upw reader "$tmp/a/sutton.pdf" | awk '/^Pages:/ { print $2 }')" = \
	"$(pdfinfo "$tmp/plain/sutton.pdf" | awk '/^Pages:/ { print $2 }')"
end

begin protect_is_deterministic
check "written again" protect b owner-secret reader
check "byte-identical" cmp -s "$tmp/a/sutton.pdf" "$tmp/b/sutton.pdf"
# one worker writing two decks: each as if written alone (the random
# source starts afresh for every deck)
JEMBRIEF_OWNER_PASSWORD=owner-secret JEMBRIEF_USER_PASSWORD=reader \
	"$jb" --protect -q -j1 -o "$tmp/two" sutton hackney >/dev/null 2>&1
check "a deck after another: the same bytes" cmp -s "$tmp/a/sutton.pdf" "$tmp/two/sutton.pdf"
check "another user password" protect c owner-secret reader2
check "other password, other bytes" sh -c "! cmp -s '$tmp/a/sutton.pdf' '$tmp/c/sutton.pdf'"
# the file key is drawn from a seed holding the passwords: another one
qpdf --show-encryption --show-encryption-key --password=reader "$tmp/a/sutton.pdf" 2>/dev/null | grep '^Encryption key' >"$tmp/ka"
qpdf --show-encryption --show-encryption-key --password=reader2 "$tmp/c/sutton.pdf" 2>/dev/null | grep '^Encryption key' >"$tmp/kc"
check "other password, other file key" sh -c "test -s '$tmp/ka' && ! cmp -s '$tmp/ka' '$tmp/kc'"
end

begin protect_permissions_follow_the_options
check "written" protect d owner-secret reader --no-print --allow-copy
qpdf --show-encryption --password=reader "$tmp/d/sutton.pdf" >"$tmp/d.txt" 2>&1
check "printing not allowed" contains "$tmp/d.txt" "print low resolution: not allowed"
check "copying allowed" contains "$tmp/d.txt" "extract for any purpose: allowed"
end

begin protect_takes_127_byte_passwords_and_refuses_longer
long=$(rep 126 A)
check "127 bytes accepted" protect e "${long}o" "${long}u"
# (poppler's command-line tools keep 32 bytes of -upw: qpdf decrypts)
qpdf --decrypt --password="${long}u" "$tmp/e/sutton.pdf" "$tmp/e-open.pdf" 2>/dev/null
check "the user password opens it" sh -c "pdftotext '$tmp/e-open.pdf' - | cmp -s - '$tmp/plain.txt'"
qpdf --show-encryption --password="${long}u" "$tmp/e/sutton.pdf" >"$tmp/e.txt" 2>&1
check "passwords differing at byte 127 are told apart" contains "$tmp/e.txt" "Supplied password is user password"
qpdf --show-encryption --password="${long}" "$tmp/e/sutton.pdf" >"$tmp/e2.txt" 2>&1
check "not cut to 126 bytes" contains "$tmp/e2.txt" "Incorrect password supplied"
protect f "${long}oo" reader
check "128-byte owner password: exit 2" test $? -eq 2
check "says why" contains "$tmp/f.log" "jembrief: --protect: the owner password is longer than 127 bytes"
check "nothing written" test ! -e "$tmp/f/sutton.pdf"
protect g owner-secret "${long}uu"
check "128-byte user password: exit 2" test $? -eq 2
check "says why" contains "$tmp/g.log" "the user password is longer than 127 bytes"
protect h "$(printf 'bad\377')" reader
check "not UTF-8: exit 2" test $? -eq 2
check "says why" contains "$tmp/h.log" "the owner password is not UTF-8 text"
protect i same same
check "the same two: exit 2" test $? -eq 2
env -u JEMBRIEF_OWNER_PASSWORD "$jb" --protect -q -o "$tmp/j" sutton >/dev/null 2>&1
check "no owner password: exit 2" test $? -eq 2
end

# issue 10: under RC4 (R3) every password was cut to 32 bytes, so a user
# password equal to the owner's first 32 bytes opened the file with owner rights
begin passwords_differing_after_byte_32_stay_apart
p32=$(rep 32 x)
check "written" protect k "${p32}-owner" "${p32}-user"
qpdf --show-encryption --password="${p32}-user" "$tmp/k/sutton.pdf" >"$tmp/k.txt" 2>&1
check "the user password gives user rights" contains "$tmp/k.txt" "Supplied password is user password"
qpdf --show-encryption --password="$p32" "$tmp/k/sutton.pdf" >"$tmp/k32.txt" 2>&1
check "the first 32 bytes open nothing" contains "$tmp/k32.txt" "Incorrect password supplied"
end

begin marking_on_every_page_and_in_the_metadata
"$jb" -q -o "$tmp/m" --marking "OFFICIAL" sutton >"$tmp/m.log" 2>&1
check "written" test $? -eq 0
pages=$(pdfinfo "$tmp/m/sutton.pdf" | awk '/^Pages:/ { print $2 }')
n=0
for i in $(seq 1 "$pages"); do
	pdftotext -f "$i" -l "$i" "$tmp/m/sutton.pdf" - | grep -qx "OFFICIAL" && n=$((n + 1))
done
check "on each of the $pages pages" test "$n" -eq "$pages"
check "the theme's marking replaced" sh -c "! pdftotext '$tmp/m/sutton.pdf' - | grep -q OFFICIAL-SENSITIVE"
check "in the keywords" sh -c "pdfinfo '$tmp/m/sutton.pdf' | grep -q '^Keywords:.*OFFICIAL$'"
check "the default is the theme's" sh -c "pdftotext '$tmp/plain/sutton.pdf' - | grep -qx OFFICIAL-SENSITIVE"
"$jb" -q -o "$tmp/m2" --marking "$(rep 41 A)" sutton >"$tmp/m2.log" 2>&1
check "41 bytes: exit 2" test $? -eq 2
check "says why" contains "$tmp/m2.log" "jembrief: --marking: the marking is longer than 40 bytes"
"$jb" -q -o "$tmp/m3" --marking "" sutton >"$tmp/m3.log" 2>&1
check "empty: exit 2" test $? -eq 2
end

exit "$sh_failed"
