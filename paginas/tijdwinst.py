"""Tijdwinst: every assumption on a slider, the sum in words, and low / expected / high."""

import altair as alt
import pandas as pd
import streamlit as st

from collectief.tijdwinst import Aannames, standaard_minuten
from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.tabellen(ctx)
ui.kop("Tijdwinst", ctx, t)
st.markdown(
    "**Het model, per thema en per maand:** tijd nu = hulpvragen per maand × minuten per hulpvraag / 60. "
    "Een collectief aanbod neemt een deel (het *bereik*) van die hulpvragen over en kost zelf tijd: voorbereiding "
    "+ bijeenkomsten × uren per bijeenkomst × medewerkers. **Tijdwinst = tijd nu × bereik − kosten.** "
    "Alleen uren van het wijkteam tellen. Elke aanname staat hieronder en is aan te passen."
)

basis = Aannames()
with st.container(border=True):
    st.markdown("**Aannames**")
    a, b, c = st.columns(3)
    with a:
        bereik_laag = st.slider("Bereik laag (%)", 0, 100, round(100 * basis.bereik_laag), key="tw_laag")
        bereik_verwacht = st.slider(
            "Bereik verwacht (%)", 0, 100, round(100 * basis.bereik_verwacht), key="tw_verwacht"
        )
        bereik_hoog = st.slider("Bereik hoog (%)", 0, 100, round(100 * basis.bereik_hoog), key="tw_hoog")
    with b:
        voorbereiding = st.slider(
            "Voorbereiding (uur per maand)",
            0.0,
            40.0,
            basis.voorbereiding_uren,
            0.5,
            key="tw_voorb",
            format="%.1f",
            help="Terugkerend werk plus het opstartwerk verdeeld over twaalf maanden.",
        )
        sessies = st.slider(
            "Bijeenkomsten per maand", 0.0, 8.0, basis.sessies_per_maand, 0.5, key="tw_sessies", format="%.1f"
        )
        uren_sessie = st.slider(
            "Uren per bijeenkomst", 0.5, 8.0, basis.uren_per_sessie, 0.5, key="tw_uren", format="%.1f"
        )
    with c:
        medewerkers = st.slider(
            "Medewerkers van het wijkteam per bijeenkomst",
            0.0,
            6.0,
            basis.medewerkers,
            0.5,
            key="tw_medewerkers",
            format="%.1f",
        )
        minuten = st.slider(
            "Minuten per hulpvraag (standaard)",
            5,
            240,
            int(basis.minuten_standaard),
            5,
            key="tw_minuten",
            help="Voor thema's zonder eigen aanname en zonder tijd in de gegevens.",
        )
        metingen = st.slider(
            "Minimaal aantal tijden in de gegevens",
            1,
            20,
            basis.min_metingen,
            key="tw_metingen",
            help="Vanaf zoveel ingevulde tijden rekent het model met het gemiddelde uit de gegevens.",
        )
    with st.expander("Minuten per hulpvraag per thema (als de gegevens te weinig tijden bevatten)"):
        per_thema = {}
        kolommen = st.columns(3)
        for i, (thema_id, standaard) in enumerate(standaard_minuten().items()):
            naam = ui.stand(ctx).naam(thema_id)
            per_thema[thema_id] = kolommen[i % 3].slider(naam, 5, 240, int(standaard), 5, key=f"tw_min_{thema_id}")

waarden = {
    "bereik_laag": bereik_laag / 100,
    "bereik_verwacht": bereik_verwacht / 100,
    "bereik_hoog": bereik_hoog / 100,
    "voorbereiding_uren": voorbereiding,
    "sessies_per_maand": sessies,
    "uren_per_sessie": uren_sessie,
    "medewerkers": medewerkers,
    "minuten_standaard": float(minuten),
    "min_metingen": metingen,
    "minuten_per_thema": per_thema,
}
try:
    from collectief import dashboard

    dashboard.aannames_uit(waarden)
except ValueError as fout:
    st.error(f"Deze aannames passen niet bij elkaar: {fout}")
    st.stop()

tabel = ui.tijdwinst(ctx, waarden)
kandidaten = tabel[tabel["Tijdwinst verwacht"].notna()]
st.subheader("Per thema")
if len(kandidaten):
    namen = dict(zip(kandidaten["thema_id"], kandidaten["Thema"], strict=True))
    if st.session_state.get("tw_thema") not in namen:
        st.session_state.pop("tw_thema", None)
    thema_id = st.selectbox("Thema", list(namen), format_func=namen.get, key="tw_thema")
    schatting = ui.schatting(ctx, thema_id, waarden)
    st.markdown(f"Tijdwinst voor **{namen[thema_id]}** met een collectief aanbod, bij de aannames hierboven:")
    laag, verwacht, hoog = schatting["tijdwinst"]
    kolommen = st.columns(3)
    kolommen[0].metric("Laag", f"{ui.uren(laag)} per maand", help=f"Bereik {bereik_laag}%")
    kolommen[1].metric("Verwacht", f"{ui.uren(verwacht)} per maand", help=f"Bereik {bereik_verwacht}%")
    kolommen[2].metric("Hoog", f"{ui.uren(hoog)} per maand", help=f"Bereik {bereik_hoog}%")
    st.markdown("**De formule in woorden**")
    st.text(schatting["formule"])
else:
    st.info("Geen thema met genoeg hulpvragen in deze periode om tijdwinst te schatten.")

st.subheader("Alle thema's")
st.dataframe(
    tabel.drop(columns="thema_id"),
    hide_index=True,
    width="stretch",
    column_config={
        "Uren nu": st.column_config.NumberColumn(help="Uur per maand dat het team nu aan dit thema besteedt."),
        "Kosten": st.column_config.NumberColumn(help="Uur per maand dat het aanbod het team kost."),
    },
)
st.caption(
    f"Uren per maand. Geen cijfers bij thema's met minder dan {t.k} hulpvragen (privacy), bij Overig en bij thema's "
    "voor individuele opvolging (daar past geen groepsaanbod)."
)
if len(kandidaten):
    data = kandidaten.astype({"Tijdwinst laag": float, "Tijdwinst verwacht": float, "Tijdwinst hoog": float})
    basis_grafiek = alt.Chart(data).encode(y=alt.Y("Thema:N", sort="-x", title=None))
    grafiek = basis_grafiek.mark_rule(color="#718096").encode(
        x=alt.X("Tijdwinst laag:Q", title="Tijdwinst (uur per maand): laag – verwacht – hoog"), x2="Tijdwinst hoog:Q"
    ) + basis_grafiek.mark_point(filled=True, size=80, color="#2b6cb0").encode(
        x="Tijdwinst verwacht:Q", tooltip=["Thema", "Tijdwinst laag", "Tijdwinst verwacht", "Tijdwinst hoog"]
    )
    nul = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(strokeDash=[4, 4], color="#c53030").encode(x="x:Q")
    st.altair_chart((grafiek + nul).properties(height=max(200, 26 * len(data))), width="stretch")
