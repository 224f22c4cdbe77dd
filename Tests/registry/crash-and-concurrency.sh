#!/usr/bin/env bash
# The registry under kill -9 and concurrent writers (registry.md, "What it
# must survive"), with the built certify binary:
#   1. kill -9 at random moments across ADDS (default 520) `registry add`
#      processes; then `audit` passes, every add that exited 0 (or printed
#      its line, which happens after its commit) is there and whole, and
#      adding everything again registers each report exactly once;
#   2. two processes adding overlapping sets at once: nothing lost, nothing twice.
# Bounded: about a minute. Usage: crash-and-concurrency.sh [CERTIFY] [ADDS] [SEED]
set -euo pipefail
export LC_ALL=C.UTF-8  # the lines matched below are the English ones
cd "$(dirname "$0")/../.."
certify="${1:-$(swift build --show-bin-path)/certify}"
adds="${2:-520}"
seed="${3:-$$}"
RANDOM=$seed
work=$(mktemp -d /tmp/certify-crash.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "crash test: $adds killed-or-not adds, seed $seed, in $work"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Distinct signed reports: copies of a sample dossier with their own applicant,
# and renewals (dated in the renewal window) for the first 60 applicants.
mkdir -p "$work/dossiers" "$work/renewals" "$work/reports" "$work/renewed"
for i in $(seq 1 330); do
  sed -e "s/id=\"HANSOL-2026\"/id=\"CRASH-$i\"/" -e "s/id=\"KR-HANSOL\"/id=\"KR-CRASH-$i\"/" \
    Samples/city/hansol-grade-a.xml > "$work/dossiers/d$i.xml"
  [ "$i" -le 60 ] && cp "$work/dossiers/d$i.xml" "$work/renewals/d$i.xml"
done
"$certify" keygen --out "$work/reviewer" >/dev/null
"$certify" report "$work/dossiers" --key "$work/reviewer.pem" --date 2026-03-02 --out-dir "$work/reports"
"$certify" report "$work/renewals" --key "$work/reviewer.pem" --date 2028-01-10 --out-dir "$work/renewed"
for f in "$work"/renewed/*.xml; do mv "$f" "$work/reports/r-$(basename "$f")"; done
mapfile -t reports < <(ls "$work"/reports/*.xml)
total=${#reports[@]}
echo "made $total signed reports"

export CERTIFY_REGISTRY="$work/registry.sqlite"
"$certify" registry init --origin crash.example/registry >/dev/null

# 1. kill -9 at random moments: from 0 to 1.5 times what one add takes here.
start=$(date +%s%N)
"$certify" registry add "${reports[0]}" --pubkey "$work/reviewer.pub.pem" > /dev/null
span=$(( ($(date +%s%N) - start) * 3 / 2 / 1000000 + 1 ))
echo "one add takes about $(( span * 2 / 3 )) ms; kills come 0 to $span ms after the start"
echo "${reports[0]}" > "$work/committed"
killed=0; finished=0
for attempt in $(seq 1 "$adds"); do
  count=$(( RANDOM % 3 + 1 ))
  batch=()
  for _ in $(seq 1 $count); do batch+=("${reports[$(( RANDOM % total ))]}"); done
  "$certify" registry add "${batch[@]}" --pubkey "$work/reviewer.pub.pem" > "$work/out" 2> "$work/err" &
  pid=$!
  sleep "$(printf '0.%03d' $(( RANDOM % span )))"
  kill -9 "$pid" 2>/dev/null || true
  status=0; wait "$pid" 2>/dev/null || status=$?
  if [ "$status" -eq 0 ]; then
    finished=$((finished + 1))
    printf '%s\n' "${batch[@]}" >> "$work/committed"
  elif [ "$status" -eq 137 ]; then
    killed=$((killed + 1))
    # A line is printed only after its transaction committed.
    sed -n 's/^\(issued\|renewed\|already registered\) .*: \(.*\)$/\2/p' "$work/out" >> "$work/committed"
  else
    cat "$work/err" >&2; fail "add exited $status"
  fi
done
echo "adds: $finished exited 0, $killed killed by SIGKILL"
[ "$killed" -gt 0 ] || fail "no add was killed: the kill never came in time"
[ "$finished" -gt 0 ] || fail "no add finished: the kill always came too early"

"$certify" registry audit || fail "audit after kill -9"
"$certify" registry list --format json --at 2026-06-01 > "$work/list.json"
registered=$(grep -o '"reportSHA256":"[0-9a-f]*"' "$work/list.json" | cut -d'"' -f4 | sort)
[ -z "$(printf '%s\n' "$registered" | uniq -d)" ] || fail "a report registered twice"
missing=0
for report in $(sort -u "$work/committed"); do
  sha=$(sha256sum "$report" | cut -d' ' -f1)
  grep -qx "$sha" <<< "$registered" || { echo "missing: $report ($sha)" >&2; missing=$((missing + 1)); }
done
[ "$missing" -eq 0 ] || fail "$missing adds that had exited 0 are missing"
echo "every one of $(sort -u "$work/committed" | wc -l) committed reports is there; audit passed"

# Each committed certificate's entry is whole: its inclusion proof verifies in audit's tree, and its entry names its report.
for cert in $(grep -o '"certificate":"[^"]*"' "$work/list.json" | cut -d'"' -f4 | shuf -n 20 --random-source=<(yes "$seed")); do
  index=$(grep "\"certificate\":\"$cert\"" "$work/list.json" | grep -o '"index":[0-9]*' | cut -d: -f2)
  "$certify" registry entry "$index" | grep -q "^certificate $cert$" || fail "entry $index does not hold $cert"
  "$certify" registry prove "$cert" --format json > /dev/null || fail "no proof for $cert"
done

# Everything again, uninterrupted: each report exactly once.
"$certify" registry add "${reports[@]}" --pubkey "$work/reviewer.pub.pem" > /dev/null
certificates=$("$certify" registry list --format json | wc -l)
entries=$("$certify" registry checkpoint | sed -n 2p)
[ "$certificates" -eq "$total" ] || fail "$certificates certificates for $total reports"
[ "$entries" -eq "$total" ] || fail "$entries log entries for $total reports"
# (A renewal added before its predecessor is an issue of its own, so how many
# are linked depends on the random order; the audit checks each link.)
renewals=$("$certify" registry list --format json | grep -c '"predecessor":"' || true)
echo "re-added everything: $total certificates, $renewals linked as renewals"
"$certify" registry audit || fail "audit after re-adding"

# 2. Two processes adding overlapping sets at once.
export CERTIFY_REGISTRY="$work/concurrent.sqlite"
"$certify" registry init --origin concurrent.example/registry >/dev/null
first=("${reports[@]:0:200}"); second=("${reports[@]:100}")
"$certify" registry add "${first[@]}" --pubkey "$work/reviewer.pub.pem" > "$work/a.out" 2> "$work/a.err" &
a=$!
"$certify" registry add "${second[@]}" --pubkey "$work/reviewer.pub.pem" > "$work/b.out" 2> "$work/b.err" &
b=$!
wait $a || { cat "$work/a.err" >&2; fail "first writer failed"; }
wait $b || { cat "$work/b.err" >&2; fail "second writer failed"; }
both=$(cat "$work/a.out" "$work/b.out" | grep -c '^\(issued\|renewed\) ' || true)
certificates=$("$certify" registry list --format json | wc -l)
entries=$("$certify" registry checkpoint | sed -n 2p)
[ "$both" -eq "$total" ] && [ "$certificates" -eq "$total" ] && [ "$entries" -eq "$total" ] \
  || fail "two writers: $both issued, $certificates certificates, $entries entries for $total reports"
interleaved=$(grep -c '^already registered' "$work/a.out" "$work/b.out" | awk -F: '{s+=$2} END {print s}')
"$certify" registry audit || fail "audit after two writers"
echo "two writers: $total reports, each once ($interleaved found already registered by the other); audit passed"
echo "crash and concurrency tests passed"
