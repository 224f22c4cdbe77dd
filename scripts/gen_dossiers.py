#!/usr/bin/env python3
"""Generate synthetic, valid certification dossiers for benchmarking.

    scripts/gen_dossiers.py OUTDIR N [--seed S]

Writes OUTDIR/d00001.xml ... (zero-padded to at least 5 digits). About half
are for rubric kr-smart-city 1.0 (odd numbers) and half for kr-smart-service
1.0 (even numbers). Output is deterministic: the same seed gives byte-identical
files, and file number i depends only on (seed, i), not on N. Existing files
in OUTDIR are overwritten but never deleted.

Every dossier follows the spec (formats.md, rubrics.md): only known indicators,
at most one value per indicator, at most 3 declared electives, counts >= 0,
percentages within 0-100, KPI target/achieved > 0, unique applicant, evidence
and KPI ids, and evidence references only to declared evidence.

Python 3 standard library only.
"""

import argparse
import datetime
import hashlib
import os
import random
import sys
from xml.sax.saxutils import escape

NS = "urn:certify:dossier:1"

CITY_RUBRIC = ("kr-smart-city", "1.0")
SERVICE_RUBRIC = ("kr-smart-service", "1.0")

# ---------------------------------------------------------------- vocabularies

# Korean syllables with a romanisation, combined into place names.
SYLLABLES = [
    ("한", "han"), ("빛", "bit"), ("새", "sae"), ("솔", "sol"), ("누", "nu"),
    ("리", "ri"), ("가", "ga"), ("람", "ram"), ("다", "da"), ("온", "on"),
    ("미", "mi"), ("르", "reu"), ("하", "ha"), ("늘", "neul"), ("별", "byeol"),
    ("내", "nae"), ("청", "cheong"), ("송", "song"), ("은", "eun"),
    ("서", "seo"), ("원", "won"), ("동", "dong"), ("해", "hae"), ("남", "nam"),
    ("산", "san"), ("금", "geum"), ("강", "gang"), ("태", "tae"),
    ("백", "baek"), ("진", "jin"), ("주", "ju"), ("월", "wol"),
    ("평", "pyeong"), ("양", "yang"), ("천", "cheon"), ("봉", "bong"),
]

CITY_ELECTIVES = ["SVC-ADM", "SVC-HOU", "SVC-EDU", "SVC-ENE", "SVC-ENV",
                  "SVC-WEL", "SVC-CUL"]
CITY_COUNTS = ["INN-1", "INN-2", "INN-3", "GOV-1", "GOV-3"]
GOV2_VALUES = ["none", "drafting", "approved"]

PER1_VALUES = ["none", "partial", "full"]
PER2_STANDARDS = ["oneM2M", "LwM2M", "MQTT", "CoAP", "NGSI-LD",
                  "OGC-SensorThings", "DATEX-II", "GTFS-Realtime"]
PER4_CONTROLS = ["encryption-in-transit", "encryption-at-rest",
                 "access-control", "pseudonymisation", "security-audit"]
SERVICE_JUDGMENTS = ["COM-1", "COM-2", "OPS-1", "OPS-4"]

# (ko, en, id fragment) of smart services.
SERVICE_THEMES = [
    ("스마트 주차", "Smart Parking", "PARKING"),
    ("버스 도착 안내", "Bus Arrival Info", "BUS"),
    ("스마트 가로등", "Smart Streetlight", "LIGHT"),
    ("지능형 CCTV", "Intelligent CCTV", "CCTV"),
    ("대기질 모니터링", "Air Quality Monitoring", "AIRQ"),
    ("스마트 상수도", "Smart Water", "WATER"),
    ("폐기물 수거 최적화", "Waste Collection", "WASTE"),
    ("드론 순찰", "Drone Patrol", "DRONE"),
    ("독거노인 돌봄", "Elderly Care", "CARE"),
    ("건물 에너지 관리", "Building Energy", "ENERGY"),
    ("수요응답형 교통", "Demand-Responsive Transit", "DRT"),
    ("스마트 횡단보도", "Smart Crosswalk", "CROSSWALK"),
]

COMPANY_SUFFIXES = [
    ("테크", "Tech"), ("솔루션", "Solutions"), ("시스템즈", "Systems"),
    ("모빌리티", "Mobility"), ("랩스", "Labs"), ("데이터", "Data"),
    ("정보통신", "ICT"), ("연구개발", "R&D"),
]

