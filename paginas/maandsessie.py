"""Maandsessie: what changed since last month, then the team renames, merges, splits off or dismisses themes (with
a note, each undoable), reading the notes first; and the one printable session report."""

import re

import streamlit as st

from collectief.dashboard import Actie, sessie, ui
from collectief.dashboard import weergave as w

ctx = ui.context()
t = ctx.tabellen()
ui.kop("Maandsessie", ctx, t)
st.markdown(
    "Bespreek welke vragen terugkomen, geef thema's een naam die het team herkent, voeg samen wat bij elkaar hoort "
    "en wijs af wat geen thema is. Besluiten worden bewaard en gelden voor elke volgende analyse; elk besluit kan "
    "ongedaan worden gemaakt."
)

st.subheader("Sinds vorige maand")
veranderd = ctx.veranderingen()
if len(veranderd):
    maand = w.maandlabel(ctx.filter.tot, lang=True) if ctx.filter.tot else "de laatste maand"
    st.caption(f"{maand[:1].upper()}{maand[1:]} tegenover de maand ervoor. '<{t.k}' = minder dan {t.k}.")
    st.dataframe(veranderd.drop(columns="thema_id"), hide_index=True, width="stretch")
else:
    st.caption(
        "Geen thema's met genoeg hulpvragen om te vergelijken met vorige maand (of de gegevens hebben geen datums)."
    )

st.subheader("Thema's in de periode")
st.dataframe(
    t.themas[["Thema", "Hulpvragen", "Huishoudens", "Trend", "Terugkerend", "Opkomend", "Besluiten van het team"]],
    hide_index=True,
    width="stretch",
)

st.subheader("Besluit nemen")
ui.melding("ms_melding")
namen = dict(zip(t.themas["thema_id"], t.themas["Thema"], strict=True))
aantallen = dict(zip(t.themas["thema_id"], t.themas["Hulpvragen"], strict=True))
opties = list(t.themas["thema_id"])
if st.session_state.get("ms_thema") not in opties:
    st.session_state.pop("ms_thema", None)
thema_id = st.selectbox(
    "Thema", opties, key="ms_thema", format_func=lambda i: f"{namen[i]} ({aantallen[i]} hulpvragen)"
)
with st.expander("Alle notities van dit thema lezen"):
    ui.toon_notities(ctx, thema_id, "ms_notities")
LABELS = {
    Actie.HERNOEMEN: "Hernoemen",
    Actie.SAMENVOEGEN: "Samenvoegen met een ander thema",
    Actie.AFSPLITSEN: "Afsplitsen op een trefwoord",
    Actie.AFWIJZEN: "Afwijzen (naar Overig)",
}
actie = st.radio("Wat besluit het team?", list(LABELS), format_func=LABELS.get, key="ms_actie", horizontal=True)
if actie == Actie.HERNOEMEN:
    st.text_input(
        "Nieuwe naam",
        key="ms_naam",
        placeholder="bijvoorbeeld: Vervoer en regiotaxi",
        help="De oude naam blijft zichtbaar bij de besluiten en in de toelichting van het thema.",
    )
elif actie == Actie.SAMENVOEGEN:
    anderen = [i for i in opties if i not in (thema_id, "overig")]
    if st.session_state.get("ms_doel") not in anderen:
        st.session_state.pop("ms_doel", None)
    st.selectbox(
        "Samenvoegen met",
        anderen,
        key="ms_doel",
        format_func=namen.get,
        help="De hulpvragen van het gekozen thema gaan naar dit thema.",
    )
elif actie == Actie.AFSPLITSEN:
    links, rechts = st.columns(2)
    links.text_input(
        "Trefwoord",
        key="ms_trefwoord",
        placeholder="bijvoorbeeld: scootmobiel",
        help="Hulpvragen in dit thema met een woord dat zo begint, krijgen een eigen thema. Zoek het woord eerst "
        "in de notities hierboven om te zien welke hulpvragen meegaan.",
    )
    rechts.text_input("Naam van het nieuwe thema", key="ms_nieuwe_naam", placeholder="bijvoorbeeld: Vervoer")
    trefwoord = str(st.session_state.get("ms_trefwoord") or "").strip()
    if len(trefwoord) >= 3:
        n = sessie.aantal_met_trefwoord(ctx.stand(), thema_id, trefwoord)
        st.caption(f"In alle gegevens: {w.aantal(n)} hulpvragen van dit thema bevatten dit woord.")
else:
    st.caption("De hulpvragen van dit thema gaan naar Overig: ze blijven geteld en zichtbaar, maar niet als thema.")
st.text_area("Notitie", key="ms_notitie", placeholder="Waarom? Bijvoorbeeld: afgesproken in het teamoverleg van ...")
st.button("Besluit opslaan", type="primary", key="ms_opslaan", on_click=ui.bewaar_besluit)

st.subheader("Besluiten tot nu toe")
besluiten = ctx.besluiten()
if len(besluiten):
    for rij in besluiten.itertuples(index=False):
        a, b, c = st.columns([1, 6, 2], vertical_alignment="center")
        a.markdown(rij.Datum)
        notitie = f"  \n*Notitie: {w.md(rij.Notitie)}*" if rij.Notitie else ""
        if rij.Ongedaan:
            # Kept as history: what the team decided and when it was undone.
            b.markdown(f"~~{w.md(rij.Besluit)}~~{notitie}")
            c.caption(f"Ongedaan gemaakt op {rij.Ongedaan}")
            continue
        b.markdown(w.md(rij.Besluit) + notitie)
        c.button(
            "Ongedaan maken",
            key=f"ms_ongedaan_{rij.id}",
            on_click=ui.maak_ongedaan,
            args=(int(rij.id),),
            icon=":material/undo:",
        )
    for regel in ctx.stand().overgeslagen:
        st.warning(regel)
else:
    st.caption("Nog geen besluiten.")

st.subheader("Verslag van de sessie")
st.caption(
    "Het document om te printen voor de sessie: kerncijfers, terugkerende thema's, voorstellen met tijdwinst en de "
    "besluiten van het team, met een bijlage. Hetzelfde verslag staat op de pagina Export."
)
markdown, html = ctx.rapport()
links, rechts = st.columns(2)
links.download_button(
    "Verslag om te printen (HTML)",
    html,
    "verslag_maandsessie.html",
    "text/html",
    on_click="ignore",
    icon=":material/print:",
    key="ms_html",
)
rechts.download_button(
    "Verslag (Markdown)", markdown, "verslag_maandsessie.md", "text/markdown", on_click="ignore", key="ms_md"
)
with st.expander("Verslag bekijken"):
    st.markdown(re.sub(r"^(#+) ", r"##\1 ", markdown, flags=re.MULTILINE))  # smaller headings on screen
