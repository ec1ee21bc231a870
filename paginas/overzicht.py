"""Overzicht: the key figures for the chosen period and wijk, and the active NLP pipeline."""

import altair as alt
import pandas as pd
import streamlit as st

from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.tabellen(ctx)
kc = t.kerncijfers
ui.kop("Overzicht", ctx, t)

kolommen = st.columns(4)
kolommen[0].metric("Hulpvragen", ui.aantal(kc.hulpvragen), help="In de gekozen periode en wijk.")
kolommen[1].metric(
    "Thema's", kc.themas, help="Thema's met minstens één hulpvraag in de periode (Overig niet meegeteld)."
)
kolommen[2].metric(
    "Terugkerende thema's",
    kc.terugkerend,
    help=f"Minstens 8 hulpvragen van minstens 5 huishoudens in de periode; {kc.individueel} daarvan vragen "
    "individuele opvolging (geen groepsaanbod).",
)
if kc.tijdwinst is not None:
    laag, verwacht, hoog = kc.tijdwinst
    kolommen[3].metric(
        "Tijdwinst per maand",
        ui.uren(verwacht),
        help=f"Tussen {ui.uren(laag)} en {ui.uren(hoog)} per maand: het beste collectieve aanbod voor "
        f"{kc.tijdwinst_themas} terugkerende thema's met positieve verwachte tijdwinst. Zie Tijdwinst.",
    )
else:
    kolommen[3].metric("Tijdwinst per maand", "–", help="Geen aanbod met verwachte tijdwinst in deze periode.")
if kc.huishoudens is not None:
    st.caption(f"Van {ui.aantal(kc.huishoudens)} verschillende huishoudens.")

st.markdown(f"**Actieve NLP-pijplijn:** {ctx.keuzes['pipeline']}")
for melding in ctx.keuzes["meldingen"]:
    st.warning(melding)

links, rechts = st.columns([3, 2])
with links:
    st.subheader("Hulpvragen per thema")
    tabel = t.themas[t.themas["Hulpvragen"] != f"<{t.k}"].copy()
    tabel["aantal"] = pd.to_numeric(tabel["Hulpvragen"])
    tabel["Terugkerend"] = tabel["Terugkerend"].map({"ja": "terugkerend", "nee": "niet terugkerend"})
    grafiek = (
        alt.Chart(tabel)
        .mark_bar()
        .encode(
            x=alt.X("aantal:Q", title="Hulpvragen in de periode"),
            y=alt.Y("Thema:N", sort="-x", title=None),
            color=alt.Color("Terugkerend:N", title=None, scale=alt.Scale(range=["#2b6cb0", "#a0aec0"])),
            tooltip=["Thema", "Hulpvragen", "Huishoudens", "Trend"],
        )
        .properties(height=max(200, 24 * len(tabel)))
    )
    st.altair_chart(grafiek, width="stretch")
    verborgen = int((t.themas["Hulpvragen"] == f"<{t.k}").sum())
    if verborgen:
        st.caption(f"{verborgen} thema's met minder dan {t.k} hulpvragen zijn niet getekend (privacy).")
with rechts:
    st.subheader("Opkomend")
    if t.opkomend:
        for thema_id in t.opkomend:
            rij = t.themas[t.themas["thema_id"] == thema_id].iloc[0]
            st.markdown(f"- **{rij['Thema']}**: {rij['Hulpvragen']} hulpvragen, {rij['Opkomend']}")
    else:
        st.caption("Geen thema's die duidelijk stijgen in deze periode.")
    st.subheader("Beste voorstellen")
    groeps = [v for v in t.voorstellen if v.soort == "collectief" and (v.tijdwinst_verwacht or 0) > 0][:3]
    for v in groeps:
        st.markdown(f"- **{v.aanbod}** ({v.thema}): ± {ui.uren(v.tijdwinst_verwacht)} tijdwinst per maand")
    if not groeps:
        st.caption("Geen aanbod met verwachte tijdwinst; bekijk alle voorstellen op de pagina Voorstellen.")
    st.page_link("paginas/voorstellen.py", label="Alle voorstellen", icon=":material/arrow_forward:")