ROLES = ["developer", "provider", "operator"]

EVIDENCE_LABELS = [
    ("리빙랩 운영 실적", "living-labs"),
    ("스마트도시계획 승인 공문", "plan-approval"),
    ("조례 공포문", "ordinance"),
    ("교육 이수 명단", "training"),
    ("협의체 회의록", "council-minutes"),
    ("서비스 운영 현황", "services"),
    ("가용성 측정 보고서", "availability"),
    ("보안 감사 결과", "security-audit"),
    ("운영 예산 확보 증빙", "funding"),
    ("성능 시험 성적서", "performance-test"),
    ("해외 MOU 체결서", "mou"),
    ("데이터 수집 통계 (Q1 & Q2)", "data-stats"),
]

# (label, direction, unit, kind) where kind picks the value generator.
KPI_TEMPLATES = [
    ("주차면 점유 인식 정확도", "higher", "%", "pct"),
    ("버스 도착 예측 정확도", "higher", "%", "pct"),
    ("서비스 가용률", "higher", "%", "pct"),
    ("민원 처리 만족도", "higher", "%", "pct"),
    ("일일 이용 건수", "higher", "건", "count"),
    ("월간 활성 사용자", "higher", "명", "count"),
    ("평균 대기시간", "lower", "min", "small"),
    ("장애 복구 시간", "lower", "h", "small"),
    ("응답 시간", "lower", "ms", "ms"),
    ("에너지 사용량 절감 후 소비량", "lower", "kWh", "count"),
    ("오탐지율", "lower", "%", "pctlow"),
]


# ---------------------------------------------------------------- helpers

def attr(value):
    """Escape a string for use inside a double-quoted attribute."""
    return escape(value, {'"': "&quot;"})


def text(value):
    return escape(value)


def fmt_scaled(units, scale):
    """Format units/scale (scale 10 or 100) exactly, with no trailing zeros
    beyond what is needed: 995/10 -> '99.5', 9000/100 -> '90'."""
    whole, frac = divmod(units, scale)
    if frac == 0:
        return str(whole)
    digits = 1 if scale == 10 else 2
    s = f"{whole}.{frac:0{digits}d}".rstrip("0")
    return s


def place_name(rng):
    n = rng.choice([2, 2, 2, 3])
    parts = [rng.choice(SYLLABLES) for _ in range(n)]
    ko = "".join(p[0] for p in parts)
    en = "".join(p[1] for p in parts).capitalize()
    return ko, en


def evidence_ref(rng, evidence_ids):
    """Maybe an evidence="..." attribute naming declared evidence ids."""
    if not evidence_ids or rng.random() >= 0.3:
        return ""
    k = rng.randint(1, min(2, len(evidence_ids)))
    ids = sorted(rng.sample(evidence_ids, k), key=lambda e: int(e[1:]))
    return f' evidence="{" ".join(ids)}"'


def value(rng, indicator, content, evidence_ids):
    return (f'  <value indicator="{indicator}"'
            f'{evidence_ref(rng, evidence_ids)}>{text(content)}</value>')


def set_value(rng, indicator, items, evidence_ids):
    inner = "".join(f"<item>{text(i)}</item>" for i in items)
    return (f'  <value indicator="{indicator}"'
            f'{evidence_ref(rng, evidence_ids)}>{inner}</value>')


def applicant(app_id, kind, name_ko, name_en, role=None):
    role_attr = f' role="{role}"' if role else ""
    return (f'  <applicant id="{attr(app_id)}" kind="{kind}"{role_attr}>\n'
            f'    <name xml:lang="ko">{text(name_ko)}</name>\n'
            f'    <name xml:lang="en">{text(name_en)}</name>\n'
            f'  </applicant>')


def submitted(rng):
    if rng.random() < 0.1:
        return None  # optional element, sometimes omitted
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 1000))
    return f"  <submitted>{day.isoformat()}</submitted>"


def evidence(rng, dossier_id):
    """0-3 evidence documents; returns (lines, ids)."""
    count = rng.choice([0, 0, 1, 1, 2, 3])
    labels = rng.sample(EVIDENCE_LABELS, count)
    lines, ids = [], []
    for k, (label, slug) in enumerate(labels, start=1):
        eid = f"E{k}"
        href = f"evidence/{slug}-{k}.pdf"
        digest = hashlib.sha256(f"{dossier_id}/{href}".encode()).hexdigest()
        lines.append(f'  <evidence id="{eid}" href="{attr(href)}"\n'
                     f'            sha256="{digest}">{text(label)}</evidence>')
        ids.append(eid)
    return lines, ids


