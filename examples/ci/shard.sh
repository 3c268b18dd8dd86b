#!/usr/bin/env bash
# One part of a sharded fnscope scan, or the merge of the parts and the gate: what each job of a CI
# matrix (github-actions-shards.yml) or each pod of a Kubernetes Indexed Job (../k8s/fnscope-shards.yaml)
# runs.
#   shard.sh part I N DIR [PROVIDER...] [-- SCAN-ARGS...]
#       scan part I of N (1-based) into DIR/part-I.json.gz; regions (or accounts with --aws-org-role),
#       projects, subscriptions, environments and Workspace users are dealt round-robin, account-wide
#       reads go to part 1. A part is not judged alone: it exits 0 unless fnscope could not run (2).
#   shard.sh merge DIR [CHECK-ARGS...]
#       merge DIR/part-*.json.gz into DIR/all.json.gz and gate on it with `fnscope check` (exit 0 clean,
#       1 findings at or above --fail-on, 3 a part could not read something: look at the coverage).
set -euo pipefail
cmd="${1:-}"; shift || true
case "$cmd" in
  part)
    [ $# -ge 3 ] || { echo "usage: shard.sh part I N DIR [PROVIDER...] [-- SCAN-ARGS...]" >&2; exit 2; }
    i="$1"; n="$2"; dir="$3"; shift 3
    providers=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do providers+=("$1"); shift; done
    [ "${1:-}" = "--" ] && shift
    mkdir -p "$dir"
    set +e
    fnscope scan "${providers[@]}" --shard "$i/$n" --save "$dir/part-$i.json.gz" \
      --fail-on none --allow-partial --format json --output "$dir/part-$i.report.json" -q "$@"
    code=$?
    set -e
    [ "$code" -eq 0 ] || { echo "fnscope scan (part $i/$n) failed with exit $code" >&2; exit "$code"; }
    ;;
  merge)
    [ $# -ge 1 ] || { echo "usage: shard.sh merge DIR [CHECK-ARGS...]" >&2; exit 2; }
    dir="$1"; shift
    shopt -s nullglob
    parts=("$dir"/part-*.json.gz)
    [ ${#parts[@]} -gt 0 ] || { echo "no parts in $dir" >&2; exit 2; }
    fnscope snapshot merge "${parts[@]}" --output "$dir/all.json.gz"
    exec fnscope check "$dir/all.json.gz" "$@"
    ;;
  *)
    echo "usage: shard.sh part I N DIR [PROVIDER...] [-- SCAN-ARGS...] | shard.sh merge DIR [CHECK-ARGS...]" >&2
    exit 2
    ;;
esac
