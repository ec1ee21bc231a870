# ruff: noqa
#!/usr/bin/env python3
"""Checks a generated benchmark directory: python controleer.py DIR"""

import csv, re, sys
from collections import Counter, defaultdict
from themes_data import KEYWORDS, EENMALIG

d = sys.argv[1]
H = list(csv.DictReader(open(f"{d}/hulpvragen.csv", encoding="utf-8"), delimiter=";"))
W = list(csv.DictReader(open(f"{d}/waarheid.csv", encoding="utf-8"), delimiter=";"))
assert len(H) == len(W) and all(h["volgnummer"] == w["volgnummer"] for h, w in zip(H, W))
n = len(H)
print(f"notities: {n}")

per = defaultdict(list)
for h, w in zip(H, W):
    per[w["thema"]].append(h)

print("\n1. Aandeel notities met het voor de hand liggende trefwoord (eis: <= 33%)")
ok = True
for t, kw in KEYWORDS.items():
    rx = re.compile(kw, re.I)
    k = sum(1 for h in per[t] if rx.search(h["omschrijving"]))
    s = k / len(per[t])
    ok &= s <= 1 / 3
    print(f"   {t:26s} {kw:38s} {k:5d}/{len(per[t]):5d} = {s:5.1%} {'OK' if s <= 1 / 3 else 'TE HOOG'}")
print("   alle thema's OK" if ok else "   NIET OK")

print("\n2. Verdeling")
cat = sum(1 for w in W if w["in_catalogus"] == "ja" and w["veilig"] == "0")
een = sum(1 for w in W if w["thema"] == "eenmalig")
vei = sum(1 for w in W if w["veilig"] == "1")
print(
    f"   catalogusthema's {cat / n:.1%}, buiten catalogus {(n - cat - een - vei) / n:.1%}, eenmalig {een / n:.1%}, veilig {vei / n:.1%}"
)
for t, c in sorted(Counter(w["thema"] for w in W).items()):
    print(f"   {t:32s} {c}")

print("\n3. Lengte en minuten")
lens = [len(h["omschrijving"].split()) for h in H]
mins = [int(h["minuten"]) for h in H]
print(f"   woorden min {min(lens)} max {max(lens)} gem {sum(lens) / n:.1f} (eis 8-60)")
print(f"   minuten min {min(mins)} max {max(mins)} (eis 15-120)")
assert 8 <= min(lens) and max(lens) <= 60 and 15 <= min(mins) and max(mins) <= 120

print("\n4. Tijd en plaats")


def maanden(t):
    c = Counter(int(h["datum"][5:7]) for h in per[t])
    return [c[m] for m in range(1, 13)]


m = maanden("online_oplichting")
print(
    f"   online_oplichting per maand: {m}  dec/jan = {m[11] / max(1, m[0]):.1f}, Q4/Q1 = {sum(m[9:]) / max(1, sum(m[:3])):.1f}"
)
m = maanden("energie_isolatie")
print(f"   energie_isolatie per maand: {m}  (pieken maart, oktober)")
c = Counter(h["wijk"] for h in per["oekraine_ontheemden"])
top, k = c.most_common(1)[0]
print(f"   oekraine_ontheemden: {top} {k / len(per['oekraine_ontheemden']):.0%} (eis >= 60%)")
mx = 0
for t in KEYWORDS:
    if t == "oekraine_ontheemden":
        continue
    c = Counter(h["wijk"] for h in per[t])
    mx = max(mx, c.most_common(1)[0][1] / len(per[t]))
print(f"   grootste wijkaandeel bij de andere thema's: {mx:.0%}")
print(
    f"   maanden aanwezig: {sorted(set(h['datum'][:7] for h in H))[0]} .. {sorted(set(h['datum'][:7] for h in H))[-1]}, wijken: {len(set(h['wijk'] for h in H))}"
)

print("\n5. Huishoudens")
hh = Counter(h["huishouden"] for h in H)
print(
    f"   {len(hh)} huishoudens, {sum(1 for v in hh.values() if v > 1)} met >1 notitie, max {max(hh.values())} notities"
)

print("\n6. Eenmalig / veilig")
een_t = [h["omschrijving"] for h in per["eenmalig"]]


def woorden(x):
    return set(re.findall(r"[a-zà-ÿ]{4,}", x.lower()))


sw = [woorden(s) for s in EENMALIG]
beste = [max(range(len(EENMALIG)), key=lambda i: len(sw[i] & woorden(t))) for t in een_t]
subj = len(set(beste))
print(f"   eenmalig: {len(een_t)} notities, {subj} verschillende onderwerpen (lijst heeft {len(EENMALIG)})")
OBV = re.compile(
    r"geweld|mishandel|misbruik|loverboy|su[iï]cid|verslaaf|verslaving|politie|gevangenis|stalk|veilig thuis", re.I
)
vt = [h["omschrijving"] for h, w in zip(H, W) if w["veilig"] == "1"]
print(
    f"   veilig: {len(vt)}, zonder voor de hand liggend woord: {sum(1 for t in vt if not OBV.search(t)) / len(vt):.0%}"
)

print("\n7. Typfouten/afkortingen (indicatie)")
ab = sum(1 for h in H if re.search(r"\b(mw\.|dhr\.|cl\.|ivm|i\.o\.m\.|HB|BD|SHV|Tel\.)", h["omschrijving"]))
print(f"   notities met afkorting: {ab / n:.0%}")
print(f"   dubbele omschrijvingen: {n - len(set(h['omschrijving'] for h in H))}")
