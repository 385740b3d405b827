#!/bin/sh
# tests/test_cut_short.sh - files cut short (a partial download), each
# checked against what python finds in the cut file. First a
# borough-level crime file cut short (a partial
# download: the file ends mid-row, after the boroughs that sort first) must
# not give London a total made of the boroughs that are there, nor rank a
# borough "of the 32" among the few that are. Before the fix Hackney's
# deck read "the highest rate of the 32 boroughs (London 4.9)": London's
# rate over 16 boroughs' offences. The boroughs the cut file holds are
# counted here with awk, independently of the program.
. "$(dirname "$0")/shtest.sh"
build=${JEMBRIEF_BUILD:-build}
jb=${JEMBRIEF:-$PWD/$build/jembrief}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cut_copy DIR FILE BYTES: DIR, a data directory of the sample's files but
# FILE (a path in sample-data/), which is there cut at BYTES (a partial
# download), decompressed when it is a .gz.
cut_copy() {
	folder=${2%%/*}
	mkdir -p "$1/$folder"
	for d in sample-data/*/; do
		[ "$d" = "sample-data/$folder/" ] || ln -s "$PWD/$d" "$1/"
	done
	for f in sample-data/"$folder"/*; do
		[ "$f" = "sample-data/$2" ] || ln -s "$PWD/$f" "$1/$folder/"
	done
	case "$2" in
	*.gz) gzip -dc "sample-data/$2" | head -c "$3" >"$1/${2%.gz}" ;;
	*) head -c "$3" "sample-data/$2" >"$1/$2" ;;
	esac
}
# The 2024-2026 file cut at 60,000 bytes: the last row is partial. The
# whole 2010-2024 file beside it has every borough, so before the second
# fix a borough the cut file lacks had rows (of the old file) and zeros
# for 2024-2026: Westminster read "no trend could be fitted (month 1 of 24
# is not a number)", London a total of 16 boroughs.
cut_copy "$tmp/data" crime/mps-borough-level-crime-2024-2026.csv.gz 60000
# The boroughs in the cut file (its borough name column, complete rows
# only), counted by python's csv module
n=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
col = rows[0].index("boroughname")
whole = [r for r in rows[1:] if len(r) == len(rows[0])]
# the file is sorted by borough: the one its last whole row is in lost
# the rows after the cut, and is not there in full either
print(len({r[col] for r in whole} - {"City of London", whole[-1][col]}))
' "$tmp/data/crime/mps-borough-level-crime-2024-2026.csv")

begin cut_short_file_gives_no_london_total_and_no_ranks
"$jb" -q -j 1 -d "$tmp/data" -o "$tmp/out" hackney 2>"$tmp/err"
check "run succeeds" test $? -eq 0
check "the partial last row is reported at its line" contains "$tmp/err" "borough-level-crime-2024-2026.csv:"
check "the cut file holds some boroughs but not all (awk: $n)" test "$n" -gt 1 -a "$n" -lt 32
pdftotext "$tmp/out/hackney.pdf" "$tmp/txt"
check "Hackney's own rate is still shown" contains "$tmp/txt" "13.3"
check "the tile says why nothing is ranked" contains "$tmp/txt" "none ranked: only $n of the 32 boroughs are in full"
check "no rate rank of the 32" lacks "$tmp/txt" "rate of the 32 boroughs (London"
# the rate tile's detail, a line of its own ("4th highest of the 32
# boroughs; London 10.5"), not the LAIT lines that go on to England
check "no London rate beside the tile" sh -c '! grep -Eq "of the 32 boroughs; London [0-9.]+\$" "$1"' - "$tmp/txt"
check "no change rank of the 32" lacks "$tmp/txt" "largest fall of the 32"
tr '\n' ' ' <"$tmp/txt" >"$tmp/txt1"
# the comparison left out and the pan-London slide empty, each saying the
# file is not whole (not that no borough-level file was supplied)
check "the comparison is left out: the file has $n of the 32 in full" contains "$tmp/txt1" \
	"Comparison with London (no recorded crime by borough for all 32 boroughs: the borough-level file has $n of them in full)"
check "the pan-London slide says the same" contains "$tmp/txt1" \
	"No data supplied: recorded crime by borough for all 32 boroughs: the borough-level file has $n of them in full."
"$jb" -q -j 1 -d "$tmp/data" -o "$tmp/out" westminster 2>/dev/null
pdftotext "$tmp/out/westminster.pdf" - | tr '\n' ' ' >"$tmp/w"
check "Westminster, not in the cut file: its trend says why" \
	contains "$tmp/w" "no trend could be fitted (Westminster is not in full in the borough-level crime file)"
end

# The LSOA-level file cut short. It is sorted by LSOA code, and the codes
# new in 2021 (E0103...) come last for every borough, so a cut leaves every
# borough short of some of its LSOAs: before the fix the missing LSOAs
# counted as no crime, and Westminster's deck (no row at all) showed hot
# spots with 0 offences and a map of zeros. Python counts, for each
# borough, its LSOAs in the cut file against those in the whole file.
cut_copy "$tmp/lsoa" crime/mps-lsoa-level-crime-2024-2026.csv.gz 6000000
set -- $(python3 -c '
import csv, gzip, sys
def lsoas(rows):
    h = next(rows)
    by = {}
    for r in rows:
        if len(r) == len(h):
            by.setdefault(r[h.index("borough")], set()).add(r[h.index("lsoa_code")])
    return by
whole = lsoas(csv.reader(gzip.open(sys.argv[1], "rt", newline="")))
cut = lsoas(csv.reader(open(sys.argv[2], newline="")))
full = sum(1 for b in whole if cut.get(b) == whole[b])
# Hackney (E09000012): its LSOAs in the cut file, and in the whole one
print(full, len(cut.get("E09000012", ())), len(whole["E09000012"]), "E09000033" in cut)
' sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz "$tmp/lsoa/crime/mps-lsoa-level-crime-2024-2026.csv")
full=$1 hackney_cut=$2 hackney_all=$3 westminster_in=$4

begin cut_short_lsoa_file_gives_no_neighbourhood_figures
"$jb" -q -j 1 -d "$tmp/lsoa" -o "$tmp/lsoa-out" hackney westminster 2>"$tmp/lsoa-err"
check "run succeeds" test $? -eq 0
check "python: Hackney is cut short ($hackney_cut of $hackney_all), Westminster absent" \
	test "$hackney_cut" -gt 0 -a "$hackney_cut" -lt "$hackney_all" -a "$westminster_in" = False
pdftotext "$tmp/lsoa-out/hackney.pdf" "$tmp/h.txt"
pdftotext "$tmp/lsoa-out/westminster.pdf" "$tmp/w.txt"
tr '\n' ' ' <"$tmp/h.txt" >"$tmp/h1.txt"
tr '\n' ' ' <"$tmp/w.txt" >"$tmp/w1.txt"
check "Hackney: its map is left out, with how many LSOAs the file has" \
	contains "$tmp/h1.txt" "the file has $hackney_cut of its $hackney_all"
check "Westminster: its map is left out, the file having none of its rows" \
	contains "$tmp/w1.txt" "Westminster's neighbourhoods: the file has none of them"
if [ "$full" -eq 0 ]; then covered="none of them"; else covered="$full of them"; fi
check "hot spots left out: London is not all there ($full boroughs in full)" \
	contains "$tmp/h1.txt" "Hot spots (no LSOA-level crime for all 32 boroughs: the file covers $covered in full)"
check "no hot-spot slide" lacks "$tmp/w.txt" "Hottest neighbourhoods"
check "no London neighbourhood correlation" lacks "$tmp/w1.txt" "Across London, neighbourhood rates"
end

# The LSOA-level deprivation file cut short (the codes new in 2021 come
# last, so every borough loses some): before the fix Hackney's deck read
# "44.1% of Hackney's neighbourhoods are among England's most deprived
# 20%" (40.3% from the whole file), a share of the LSOAs that were left.
# Python counts Hackney's LSOAs (their borough from the LSOA-level crime
# file) in the cut file and the whole one.
cut_copy "$tmp/imd" deprivation/imd2025-lsoa21-london.csv.gz 600000
set -- $(python3 -c '
import csv, gzip, sys
crime = csv.reader(gzip.open(sys.argv[1], "rt", newline=""))
h = next(crime)
borough = {r[h.index("lsoa_code")]: r[h.index("borough")] for r in crime}
def hackney(rows):
    h = next(rows)
    return sum(1 for r in rows if len(r) == len(h) and borough.get(r[0]) == "E09000012")
print(hackney(csv.reader(open(sys.argv[2], newline=""))),
      hackney(csv.reader(gzip.open(sys.argv[3], "rt", newline=""))))
' sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz "$tmp/imd/deprivation/imd2025-lsoa21-london.csv" \
	sample-data/deprivation/imd2025-lsoa21-london.csv.gz)
imd_cut=$1 imd_all=$2

begin cut_short_deprivation_file_gives_no_deprived_share
"$jb" -q -j 1 -d "$tmp/imd" -o "$tmp/imd-out" hackney 2>"$tmp/imd-err"
check "run succeeds" test $? -eq 0
check "python: Hackney is cut short ($imd_cut of $imd_all)" \
	test "$imd_cut" -gt 0 -a "$imd_cut" -lt "$imd_all"
pdftotext "$tmp/imd-out/hackney.pdf" - | tr '\n' ' ' >"$tmp/imd.txt"
check "the profile says how many of Hackney's LSOAs the file has" \
	contains "$tmp/imd.txt" "Deprivation scores for all of Hackney's neighbourhoods: the file has $imd_cut of its $imd_all"
check "no share of the most deprived" lacks "$tmp/imd.txt" "of Hackney's neighbourhoods are among England's most deprived"
check "similar boroughs found without deprivation, and say so" \
	contains "$tmp/imd.txt" "Most similar boroughs (density, share aged 10-24)"
check "no London model: the drivers slide is left out, saying why" \
	contains "$tmp/imd.txt" "Drivers of crime (no Indices of Deprivation scores for all 32 boroughs"
end

# The Public Attitudes Survey cut short. The export is sorted by quarter,
# then measure, then borough: a cut leaves its last quarter with some
# measures for all boroughs, one for a few, and two not at all. Before the
# fix the slide took each measure's own latest quarter under one title,
# ranked "of the 32" among 10, and said "eight measures" of the 6 it drew.
# Python finds the quarter with some measure complete (London, given on
# every row, and the 32 boroughs) and the measures complete there.
cut_copy "$tmp/pas" confidence/mopac-pas-borough-2014-2023.csv.gz 150000
set -- $(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
have = {}
for r in rows[1:]:
    if len(r) == len(h) and r[4] and r[2] != "City of London":
        d, m, y = map(int, r[0].split("/"))
        have.setdefault((y, m), {}).setdefault(r[3], set()).add(r[2])
measures = {r[3] for r in rows[1:] if len(r) == len(h)}
q = max(k for k, v in have.items() if any(len(b) == 32 for b in v.values()))
n = sum(1 for b in have[q].values() if len(b) == 32)
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
print(months[q[1] - 1], q[0], n, len(measures) - n)
' "$tmp/pas/confidence/mopac-pas-borough-2014-2023.csv")
pas_month="$1 $2" pas_n=$3 pas_left=$4

begin cut_short_survey_file_keeps_one_quarter_and_all_32
"$jb" -q -j 1 -t asb-confidence -d "$tmp/pas" -o "$tmp/pas-out" westminster 2>"$tmp/pas-err"
check "run succeeds" test $? -eq 0
check "python: some measures are left out ($pas_left)" test "$pas_left" -gt 0
pdftotext "$tmp/pas-out/westminster.pdf" - | tr '\n' ' ' >"$tmp/pas.txt"
check "one quarter, the one python finds, on the measures complete there" \
	contains "$tmp/pas.txt" "Public Attitudes Survey, the 12 months to $pas_month: Westminster against London on $pas_n measures"
check "the measures left out are counted" \
	contains "$tmp/pas.txt" "The file has $pas_left more measures without London and all 32 boroughs"
end

# The homicide file cut short, mid-row. It lists victims year by year but
# not month by month (a December row comes before a June one), so its last
# year is not complete whatever the month of its last row: before the fix
# Westminster's deck counted 2013 as a whole year and said "the homicide
# file ends in December 2013". Python finds the year of the last row.
cut_copy "$tmp/hom" crime/mps-homicide-victims-2003-2023.csv.gz 150030
hom_year=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
whole = [r for r in rows[1:] if len(r) == len(rows[0])]
print(max(2000 + int(r[rows[0].index("Recorded Date")][-2:]) for r in whole))
' "$tmp/hom/crime/mps-homicide-victims-2003-2023.csv")

begin cut_short_homicide_file_drops_its_last_year
"$jb" -q -j 1 -d "$tmp/hom" -o "$tmp/hom-out" westminster 2>"$tmp/hom-err"
check "run succeeds" test $? -eq 0
pdftotext "$tmp/hom-out/westminster.pdf" - | tr '\n' ' ' >"$tmp/hom.txt"
check "the note says the file is cut short in $hom_year" \
	contains "$tmp/hom.txt" "The homicide file is cut short in $hom_year (its last row is incomplete), so its years end with $((hom_year - 1))."
check "the chart's years end the year before" \
	contains "$tmp/hom.txt" "Homicide victims by year of record, 2003 to $((hom_year - 1))"
end

# The population file cut short: a borough without residents has no rate,
# and then no borough has a rank "of 32" (homicide rates, crime rates).
# Before the fix Hackney's homicide rate was "the 4th lowest rate of 32"
# (16th from the whole file): ranked among the boroughs with residents.
cut_copy "$tmp/pop" population/ons-mid2020-single-year-of-age-london.csv 9000
npop=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print(sum(1 for r in rows[1:] if len(r) == len(rows[0]) and r[0].startswith("E09") and r[0] != "E09000001"))
' "$tmp/pop/population/ons-mid2020-single-year-of-age-london.csv")

begin cut_short_population_file_gives_no_ranks
"$jb" -q -j 1 -d "$tmp/pop" -o "$tmp/pop-out" westminster 2>"$tmp/pop-err"
check "run succeeds" test $? -eq 0
check "python: only some boroughs have residents ($npop)" test "$npop" -gt 0 -a "$npop" -lt 32
pdftotext "$tmp/pop-out/westminster.pdf" - | tr '\n' ' ' >"$tmp/pop.txt"
check "no homicide rate rank of 32" lacks "$tmp/pop.txt" "rate of 32 over"
check "no crime rate rank of the 32" lacks "$tmp/pop.txt" "rate of the 32 boroughs: "
end

# The ward-level file cut short. It is sorted by borough, then ward: the
# borough of its last whole row has lost the rest of its wards' rows, and
# would be ranked on part of its offences. Python finds that borough.
cut_copy "$tmp/ward" crime/mps-ward-level-crime-2024-2026.csv.gz 1000000
ward_borough=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print([r for r in rows[1:] if len(r) == len(rows[0])][-1][rows[0].index("lookup_boroughname")])
' "$tmp/ward/crime/mps-ward-level-crime-2024-2026.csv")
ward_slug=$(echo "$ward_borough" | tr 'A-Z ' 'a-z-')

begin cut_short_ward_file_ranks_no_partial_borough
"$jb" -q -j 1 -d "$tmp/ward" -o "$tmp/ward-out" barnet "$ward_slug" 2>/dev/null
check "run succeeds" test $? -eq 0
pdftotext "$tmp/ward-out/$ward_slug.pdf" - | tr '\n' ' ' >"$tmp/ward.txt"
pdftotext "$tmp/ward-out/barnet.pdf" - | tr '\n' ' ' >"$tmp/barnet.txt"
check "$ward_borough, cut: its wards are left out, saying why" \
	contains "$tmp/ward.txt" "Wards (no whole ward-level crime for $ward_borough's wards: a file was cut short in them"
check "Barnet, whole in the cut file: its wards are ranked" \
	lacks "$tmp/barnet.txt" "Wards (no "
end

# The DfE LAIT table cut short: the indicators in the rows lost were
# supplied, so a panel must not say "No data supplied". Python finds which
# of the four exclusion and absence indicators the whole rows still hold.
cut_copy "$tmp/lait" education-youth/dfe-lait-london.csv 150000
lait_lost=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
col = rows[0].index("Short Desc")
held = {r[col] for r in rows[1:] if len(r) == len(rows[0])}
print(" ".join(c for c in ("TotPermEx", "TotFixedEx", "TotPerAbNew", "TotSevPerAbNew") if c not in held))
' "$tmp/lait/education-youth/dfe-lait-london.csv")

begin cut_short_lait_file_says_not_found_not_unsupplied
"$jb" -q -j 1 -d "$tmp/lait" -o "$tmp/lait-out" hackney 2>/dev/null
check "run succeeds" test $? -eq 0
check "the cut loses some of the four indicators (python: $lait_lost)" test -n "$lait_lost"
pdftotext "$tmp/lait-out/hackney.pdf" - | tr '\n' ' ' >"$tmp/lait.txt"
for code in $lait_lost; do
	check "$code: not found, in a file cut short" contains "$tmp/lait.txt" \
		"Not found: DfE LAIT $code. The LAIT file education-youth/dfe-lait-london.csv is cut short (its last row is incomplete): what is missing may be in the rows lost."
done
check "no LAIT panel says its data were not supplied" lacks "$tmp/lait.txt" "No data supplied: DfE LAIT"
check "no caption says no DfE figures were supplied" lacks "$tmp/lait.txt" "no DfE figures supplied"
check "the captions say which file is cut short" contains "$tmp/lait.txt" \
	"not found in the DfE LAIT file education-youth/dfe-lait-london.csv, which is cut short"
# cut inside its first row: no indicator at all, and the slides that need
# them are left out for the file cut short, not for LAIT not supplied
cut_copy "$tmp/lait0" education-youth/dfe-lait-london.csv 100
"$jb" -q -j 1 -d "$tmp/lait0" -o "$tmp/lait0-out" hackney 2>/dev/null
check "cut in its first row: run succeeds" test $? -eq 0
pdftotext "$tmp/lait0-out/hackney.pdf" - | tr '\n' ' ' >"$tmp/lait0.txt"
check "cut in its first row: exclusions left out for the file cut short" contains "$tmp/lait0.txt" \
	"Exclusion and truancy (no DfE LAIT figures: the DfE LAIT file education-youth/dfe-lait-london.csv is cut short, ending mid-row, so they may be in the rows lost)"
check "cut in its first row: nothing says LAIT was not supplied" lacks "$tmp/lait0.txt" "No data supplied: DfE LAIT"
end

# The youth services file and the action log cut short: a borough whose
# rows are all after the cut had some, so its deck must not say none were
# supplied. Python picks a borough the whole file has and the cut one does
# not (by whole rows).
lost_borough() { # lost_borough CUT_FILE WHOLE_FILE: a borough only the whole file holds
	python3 -c '
import csv, sys
def boroughs(path):
    rows = list(csv.reader(open(path, newline="")))
    col = rows[0].index("borough")
    return {r[col] for r in rows[1:] if len(r) == len(rows[0])}
print(sorted(boroughs(sys.argv[2]) - boroughs(sys.argv[1]))[0])
' "$1" "$2"
}
cut_copy "$tmp/svc" youth-services/youth-services-illustrative.csv 6000
svc_borough=$(lost_borough "$tmp/svc/youth-services/youth-services-illustrative.csv" \
	sample-data/youth-services/youth-services-illustrative.csv)
cut_copy "$tmp/act" actions/actions-illustrative.csv 9000
act_borough=$(lost_borough "$tmp/act/actions/actions-illustrative.csv" sample-data/actions/actions-illustrative.csv)

begin cut_short_services_and_actions_are_not_unsupplied
svc_slug=$(echo "$svc_borough" | tr 'A-Z ' 'a-z-')
act_slug=$(echo "$act_borough" | tr 'A-Z ' 'a-z-')
"$jb" -q -j 1 -d "$tmp/svc" -o "$tmp/svc-out" "$svc_slug" 2>/dev/null
check "services: run succeeds" test $? -eq 0
"$jb" -q -j 1 -d "$tmp/act" -o "$tmp/act-out" "$act_slug" 2>/dev/null
check "actions: run succeeds" test $? -eq 0
pdftotext "$tmp/svc-out/$svc_slug.pdf" - | tr '\n' ' ' >"$tmp/svc.txt"
pdftotext "$tmp/act-out/$act_slug.pdf" - | tr '\n' ' ' >"$tmp/act.txt"
check "$svc_borough: its services may be in the rows lost" contains "$tmp/svc.txt" \
	"No youth services in this borough: the youth services file youth-services/youth-services-illustrative.csv is cut short, ending mid-row"
check "$svc_borough: the caption says so too" contains "$tmp/svc.txt" \
	"No youth services found in youth-services/youth-services-illustrative.csv, which is cut short"
check "$svc_borough: no count of 0 services" lacks "$tmp/svc.txt" "lists 0 youth services"
check "$svc_borough: not 'no data supplied'" lacks "$tmp/svc.txt" "No data supplied: youth services"
check "$act_borough: its actions may be in the rows lost" contains "$tmp/act.txt" \
	"no actions for this borough: the action log actions/actions-illustrative.csv is cut short, ending mid-row"
end

# A long file name: the reason is whole, however long the path (it was
# cut at 320 bytes before, mid-word: "... is cut short, end."). The name
# is 241 bytes, within ext4's 255.
long=youth-services/$(printf 'services%.0s' $(seq 1 28))-illustrative.csv
mkdir -p "$tmp/svclong/youth-services"
for d in "$tmp"/svc/*; do
	[ "$d" = "$tmp/svc/youth-services" ] || ln -s "$d" "$tmp/svclong/"
done
cp "$tmp/svc/youth-services/youth-services-illustrative.csv" "$tmp/svclong/$long"

begin cut_short_reason_names_a_long_path_whole
"$jb" -q -j 1 -d "$tmp/svclong" -o "$tmp/svclong-out" "$svc_slug" 2>/dev/null
check "run succeeds" test $? -eq 0
pdftotext "$tmp/svclong-out/$svc_slug.pdf" - | tr -s '\n ' '  ' >"$tmp/svclong.txt"
check "$svc_borough: the panel names the file (a word too long for its line ends in ...)" \
	contains "$tmp/svclong.txt" "youth-services/servicesservicesservices"
check "$svc_borough: the reason ends as written" contains "$tmp/svclong.txt" \
	"is cut short, ending mid-row, so they may be in the rows lost."
end

# A borough with some rows in the cut file: its counts are lower bounds
# (the rows lost may hold more of any borough's), never stated as the
# whole. Python counts the whole rows of the borough of the last whole
# row, which the cut has split, and of the first borough, which it has
# not: both read "at least".
read_count() { # read_count CUT_FILE first|last: "BOROUGH|N", whole rows of that borough
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
col = rows[0].index("borough")
whole = [r[col] for r in rows[1:] if len(r) == len(rows[0])]
b = whole[0] if sys.argv[2] == "first" else whole[-1]
print(b + "|" + str(whole.count(b)))
' "$1" "$2"
}
svc_last=$(read_count "$tmp/svc/youth-services/youth-services-illustrative.csv" last)
svc_first=$(read_count "$tmp/svc/youth-services/youth-services-illustrative.csv" first)
act_last=$(read_count "$tmp/act/actions/actions-illustrative.csv" last)

begin cut_short_counts_are_lower_bounds
for bn in "$svc_last" "$svc_first"; do
	b=${bn%|*} k=${bn#*|}
	slug=$(echo "$b" | tr 'A-Z ' 'a-z-')
	"$jb" -q -j 1 -d "$tmp/svc" -o "$tmp/svc2-out" "$slug" 2>/dev/null
	pdftotext "$tmp/svc2-out/$slug.pdf" - | tr '\n' ' ' >"$tmp/svc2.txt"
	check "$b: at least $k youth services (python)" contains "$tmp/svc2.txt" "$b lists at least $k youth"
	check "$b: not $k as if whole" lacks "$tmp/svc2.txt" "$b lists $k youth"
	check "$b: the caption names the file cut short" contains "$tmp/svc2.txt" \
		"At least $k services and"
done
b=${act_last%|*} k=${act_last#*|}
slug=$(echo "$b" | tr 'A-Z ' 'a-z-')
"$jb" -q -j 1 -d "$tmp/act" -o "$tmp/act2-out" "$slug" 2>/dev/null
pdftotext "$tmp/act2-out/$slug.pdf" - | tr '\n' ' ' >"$tmp/act2.txt"
check "$b: of the $k actions read (python)" contains "$tmp/act2.txt" "of the $k actions read"
check "$b: the title says the log is cut short" contains "$tmp/act2.txt" \
	"the action log actions/actions-illustrative.csv is cut short, so more may be in the rows lost"
check "$b: no count as if whole" lacks "$tmp/act2.txt" "of $k actions from the"
csv=$(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i} NR > 1 && $0 ~ /'"$b"'/ {print $h["youth_services"] "|" $h["actions"]}' "$tmp/act2-out/summary.csv")
check "$b: summary.csv leaves the action count empty ($csv)" test "${csv#*|}" = ""
end

exit $sh_failed
