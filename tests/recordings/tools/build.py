#!/usr/bin/env python3
"""Lays out the recordings corpus: copies each chosen record from the folder the sources were
gathered in (one file per record, as in SOURCES.tsv) into estate/<provider>/<target>/logs/, the
layout `fnscope scan --offline` reads, and turns the peer test events into the shape the provider
itself writes. Only these changes are made, and only to test events written for Panther's tests:
  - Panther's time format (`2022-09-27 17:09:18.000`) becomes RFC 3339 UTC (`2022-09-27T17:09:18.000Z`);
  - Panther's own fields (`p_*`) are dropped and its `at_sign_type` is `@type` again.
Recordings (Stratus Red Team detonations, Splunk's lab recordings, dftimewolf's export) are copied
unchanged (one record of a source's list per file, as gathered).

    python3 tools/build.py <material folder> estate
"""
import json
import os
import re
import shutil
import sys

src, dst = sys.argv[1], sys.argv[2]

PANTHER_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(\.\d+)?)$")


def panther(v):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k.startswith("p_"):
                continue
            out["@type" if k == "at_sign_type" else k] = panther(x)
        return out
    if isinstance(v, list):
        return [panther(x) for x in v]
    if isinstance(v, str):
        m = PANTHER_TIME.match(v)
        if m:
            return f"{m.group(1)}T{m.group(2)}Z"
    return v


def target(provider, rec):
    if provider == "aws":
        return rec["recipientAccountId"]
    if provider == "gcp":
        return rec["resource"]["labels"]["project_id"]
    sub = rec.get("subscriptionId")
    if not sub:
        rid = rec.get("resourceId") or rec["authorization"]["scope"]
        sub = rid.split("/")[2]
    return sub.lower()


for line in open(os.path.join(os.path.dirname(__file__), "..", "SOURCES.tsv")):
    cols = line.rstrip("\n").split("\t")
    if cols[0] == "file" or len(cols) < 2:
        continue
    path = cols[0]  # estate path: <provider>/<target>/logs/<name>
    provider, _, _, name = path.split("/", 3)
    origin = os.path.join(src, provider, name)
    out = os.path.join(dst, path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if name.startswith("panther"):
        with open(origin) as f:
            text = f.read()
        data = panther(json.loads(text))
        with open(out, "w") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
    else:
        shutil.copyfile(origin, out)
    first = json.load(open(out)) if not out.endswith(".jsonl") else json.loads(open(out).readline())
    first = first[0] if isinstance(first, list) else first.get("records", [first])[0]
    assert target(provider, first) == path.split("/")[1], (path, target(provider, first))
