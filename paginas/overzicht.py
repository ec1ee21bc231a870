"""Overzicht: the key figures for the chosen period and wijk, and the active NLP pipeline."""

import pandas as pd
import streamlit as st

from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.overzicht(ctx)
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
    # A table with bars rather than a chart: the first page then needs no chart library in browser or server.
    tabel = t.themas[t.themas["Hulpvragen"] != f"<{t.k}"]
    st.dataframe(
        pd.DataFrame(
            {
                "Thema": tabel["Thema"],
                "Hulpvragen": pd.to_numeric(tabel["Hulpvragen"]),
                "Huishoudens": tabel["Huishoudens"],
                "Trend": tabel["Trend"],
                "Terugkerend": tabel["Terugkerend"],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "Hulpvragen": st.column_config.ProgressColumn(
                "Hulpvragen", format="%d", min_value=0, max_value=int(pd.to_numeric(tabel["Hulpvragen"]).max() or 1)
            )
        },
    )
    verborgen = int((t.themas["Hulpvragen"] == f"<{t.k}").sum())
    if verborgen:
        st.caption(f"{verborgen} thema's met minder dan {t.k} hulpvragen staan er niet in (privacy). Alles: *Thema's*.")
with rechts:
    st.subheader("Opkomend")
    if t.opkomend:
        for thema_id in t.opkomend:
            rij = t.themas[t.themas["thema_id"] == thema_id].iloc[0]
            st.markdown(f"- **{rij['Thema']}**: {rij['Hulpvragen']} hulpvragen, {rij['Opkomend']}")
    else:
        st.caption("Geen thema's die duidelijk stijgen in deze periode.")
    st.subheader("Beste voorstellen")
    for aanbod, thema, verwacht in t.beste:
        st.markdown(f"- **{aanbod}** ({thema}): ± {ui.uren(verwacht)} tijdwinst per maand")
    if not t.beste:
        st.caption("Geen aanbod met verwachte tijdwinst; bekijk alle voorstellen op de pagina Voorstellen.")
    st.page_link("paginas/voorstellen.py", label="Alle voorstellen", icon=":material/arrow_forward:")
