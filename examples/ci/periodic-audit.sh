#!/usr/bin/env bash
# A cron-style periodic audit: scan, keep a history of snapshots (30 days), and post what changed since
# the previous run as Markdown (e.g. to a chat webhook or a ticket). Schedule it with cron:
#   17 3 * * *  /opt/fnscope/periodic-audit.sh
set -euo pipefail
history="${FNSCOPE_HISTORY:-/var/lib/fnscope/history}"
out="${FNSCOPE_OUT:-/var/lib/fnscope/out}"
scan_args="${FNSCOPE_SCAN_ARGS:-aws}"     # e.g. "--offline examples/estate" to try it
mkdir -p "$history" "$out"

# 1 (findings) and 3 (incomplete) are results, not failures of this script.
set +e
# shellcheck disable=SC2086
fnscope scan $scan_args --save-dir "$history" --keep-days 30 --format json --output "$out/report.json" -q
scan=$?
set -e
[ "$scan" -le 3 ] && [ "$scan" -ne 2 ] || { echo "fnscope scan failed with exit $scan" >&2; exit "$scan"; }

if [ "$(ls "$history"/fnscope-*.json.gz | wc -l)" -ge 2 ]; then
  set +e
  fnscope diff --history "$history" --since last --format markdown --output "$out/changes.md" --fail-on high
  diff=$?
  set -e
  if [ -n "${FNSCOPE_WEBHOOK:-}" ]; then
    # Post the Markdown as the message body (adapt to your chat or ticket system).
    jq -Rs '{text: .}' < "$out/changes.md" | curl -fsS -X POST -H 'content-type: application/json' --data @- "$FNSCOPE_WEBHOOK"
  fi
  # 1: new high or critical findings; 3: the new run did not see everything the previous one did (its
  # findings there are "unknown", not resolved: the Markdown lists them and what was not read).
  [ "$diff" -eq 1 ] && echo "new high or critical findings: see $out/changes.md" >&2
  [ "$diff" -eq 3 ] && echo "incomplete: some earlier findings could not be checked, see $out/changes.md" >&2
fi
exit 0