def present(rng, p=0.88):
    """Whether an optional value is given (sometimes values are omitted)."""
    return rng.random() < p


def document(dossier_id, rubric, head, body):
    rubric_id, version = rubric
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f'<dossier xmlns="{NS}" id="{attr(dossier_id)}"\n'
            f'         rubric="{rubric_id}" rubric-version="{version}">\n'
            + "\n".join(head + body) + "\n</dossier>\n")


# ---------------------------------------------------------------- city

def service_count(rng):
    return str(rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 6, 9]))


def city_dossier(rng, number):
    name_ko, name_en = place_name(rng)
    county = rng.random() < 0.3
    kind = "county" if county else "city"
    suffix_ko, suffix_en = ("군", "County") if county else ("시", "City")
    year = rng.choice([2025, 2026])
    dossier_id = f"{name_en.upper()}-{year}-{number:05d}"

    head = [applicant(f"KR-{name_en.upper()}", kind,
                      name_ko + suffix_ko, f"{name_en} {suffix_en}")]
    s = submitted(rng)
    if s:
        head.append(s)
    ev_lines, ev_ids = evidence(rng, dossier_id)
    head += ev_lines

    body = []
    count_ranges = {"INN-1": (0, 15), "INN-2": (0, 6), "INN-3": (0, 80),
                    "GOV-1": (0, 20), "GOV-3": (0, 5)}
    for ind in CITY_COUNTS:
        if present(rng):
            lo, hi = count_ranges[ind]
            body.append(value(rng, ind, str(rng.randint(lo, hi)), ev_ids))
    if present(rng):
        body.append(value(rng, "GOV-2", rng.choice(GOV2_VALUES), ev_ids))
    if present(rng):
        body.append(value(rng, "GOV-4", rng.choice(["true", "false"]), ev_ids))
    # Mandatory indicators: rarely missing (exercises the prerequisite path).
    for ind in ("SVC-TRA", "SVC-SAF"):
        if present(rng, 0.95):
            body.append(value(rng, ind, service_count(rng), ev_ids))

    # Electives: declare 0-3 (never more than 3).
    declared = rng.sample(CITY_ELECTIVES, rng.choice([0, 1, 2, 3, 3, 3]))
    for ind in CITY_ELECTIVES:
        if ind in declared:
            given = present(rng, 0.92)
        else:  # undeclared electives may carry a value; it scores nothing
            given = rng.random() < (0.6 if not declared else 0.15)
        if given:
            body.append(value(rng, ind, service_count(rng), ev_ids))
    for ind in CITY_ELECTIVES:  # rubric order, then shuffled with the rest
        if ind in declared:
            body.append(f'  <elective indicator="{ind}"/>')

    rng.shuffle(body)
    return document(dossier_id, CITY_RUBRIC, head, body)


# ---------------------------------------------------------------- service

def service_applicants(rng, theme_id):
    count = rng.choice([1, 1, 2, 2, 3])
    used_ids = set()
    lines = []
    while len(lines) < count:
        kind = rng.choice(["company", "company", "local-government",
                           "association"])
        place_ko, place_en = place_name(rng)
        if kind == "company":
            sk, se = rng.choice(COMPANY_SUFFIXES)
            if rng.random() < 0.5:
                ko, en = f"(주){place_ko}{sk}", f"{place_en} {se} Co., Ltd."
            else:
                ko, en = f"{place_ko}{sk}", f"{place_en} {se} Inc."
            app_id = f"CO-{place_en.upper()}-{se.upper().replace('&', '')}"
        elif kind == "local-government":
            if rng.random() < 0.7:
                ko, en = f"{place_ko}시청", f"{place_en} City Hall"
            else:
                ko, en = f"{place_ko}군청", f"{place_en} County Office"
            app_id = f"LG-{place_en.upper()}"
        else:
            theme_ko, theme_en, _ = rng.choice(SERVICE_THEMES)
            ko = f"한국{theme_ko.replace(' ', '')}협회"
            en = f"Korea {theme_en} Association"
            app_id = f"AS-{place_en.upper()}-{theme_id}"
        if app_id in used_ids:
            continue  # applicant ids are unique within a dossier
        used_ids.add(app_id)
        role = rng.choice(ROLES) if rng.random() < 0.75 else None
        lines.append(applicant(app_id, kind, ko, en, role))
    return lines


