"""Overzicht: the key figures for the chosen period and wijk."""

import pandas as pd
import streamlit as st

from collectief.dashboard import ui
from collectief.dashboard import weergave as w

ctx = ui.context()
t = ctx.tabellen()
kc = t.kerncijfers
ui.kop("Overzicht", ctx, t)

kolommen = st.columns(4)
kolommen[0].metric("Hulpvragen", w.aantal(kc.hulpvragen), help="In de gekozen periode en wijk.")
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
        w.uren(verwacht),
        help=f"Tussen {w.uren(laag)} en {w.uren(hoog)} per maand: het beste collectieve aanbod voor "
        f"{kc.tijdwinst_themas} terugkerende thema's met positieve verwachte tijdwinst. Zie Tijdwinst.",
    )
else:
    kolommen[3].metric("Tijdwinst per maand", "–", help="Geen aanbod met verwachte tijdwinst in deze periode.")
if kc.huishoudens is not None:
    st.caption(f"Van {w.aantal(kc.huishoudens)} verschillende huishoudens.")

links, rechts = st.columns([3, 2])
with links:
    st.subheader("Hulpvragen per thema")
    tabel = t.themas[t.themas["Hulpvragen"] != f"<{t.k}"]
    st.dataframe(
        pd.DataFrame(
            {
                "Thema": tabel["Thema"],
                "Hulpvragen": pd.to_numeric(tabel["Hulpvragen"]),
                "Huishoudens": tabel["Huishoudens"],
                "Trend": tabel["Trend"],
                "Tijdwinst (uur per maand)": tabel["Tijdwinst (uur per maand)"],
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
        for _, rij in t.themas[t.themas["opkomend"]].iterrows():
            st.markdown(f"- **{w.md(rij['Thema'])}**: {rij['Hulpvragen']} hulpvragen, {rij['Opkomend']}")
    else:
        st.caption("Geen thema's die duidelijk stijgen in deze periode.")
    st.subheader("Beste voorstellen")
    beste = [v for v in t.plan.groepsvoorstellen if v.tijdwinst is not None and v.tijdwinst[1] > 0]
    beste = [v for v in beste if t.plan.beste_voorstel(v.thema_id) is v][:3]
    for v in beste:
        st.markdown(f"- **{w.md(v.aanbod)}** ({w.md(v.thema)}): ± {w.uren(v.tijdwinst[1])} tijdwinst per maand")
    if not beste:
        st.caption("Geen aanbod met verwachte tijdwinst; bekijk alle voorstellen op de pagina Voorstellen.")
    st.page_link("paginas/voorstellen.py", label="Alle voorstellen", icon=":material/arrow_forward:")
