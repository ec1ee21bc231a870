# ruff: noqa
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Deterministic synthetic benchmark of Dutch social-care notes (standard library only).

python maak_bench.py --n 2000 --seed 7 --uit DIR
writes DIR/hulpvragen.csv, DIR/waarheid.csv, DIR/themas.md
"""

import argparse, calendar, csv, os, re, random
from collections import Counter, defaultdict

from themes_data import CATALOGUS, BUITEN, KEYWORDS, EENMALIG, EENMALIG_FRAMES, VEILIG, OPENERS, CLOSERS

WIJKEN = ["Molenkwartier", "De Zuidhoek", "Oranjepark", "Vissersbuurt", "Hoge Weide", "Stationskwartier"]
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# ---- shares (fractions of all notes) ----
AANDEEL_EENMALIG = 0.05
AANDEEL_VEILIG = 0.04
AANDEEL_CATALOGUS = 0.455  # split evenly over the 5 catalogue themes
AANDEEL_BUITEN = 1 - AANDEEL_EENMALIG - AANDEEL_VEILIG - AANDEEL_CATALOGUS  # ~0.455 over 7 themes

# ---- time / place structure ----
STIJGEND = "online_oplichting"  # rises ~5x Jan -> Dec
SEIZOEN = "energie_isolatie"  # peaks in maart and oktober
SEIZOEN_PIEKEN = {3: 4.0, 10: 4.0}
CONCENTRATIE = "oekraine_ontheemden"  # concentrated in one wijk
CONCENTRATIE_WIJK = "Hoge Weide"
CONCENTRATIE_AANDEEL = 0.70

MINUTEN_GEM = {
    "toeslagen": 40,
    "schulden": 65,
    "wonen": 45,
    "mantelzorg": 55,
    "taal_digitaal": 35,
    "wmo_hulpmiddelen": 45,
    "oekraine_ontheemden": 60,
    "echtscheiding_omgang": 60,
    "duo_studieschuld": 35,
    "nalatenschap_overlijden": 55,
    "online_oplichting": 50,
    "energie_isolatie": 35,
    "eenmalig": 20,
}

AFKORTINGEN = [
    ("mevrouw", "mw."),
    ("meneer", "dhr."),
    ("in verband met", "ivm"),
    ("in overleg met", "i.o.m."),
    ("Huisbezoek", "HB"),
    ("huisbezoek", "HB"),
    ("Belastingdienst", "BD"),
    ("Telefonisch", "Tel."),
    ("volgende week", "vlg week"),
    ("maanden", "mnd"),
    ("weken", "wk"),
    ("ongeveer", "ca."),
    ("cliënt", "cl."),
    ("kinderen", "kids"),
]

SLOT_RE = re.compile(r"\{([^{}]+)\}")


def maand_gewichten(thema, rng_vast):
    if thema == STIJGEND:
        return [1 + 4 * (m - 1) / 11 for m in range(1, 13)]
    if thema == SEIZOEN:
        return [SEIZOEN_PIEKEN.get(m, 1.0) for m in range(1, 13)]
    return [rng_vast.uniform(0.85, 1.15) for _ in range(12)]


def wijk_gewichten(thema, rng_vast):
    if thema == CONCENTRATIE:
        rest = (1 - CONCENTRATIE_AANDEEL) / (len(WIJKEN) - 1)
        return [CONCENTRATIE_AANDEEL if w == CONCENTRATIE_WIJK else rest for w in WIJKEN]
    return [rng_vast.uniform(0.8, 1.2) for _ in WIJKEN]


class Vuller:
    def __init__(self, rng):
        self.r = rng

    def cl(self):
        return self.r.choice(["mw.", "dhr.", "cl.", "mevrouw", "meneer", "cliënt", "cl.", "mw", "dhr."])

    def slot(self, m):
        s = m.group(1)
        r = self.r
        if s == "cl":
            return self.cl()
        if s == "kind":
            return r.choice(["zoon", "dochter", "oudste zoon", "jongste dochter", "kind", "zoon", "dochter"])
        if s == "maand":
            return r.choice(MAANDEN)
        if s.startswith("#"):
            a, b = s[1:].split("-")
            return str(r.randint(int(a), int(b)))
        if s.startswith("€"):
            a, b = (int(x) for x in s[1:].split("-"))
            stap = 5 if b <= 100 else (10 if b <= 1000 else 100)
            v = r.randint(a // stap, b // stap) * stap
            f = r.random()
            if f < 0.4:
                return f"€{v}"
            if f < 0.7:
                return f"€ {v:,}".replace(",", ".")
            return f"{v} euro"
        if s == "x":
            return m.group(0)
        raise KeyError(s)

    def vul(self, t):
        return SLOT_RE.sub(self.slot, t)


def typo(rng, tekst):
    woorden = tekst.split(" ")
    kand = [i for i, w in enumerate(woorden) if len(w) >= 5 and w.isalpha()]
    if not kand:
        return tekst
    i = rng.choice(kand)
    w = woorden[i]
    k = rng.randrange(1, len(w) - 1)
    soort = rng.random()
    if soort < 0.4:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    elif soort < 0.7:
        w = w[:k] + w[k + 1 :]
    else:
        w = w[:k] + w[k] + w[k:]
    woorden[i] = w
    return " ".join(woorden)


def afkorten(rng, tekst):
    if rng.random() < 0.6:
        for lang, kort in AFKORTINGEN:
            if lang in tekst and rng.random() < 0.7:
                tekst = tekst.replace(lang, kort)
    return tekst


def maak_tekst(rng, vul, kern, opener_kans=0.75, closer_kans=0.7):
    delen = []
    op = vul.vul(rng.choice(OPENERS)) if rng.random() < opener_kans else ""
    cl = vul.vul(rng.choice(CLOSERS)) if rng.random() < closer_kans else ""
    for d in (op, kern, cl):
        if d:
            delen.append(d)
    tekst = " ".join(delen)
    n = len(tekst.split())
    if n > 60:
        tekst = kern
    while len(tekst.split()) < 8:
        tekst = tekst + " " + vul.vul(rng.choice([c for c in CLOSERS if c]))
    tekst = afkorten(rng, tekst)
    if rng.random() < 0.05:
        tekst = typo(rng, tekst)
    if rng.random() < 0.15:
        tekst = tekst[0].lower() + tekst[1:]
    return tekst.replace(";", ",")


def genereer(n, seed):
    rng = random.Random(seed)
    rng_vast = random.Random(seed * 1000 + 1)  # fixed per-seed pattern noise
    vul = Vuller(rng)

    cat = list(CATALOGUS)
    bui = list(BUITEN)
    themas = [(t, "ja") for t in cat] + [(t, "nee") for t in bui]
    gewichten = [AANDEEL_CATALOGUS / len(cat)] * len(cat) + [AANDEEL_BUITEN / len(bui)] * len(bui)
    templates = {**{t: d["templates"] for t, d in CATALOGUS.items()}, **{t: d["templates"] for t, d in BUITEN.items()}}
    mg = {t: maand_gewichten(t, rng_vast) for t, _ in themas}
    wg = {t: wijk_gewichten(t, rng_vast) for t, _ in themas}
    for t in ("eenmalig", "veilig"):
        mg[t] = [1.0] * 12
        wg[t] = [1.0] * len(WIJKEN)

    # exact counts per group (deterministic, no sampling noise in the shares)
    n_een = round(n * AANDEEL_EENMALIG)
    n_vei = round(n * AANDEEL_VEILIG)
    rest = n - n_een - n_vei
    tot_w = sum(gewichten)
    per_thema = [int(rest * w / tot_w) for w in gewichten]
    for i in range(rest - sum(per_thema)):
        per_thema[i % len(per_thema)] += 1
    labels = []
    for (t, ic), k in zip(themas, per_thema):
        labels += [(t, ic)] * k
    labels += [("eenmalig", "nee")] * n_een
    labels += [("veilig", "ja")] * n_vei
    rng.shuffle(labels)

    # households: pool per wijk, ~2.5 notes per household on average
    pool = max(20, n // (len(WIJKEN) * 2))
    huishoudens = {w: [f"HH{wi + 1}{j:05d}" for j in range(pool)] for wi, w in enumerate(WIJKEN)}
    historie = defaultdict(list)  # (thema, wijk) -> households seen
    veilig_cats = list(VEILIG)
    vei_i = 0
    alle_gewone = [tpl for t in templates for tpl in templates[t]]
    een_i = 0
    rijen = []

    # month and wijk per theme: exact (largest-remainder) allocation to the weights, then shuffled,
    # so the intended patterns hold even for small n; flat themes get their noise from the weights.
    def verdeel(k, gew):
        tot = sum(gew)
        exact = [k * g / tot for g in gew]
        aantallen = [int(e) for e in exact]
        volgorde = sorted(range(len(gew)), key=lambda i: exact[i] - aantallen[i], reverse=True)
        for i in volgorde[: k - sum(aantallen)]:
            aantallen[i] += 1
        lijst = [i for i, a in enumerate(aantallen) for _ in range(a)]
        rng.shuffle(lijst)
        return lijst

    groep_n = Counter(t for t, _ in labels)
    m_rij = {t: verdeel(k, mg[t]) for t, k in groep_n.items()}
    w_rij = {t: verdeel(k, wg[t]) for t, k in groep_n.items()}
    for thema, ic in labels:
        mi = m_rij[thema].pop()
        wi = w_rij[thema].pop()
        maand = mi + 1
        dag = rng.randint(1, calendar.monthrange(2025, maand)[1])
        wijk = WIJKEN[wi]
        veilig = 0
        if thema == "eenmalig":
            x = vul.vul(EENMALIG[een_i % len(EENMALIG)])
            een_i += 1
            frame = rng.choice(EENMALIG_FRAMES)
            kern = vul.vul(frame.replace("{x}", "\x00")).replace("\x00", x)
            label = "eenmalig"
        elif thema == "veilig":
            vc = veilig_cats[vei_i % len(veilig_cats)]  # balanced over the safety categories
            vei_i += 1
            kern = vul.vul(rng.choice(VEILIG[vc]))
            if rng.random() < 0.6:  # mixed with another topic
                ander = vul.vul(rng.choice(alle_gewone))
                kern = (
                    (ander + " " + kern)
                    if rng.random() < 0.5
                    else (kern + " Vraag ging eigenlijk over: " + ander[0].lower() + ander[1:])
                )
            label = vc
            veilig = 1
        else:
            t1 = rng.choice(templates[thema])
            kern = vul.vul(t1)
            if rng.random() < 0.12:  # longer note: a second detail from the same theme
                t2 = rng.choice(templates[thema])
                if t2 != t1:
                    kern = kern + " " + vul.vul(t2)
            label = thema
        tekst = maak_tekst(rng, vul, kern)
        # household: follow-up on same theme in same wijk, or any household of the wijk
        hkey = (label, wijk)
        if historie[hkey] and rng.random() < 0.35:
            hh = rng.choice(historie[hkey])
        else:
            hh = rng.choice(huishoudens[wijk])
            historie[hkey].append(hh)
        gem = 90 if veilig else MINUTEN_GEM[label]
        minuten = int(min(120, max(15, rng.gauss(gem, gem * 0.35))) // 5 * 5)
        rijen.append((f"2025-{maand:02d}-{dag:02d}", wijk, hh, minuten, tekst, label, ic, veilig))
    rijen.sort(key=lambda r: r[0])
    return rijen, mg, wg


def schrijf(rijen, mg, wg, uit):
    os.makedirs(uit, exist_ok=True)
    with open(os.path.join(uit, "hulpvragen.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["volgnummer", "datum", "wijk", "huishouden", "minuten", "omschrijving"])
        for i, r in enumerate(rijen, 1):
            w.writerow([i, r[0], r[1], r[2], r[3], r[4]])
    with open(os.path.join(uit, "waarheid.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["volgnummer", "thema", "in_catalogus", "veilig"])
        for i, r in enumerate(rijen, 1):
            w.writerow([i, r[5], r[6], r[7]])
    schrijf_themas(rijen, mg, wg, os.path.join(uit, "themas.md"))


def schrijf_themas(rijen, mg, wg, pad):
    per_m = defaultdict(Counter)
    per_w = defaultdict(Counter)
    for r in rijen:
        per_m[r[5]][int(r[0][5:7])] += 1
        per_w[r[5]][r[1]] += 1
    L = [
        "# Thema's in deze benchmark",
        "",
        f"Totaal {len(rijen)} notities. Maandpatroon en wijkpatroon: bedoeld patroon + telling in deze run.",
        "",
    ]

    def blok(t, ic, beschr, mpat, wpat):
        L.append(f"## {t}  (in_catalogus: {ic})")
        L.append("")
        L.append(beschr)
        L.append("")
        if t in KEYWORDS:
            L.append(f"Voor de hand liggend trefwoord (regex): `{KEYWORDS[t]}`, in hoogstens 1/3 van de notities.")
            L.append("")
        L.append(f"- Maandpatroon: {mpat}")
        L.append("- Telling per maand (jan..dec): " + ", ".join(str(per_m[t][m]) for m in range(1, 13)))
        L.append(f"- Wijkpatroon: {wpat}")
        L.append("- Telling per wijk: " + ", ".join(f"{w} {per_w[t][w]}" for w in WIJKEN))
        L.append("")

    def mp(t):
        if t == STIJGEND:
            return "stijgend, lineair gewicht 1 (januari) tot 5 (december): ongeveer vijf keer zoveel in december als in januari."
        if t == SEIZOEN:
            return "seizoen: pieken in maart (jaarafrekeningen) en oktober (begin stookseizoen), gewicht 4 tegen 1 in de andere maanden."
        return "vlak met ruis (maandgewicht 0,85-1,15)."

    def wp(t):
        if t == CONCENTRATIE:
            return f"geconcentreerd: {int(CONCENTRATIE_AANDEEL * 100)}% in {CONCENTRATIE_WIJK} (gemeentelijke opvanglocatie), rest gelijk verdeeld."
        return "vlak met ruis (wijkgewicht 0,8-1,2)."

    for t, d in CATALOGUS.items():
        blok(t, "ja", d["beschrijving"], mp(t), wp(t))
    for t, d in BUITEN.items():
        blok(t, "nee", d["beschrijving"], mp(t), wp(t))
    blok(
        "eenmalig",
        "nee",
        f"Losse vragen over zeldzame onderwerpen ({len(EENMALIG)} verschillende onderwerpen; "
        "de eerste zoveel eenmalige notities hebben elk een ander onderwerp, daarna herhaalt de lijst zich). ~5% van de notities.",
        "vlak.",
        "vlak.",
    )
    L.append("## veiligheid_*  (in_catalogus: ja, individueel vervolg)")
    L.append("")
    L.append(
        "~4% van de notities, veilig=1. Meestal zonder de voor de hand liggende woorden, ~60% gemengd met een ander onderwerp. "
        "Labels: " + ", ".join(VEILIG) + "."
    )
    L.append("")
    for t in VEILIG:
        L.append(f"- {t}: {sum(per_m[t].values())}")
    L.append("")
    with open(pad, "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uit", required=True)
    a = ap.parse_args()
    rijen, mg, wg = genereer(a.n, a.seed)
    schrijf(rijen, mg, wg, a.uit)


if __name__ == "__main__":
    main()