def kpi_values(rng, kind):
    """(target, achieved) as exact decimal strings, both > 0."""
    if kind == "pct":
        target = rng.randint(600, 990)                    # tenths of a percent
        achieved = min(1000, max(1, target + rng.randint(-250, 80)))
        return fmt_scaled(target, 10), fmt_scaled(achieved, 10)
    if kind == "pctlow":
        target = rng.randint(10, 150)
        achieved = max(1, target + rng.randint(-50, 120))
        return fmt_scaled(target, 10), fmt_scaled(achieved, 10)
    if kind == "count":
        target = rng.randint(100, 5000)
        achieved = max(1, target + rng.randint(-target // 2, target // 3))
        return str(target), str(achieved)
    if kind == "small":
        target = rng.randint(20, 150)                     # tenths
        achieved = max(1, target + rng.randint(-30, 100))
        return fmt_scaled(target, 10), fmt_scaled(achieved, 10)
    # "ms"
    target = rng.randint(50, 800)
    achieved = max(1, target + rng.randint(-40, 600))
    return str(target), str(achieved)


def service_dossier(rng, number):
    _, _, theme_id = rng.choice(SERVICE_THEMES)
    year = rng.choice([2025, 2026])
    dossier_id = f"{theme_id}-{year}-{number:05d}"

    head = service_applicants(rng, theme_id)
    s = submitted(rng)
    if s:
        head.append(s)
    ev_lines, ev_ids = evidence(rng, dossier_id)
    head += ev_lines

    body = []
    for ind in SERVICE_JUDGMENTS:
        if present(rng):
            score = rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5])
            body.append(f'  <judgment indicator="{ind}" score="{score}"/>')
    if present(rng):  # COM-3: years of secured funding, 0-6, one decimal
        tenths = rng.randint(0, 60)
        body.append(value(rng, "COM-3", fmt_scaled(tenths, 10), ev_ids))
    if present(rng):
        body.append(value(rng, "PER-1", rng.choice(PER1_VALUES), ev_ids))
    if present(rng):
        items = rng.sample(PER2_STANDARDS, rng.randint(1, 4))
        body.append(set_value(rng, "PER-2", items, ev_ids))
    if present(rng):
        items = rng.sample(PER4_CONTROLS, rng.randint(1, 5))
        body.append(set_value(rng, "PER-4", items, ev_ids))
    if present(rng):  # OPS-2: availability %, 90-100, up to 2 decimals
        lo, hi = rng.choice([(9000, 9500), (9500, 9900), (9900, 9990),
                             (9990, 10000)])
        body.append(value(rng, "OPS-2", fmt_scaled(rng.randint(lo, hi), 100),
                          ev_ids))
    if present(rng):  # OPS-3: completeness %, 80-100
        body.append(value(rng, "OPS-3",
                          fmt_scaled(rng.randint(800, 1000), 10), ev_ids))

    # PER-3: 1-4 applicant-proposed KPIs.
    for k, (label, direction, unit, kind) in enumerate(
            rng.sample(KPI_TEMPLATES, rng.randint(1, 4)), start=1):
        target, achieved = kpi_values(rng, kind)
        body.append(f'  <kpi indicator="PER-3" id="K{k}" direction="{direction}"'
                    f' target="{target}" achieved="{achieved}"'
                    f' unit="{attr(unit)}">{text(label)}</kpi>')

    rng.shuffle(body)
    return document(dossier_id, SERVICE_RUBRIC, head, body)


# ---------------------------------------------------------------- main

def file_rng(seed, number):
    """An RNG for one file, derived only from (seed, number)."""
    digest = hashlib.sha256(f"certify-bench:{seed}:{number}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Write N synthetic certification dossiers to OUTDIR.")
    parser.add_argument("outdir")
    parser.add_argument("n", type=int, metavar="N")
    parser.add_argument("--seed", type=int, default=1,
                        help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")

    os.makedirs(args.outdir, exist_ok=True)
    width = max(5, len(str(args.n)))
    for number in range(1, args.n + 1):
        rng = file_rng(args.seed, number)
        if number % 2 == 1:
            xml = city_dossier(rng, number)
        else:
            xml = service_dossier(rng, number)
        path = os.path.join(args.outdir, f"d{number:0{width}d}.xml")
        with open(path, "wb") as f:
            f.write(xml.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
