#!/usr/bin/env python3
"""Regenerate tests/data/xss-vectors.json from the OWASP XSS Filter Evasion Cheat Sheet.

Usage:
    python3 tests/data/make-xss-vectors.py path/to/XSS_Filter_Evasion_Cheat_Sheet.md \
        [-o tests/data/xss-vectors.json]

The markdown is cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.md in
https://github.com/OWASP/CheatSheetSeries (CC BY-SA 4.0). See README.md next to this file.

Output, in this order, deduplicated (first occurrence wins):
  1. originals: every fenced code block that is an attack string, verbatim (only the
     blank lines framing a block are dropped), plus every list item that consists solely
     of one inline code span (WAF bypass strings, alert obfuscations, the encodings of
     `<`), plus one attack string given inline in prose (the HTTP parameter pollution
     title). Vulnerable-code listings and tooling commands are skipped (see SKIP_*).
  2. context-wrapped: the first N originals, each prefixed with every CONTEXT_PREFIXES
     entry, with N the smallest number that brings the total to TARGET_TOTAL.
  3. hand-written vectors specific to this app (share links, notes, furigana markup).
"""
import argparse
import json
import math
import re
import sys

TARGET_TOTAL = 400
CONTEXT_PREFIXES = ['">', "'>", "</textarea>", "</title>", "--></script>", "]]>"]

# Fenced blocks that are not attack strings: a shell command that generates a vector
# and an Apache config line; and (SKIP_AFTER) the vulnerable pages' code and output.
SKIP_LANGS = {"sh", "log"}
# A block is skipped when the heading it is under, or the prose line just before it,
# is one of these.
SKIP_AFTER = {
    "Content Page Source Code",
    "Share Page Source Code",
    "Content Page Output",
    "Share Page Output",
    "Example:",
    "Vulnerable code:",
    "As well as:",
}
# Attack strings the cheat sheet gives inside prose rather than in a code block.
INLINE_PROSE = [
    "This is a regular title&content_type=1;alert(1)",
]

US = "\u001f"  # unit separator: the app joins date, section and text of notes with it

HAND_WRITTEN = [
    # javascript: URLs
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "javascript:alert(1)//!%#/",
    # share-link lookalikes: k1!profile!answers!lang!percent-encoded-notes
    "k1!<script>alert(1)</script>!role:npo!ja",
    "k1!tomakomai!role:<img src=x onerror=alert(1)>!ja",
    "k1!tomakomai!role:npo!<svg onload=alert(1)>",
    "k1!tomakomai!role:npo!ja!%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "k1!tomakomai!role:npo!ja!2024-01-01%1F%3Cscript%3Ealert(1)%3C%2Fscript%3E%1F%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "k1!tomakomai!role:npo!ja!%253Cscript%253Ealert(1)%253C%252Fscript%253E",
    "#/s/k1!tomakomai!role:npo!ja!javascript%3Aalert(1)",
    "#/s/k1!tomakomai!role:npo!ja!%3Ca%20href%3D%22javascript%3Aalert(1)%22%3Ex%3C%2Fa%3E",
    "#/s/k1!tomakomai!role:npo!ja!%E0%A4%A%3Cscript%3Ealert(1)%3C/script%3E",
    # notes text with the link's separators: ! % # /
    "100% <img src=x onerror=alert(1)>!#/",
    "!<script>alert(1)</script>!%3Cscript%3Ealert(1)%3C%2Fscript%3E!",
    "#<img src=x onerror=alert(1)>",
    "/#/s/<svg/onload=alert(1)>",
    "%3Csvg%2Fonload%3Dalert(1)%3E",
    "%%3Cscript%3Ealert(1)%%3C/script%3E%",
    "50%!#/ </textarea><script>alert(1)</script>",
    # furigana markup lookalikes {漢字|よみ}
    "{<img src=x onerror=alert(1)>|x}",
    "{漢字|<script>alert(1)</script>}",
    "{<svg onload=alert(1)>|<b>よみ</b>}",
    '{漢字|よみ" onmouseover="alert(1)}',
    "{{漢字|よみ}|<img src=x onerror=alert(1)>}",
    "{漢字|よみ}<script>alert(1)</script>{仮名|かな}",
    "{javascript:alert(1)|x}",
    "{<img src=x onerror=alert(1)>|",
    "{漢字|</rt></ruby><img src=x onerror=alert(1)>}",
    "{<a href=javascript:alert(1)>漢字</a>|かんじ}",
    # notes fields separated by U+001F
    "2024-01-01" + US + "<img src=x onerror=alert(1)>" + US + "<script>alert(1)</script>",
    US + "<svg onload=alert(1)>" + US,
    "{漢字|" + US + "<img src=x onerror=alert(1)>}",
    "<scr" + US + "ipt>alert(1)</scr" + US + "ipt>",
    US * 3 + "javascript:alert(1)",
    # very long strings (~3000 chars)
    "<img src=x onerror=alert(1)>" * 107,
    "A" * 2975 + "<script>alert(1)</script>",
    "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E" * 75,
    "{漢字|よみ}" * 424 + "{<img src=x onerror=alert(1)>|x}",
]


def extract(md):
    lines = md.split("\n")
    out = []
    last_label = ""
    heading = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence:
            lang = fence.group(1)
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            body = "\n".join(lines[i + 1:j]).strip("\n")
            skip = lang in SKIP_LANGS or last_label in SKIP_AFTER or heading in SKIP_AFTER
            if body and not skip:
                out.append(body)
            i = j + 1
            continue
        item = re.match(r"^- `(.*)`\s*$", line)
        if item:
            out.append(item.group(1))
        stripped = line.strip()
        if stripped and not stripped.startswith("<!--"):
            last_label = re.sub(r"^#+\s*", "", stripped)
            if stripped.startswith("#"):
                heading = last_label
        i += 1
    for s in INLINE_PROSE:
        if s not in md:
            sys.exit(f"inline sample not found in the cheat sheet: {s!r}")
        out.append(s)
    return out


def dedupe(xs):
    seen = set()
    return [x for x in xs if not (x in seen or seen.add(x))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("markdown")
    ap.add_argument("-o", "--output", default="tests/data/xss-vectors.json")
    args = ap.parse_args()
    with open(args.markdown, encoding="utf-8") as f:
        md = f.read()

    originals = dedupe(extract(md))
    hand = [h for h in dedupe(HAND_WRITTEN) if h not in originals]
    need = max(0, TARGET_TOTAL - len(originals) - len(hand))
    n = min(len(originals), math.ceil(need / len(CONTEXT_PREFIXES)))
    taken = set(originals) | set(hand)
    wrapped = []
    for v in originals[:n]:
        for p in CONTEXT_PREFIXES:
            w = p + v
            if w not in taken:
                taken.add(w)
                wrapped.append(w)

    vectors = originals + wrapped + hand
    assert all("\x00" not in v for v in vectors)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(vectors, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(
        f"{len(vectors)} vectors: {len(originals)} originals, "
        f"{len(wrapped)} context-wrapped (first {n} originals x {len(CONTEXT_PREFIXES)} prefixes), "
        f"{len(hand)} hand-written -> {args.output}"
    )


if __name__ == "__main__":
    main()
