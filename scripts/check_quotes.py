#!/usr/bin/env python3
"""Quick verbatim check of a profile's section headings and quotes against its seed.

The authoritative check is the Rust validator (cargo test --test content); this one
needs only Python and helps while editing: python3 scripts/check_quotes.py muroran
"""
import re, sys, tomllib, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
sources = root / "sources"
norm = lambda s: re.sub(r"\s+", "", s)

def main(pid):
    prof = tomllib.loads((root / "content/profiles" / f"{pid}.toml").read_text())
    bad = 0
    for sec in prof.get("section", []):
        if sec.get("source", "seed") == "domain":
            continue  # cross-city facts are written in content/text/<lang>/facts.toml
        path = sources / sec.get("seed", prof.get("seed", ""))
        text = norm(path.read_text())
        for what in [sec["heading"], *sec.get("quotes", [])]:
            if norm(what) not in text:
                bad += 1
                print(f"{pid}: section {sec['id']}: not verbatim in {path.name}: {what}")
    print(f"{pid}: {bad} problem(s)")
    return bad

sys.exit(1 if sum(main(p) for p in sys.argv[1:]) else 0)
