#!/usr/bin/env bash
# Prints the size of every file of the release dist/ (raw and gzip -9 bytes) and the totals.
set -euo pipefail
dist="${1:-dist}"
total=0; total_gz=0
printf '%-44s %10s %10s\n' "file" "bytes" "gzip"
while IFS= read -r f; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f | sort)
printf '%-44s %10d %10d\n' "total" "$total" "$total_gz"
