"""Seeds fuzz/corpus/<target> from examples/estate. The seeds are put back before every run (under
fixed names), so a corpus minimised by a run that dropped one still starts from the whole example
estate."""
import json
import os
import pathlib
import struct

root = pathlib.Path(__file__).resolve().parent
estate = root.parent / "examples" / "estate"
corpus = root / "corpus"


def put(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def walk(v):
    yield v
    if isinstance(v, dict):
        for x in v.values():
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)


files = sorted(p for p in estate.rglob("*") if p.is_file())
# iam_policy
n = 0
for p in estate.glob("aws/*/iam/get-account-authorization-details.json"):
    for v in walk(json.loads(p.read_text())):
        if isinstance(v, dict) and "Statement" in v and n < 40:
            put("iam_policy", f"doc{n}.json", json.dumps(v)); n += 1
# event_pattern
n = 0
for p in estate.glob("aws/*/*/events/*.json"):
    for v in walk(json.loads(p.read_text())):
        if isinstance(v, dict) and isinstance(v.get("EventPattern"), str):
            put("event_pattern", f"pattern{n}.json", v["EventPattern"]); n += 1
put("event_pattern", "iam.json", '{"source":["aws.iam"],"detail":{"eventName":["CreateUser"]}}')
# flow_definition
for i, p in enumerate(estate.glob("power-automate/*/flows/*.json")):
    put("flow_definition", f"flow{i}.json", p.read_bytes())
# apps_script
for i, proj in enumerate(sorted(estate.glob("apps-script/*/projects/*"))):
    parts = [proj / "appsscript.json"] + sorted(proj.glob("*.gs")) + sorted(proj.glob("*.js"))
    put("apps_script", f"project{i}", b"\0".join(p.read_bytes() for p in parts if p.exists()))
# offline_import
for i, p in enumerate(files):
    if p.suffix == ".json" and p.stat().st_size < 65536:
        put("offline_import", f"file{i}", struct.pack("<H", i) + p.read_bytes())
# snapshot_load
snap = root / "corpus-snapshot.json"
if snap.exists():
    put("snapshot_load", "example.json", snap.read_bytes())
