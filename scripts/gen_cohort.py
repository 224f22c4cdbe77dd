#!/usr/bin/env python3
"""Generate the fictional cohort of Samples/cohort/: 162 municipalities.

    scripts/gen_cohort.py [OUTDIR] [--seed S] [--count N]

Writes one smart city dossier (rubric kr-smart-city 1.0) per municipality,
named after its dossier id (e.g. hanbit-2026.xml). Deterministic: the same
seed gives byte-identical files. Python 3 standard library only.

The cohort is fictional but plausible: cities (시) and counties (군); three
profiles (strong, average, weak) that set how far each indicator goes; weak
applicants leave more values out; a few miss a mandatory service (transport
or safety), which scores 0 and blocks certification whatever the total.
Profiles and who misses what are drawn from the seed, so the statistics are
not known in advance: `certify cohort Samples/cohort` computes them.
"""

import argparse
import os
import random
from xml.sax.saxutils import escape

from gen_dossiers import CITY_ELECTIVES, SYLLABLES

NS = "urn:certify:dossier:1"

# Place-name syllables and the city rubric's electives, as the benchmark
# dossiers use them (scripts/gen_dossiers.py, beside this script).
ELECTIVES = CITY_ELECTIVES

# Profile -> (share of the cohort, strength range, chance a value is left out)
PROFILES = {
    "strong": (0.20, (0.62, 0.95), 0.02),
    "average": (0.48, (0.32, 0.66), 0.06),
    "weak": (0.32, (0.05, 0.38), 0.18),
}


def unique_names(rng, count):
    seen, names = set(), []
    while len(names) < count:
        parts = [rng.choice(SYLLABLES) for _ in range(rng.choice([2, 2, 2, 3]))]
        ko = "".join(p[0] for p in parts)
        en = "".join(p[1] for p in parts).capitalize()
        if en in seen:
            continue
        seen.add(en)
        names.append((ko, en))
    return names


def scaled(rng, strength, top, spread=0.25):
    """A count around strength x top, never negative."""
    value = rng.gauss(strength * top, spread * top * 0.5)
    return max(0, int(round(value)))


def dossier(rng, name, kind, profile):
    ko, en = name
    _, (lo, hi), leave_out = PROFILES[profile]
    s = rng.uniform(lo, hi)
    county = kind == "county"
    did = f"{en.upper()}-2026"
    suffix_ko, suffix_en = ("군", "County") if county else ("시", "City")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<dossier xmlns="{NS}" id="{did}" rubric="kr-smart-city" rubric-version="1.0">',
        f'  <applicant id="KR-{en.upper()}" kind="{kind}">',
        f'    <name xml:lang="ko">{escape(ko + suffix_ko)}</name>',
        f'    <name xml:lang="en">{escape(en + " " + suffix_en)}</name>',
        "  </applicant>",
        f"  <submitted>2026-0{rng.randint(1, 2)}-{rng.randint(1, 28):02d}</submitted>",
    ]

    def give(indicator, text):
        if rng.random() >= leave_out:
            lines.append(f'  <value indicator="{indicator}">{text}</value>')

    # Counties are smaller: fewer staff, labs and APIs for the same profile.
    size = 0.7 if county else 1.0
    give("INN-1", scaled(rng, s * size, 14))
    give("INN-2", scaled(rng, s * size, 5))
    give("INN-3", min(80, scaled(rng, s * size, 60)))
    give("GOV-1", scaled(rng, s, 16))
    give("GOV-2", "approved" if s > 0.6 + rng.uniform(-0.15, 0.15)
         else "drafting" if s > 0.3 + rng.uniform(-0.1, 0.1) else "none")
    give("GOV-3", scaled(rng, s * size, 4))
    give("GOV-4", "true" if rng.random() < 0.2 + 0.8 * s else "false")

    # Mandatory services; about one applicant in twenty misses one.
    missing = rng.choice(["SVC-TRA", "SVC-SAF"]) if rng.random() < 0.05 else None
    for indicator in ("SVC-TRA", "SVC-SAF"):
        if indicator == missing:
            if rng.random() < 0.5:
                lines.append(f'  <value indicator="{indicator}">0</value>')
            continue
        lines.append(f'  <value indicator="{indicator}">{max(1, scaled(rng, s, 6))}</value>')

    # Electives: values for several, 0-3 declared (none: the engine picks).
    offered = rng.sample(ELECTIVES, rng.randint(2, 6))
    counts = {e: scaled(rng, s, 6) for e in offered}
    for indicator in ELECTIVES:
        if indicator in counts:
            lines.append(f'  <value indicator="{indicator}">{counts[indicator]}</value>')
    declare = rng.choice([3, 3, 3, 2, 0]) if profile != "weak" else rng.choice([3, 2, 1, 0])
    best = sorted(offered, key=lambda e: (-counts[e], ELECTIVES.index(e)))
    # Not every applicant declares its best services.
    chosen = best[:declare] if rng.random() < 0.7 else rng.sample(offered, min(declare, len(offered)))
    for indicator in ELECTIVES:
        if indicator in chosen:
            lines.append(f'  <elective indicator="{indicator}"/>')
    lines.append("</dossier>")
    return did, "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("outdir", nargs="?", default=os.path.join(here, "..", "Samples", "cohort"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--count", type=int, default=162)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    names = unique_names(rng, args.count)
    cities = round(args.count * 0.48)
    for index, name in enumerate(names):
        kind = "city" if index < cities else "county"
        roll, profile = rng.random(), "weak"
        for candidate, (share, _, _) in PROFILES.items():
            if roll < share:
                profile = candidate
                break
            roll -= share
        did, xml = dossier(rng, name, kind, profile)
        with open(os.path.join(args.outdir, did.lower() + ".xml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(xml)


if __name__ == "__main__":
    main()
