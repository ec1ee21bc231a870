"""Tijdwinst: the model, per theme the tijdwinst of its best offer, and the team's own assumptions per offer and
per theme, stored in the database: every page and the report use them at once."""

import altair as alt
import pandas as pd
import streamlit as st

from collectief.dashboard import plan as aannames
from collectief.dashboard import ui
from collectief.dashboard import weergave as w

ctx = ui.context()
t = ctx.tabellen()
ui.kop("Tijdwinst", ctx, t)
st.markdown(
    "**Het model, per thema en per maand:** tijd nu = hulpvragen per maand × minuten per hulpvraag / 60. "
    "Een collectief aanbod neemt een deel (het *bereik*) van die hulpvragen over en kost zelf tijd: voorbereiding "
    "+ bijeenkomsten × uren per bijeenkomst × medewerkers. **Tijdwinst = tijd nu × bereik − kosten.** "
    "Alleen uren van het wijkteam tellen. Per thema telt het aanbod met de meeste verwachte tijdwinst: dat getal "
    "staat ook op Overzicht, Thema's, Voorstellen en in het verslag."
)
ui.melding("tw_melding")
plan = t.plan
tabel = t.tijdwinst
kandidaten = list(tabel.loc[tabel["Tijdwinst verwacht"] != "", "thema_id"])  # themes with a tijdwinst figure
namen = dict(zip(tabel["thema_id"], tabel["Thema"], strict=True))

st.subheader("Per thema")
keuzes = kandidaten or [i for i in tabel["thema_id"] if i != "overig"]
if not keuzes:
    st.info("Geen thema met genoeg hulpvragen in deze periode om tijdwinst te schatten.")
    st.stop()
if st.session_state.get("tw_thema") not in keuzes:
    st.session_state.pop("tw_thema", None)
thema_id = st.selectbox("Thema", keuzes, format_func=namen.get, key="tw_thema")
beste = plan.beste_voorstel(thema_id)
winst = plan.tijdwinst_voor(thema_id)
if beste is not None and winst is not None:
    st.markdown(
        f"Tijdwinst voor **{w.md(namen[thema_id])}** met **{w.md(beste.aanbod)}**, het aanbod met de meeste "
        "verwachte tijdwinst, bij de aannames hieronder:"
    )
    laag, verwacht, hoog = winst
    kolommen = st.columns(3)
    kolommen[0].metric("Laag", f"{w.uren(laag)} per maand")
    kolommen[1].metric("Verwacht", f"{w.uren(verwacht)} per maand")
    kolommen[2].metric("Hoog", f"{w.uren(hoog)} per maand")
    with st.expander("De formule in woorden", expanded=True):
        st.text(beste.berekening)
else:
    st.caption("Voor dit thema is er geen groepsaanbod met een tijdwinst in deze periode.")

st.subheader("Aannames")
st.caption("Opgeslagen aannames gelden voor het hele team en voor elke periode en wijk, tot ze worden teruggezet.")
team = ctx.team()
aanbod_thema = [a for a in aannames.groepsaanbod(plan.catalogus) if a.thema == thema_id]
if aanbod_thema:
    ids = [a.id for a in aanbod_thema]
    standaard = ids.index(beste.aanbod_id) if beste is not None and beste.aanbod_id in ids else 0
    per_id = {a.id: a for a in aanbod_thema}
    aanbod_id = st.selectbox(
        "Aanbod", ids, index=standaard, format_func=lambda i: per_id[i].naam, key=f"tw_aanbod_{thema_id}"
    )
    a = per_id[aanbod_id]
    # The key names the stored values, so the form shows what is stored (also after leaving the page).
    sleutel = f"tw_{aanbod_id}_{ctx.akenmerk}"
    eigen = aanbod_id in team.aanbod
    with st.form(sleutel, border=True):
        st.markdown(f"**{w.md(a.naam)}**" + (" (aannames van het team)" if eigen else " (standaard uit de catalogus)"))
        b1, b2, b3 = st.columns(3)
        laag, verwacht, hoog = a.bereik or (0.0, 0.0, 0.0)
        b1.slider("Bereik laag (%)", 0, 100, round(100 * laag), key=f"{sleutel}_bereik_laag")
        b2.slider("Bereik verwacht (%)", 0, 100, round(100 * verwacht), key=f"{sleutel}_bereik_verwacht")
        b3.slider("Bereik hoog (%)", 0, 100, round(100 * hoog), key=f"{sleutel}_bereik_hoog")
        c1, c2, c3, c4 = st.columns(4)
        ui.getalveld(c1, "Voorbereiding (uur per maand)", 0, 160, a.voorbereiding_uren or 0, 0.5,
                     f"{sleutel}_voorbereiding_uren")  # fmt: skip
        ui.getalveld(c2, "Bijeenkomsten per maand", 0, 31, a.sessies_per_maand or 0, 0.5,
                     f"{sleutel}_sessies_per_maand")  # fmt: skip
        ui.getalveld(c3, "Uren per bijeenkomst", 0, 24, a.uren_per_sessie or 0, 0.5, f"{sleutel}_uren_per_sessie")
        ui.getalveld(c4, "Medewerkers per bijeenkomst", 0, 20, a.medewerkers or 0, 1, f"{sleutel}_medewerkers",
                     geheel=True)  # fmt: skip
        st.form_submit_button("Aannames opslaan", type="primary", on_click=ui.bewaar_aanbod, args=(aanbod_id, sleutel))
    if eigen:
        st.button(
            "Terug naar de standaard van de catalogus",
            key=f"tw_herstel_{aanbod_id}",
            on_click=ui.herstel_aanname,
            args=("aanbod", aanbod_id),
        )
else:
    st.caption("Voor dit thema staat geen groepsaanbod in de catalogus.")

rij = tabel[tabel["thema_id"] == thema_id].iloc[0]
minuten_nu = plan.aannames.standaard_minuten(thema_id)
msleutel = f"tw_minuten_{thema_id}_{ctx.akenmerk}"
with st.form(msleutel, border=True):
    st.number_input(
        f"Minuten per hulpvraag voor {namen[thema_id]}",
        1,
        480,
        round(minuten_nu),
        5,
        key=msleutel,
        help="Geldt als de gegevens te weinig ingevulde tijden bevatten.",
    )
    if rij["Minuten uit"] == "gegevens":
        st.caption(f"Nu gebruikt: {rij['Minuten per hulpvraag']} minuten, het gemiddelde uit de gegevens.")
    st.form_submit_button("Minuten opslaan", on_click=ui.bewaar_minuten, args=(thema_id, msleutel))
if thema_id in team.minuten:
    st.button(
        "Minuten terug naar de standaard",
        key=f"tw_herstel_min_{thema_id}",
        on_click=ui.herstel_aanname,
        args=("minuten", thema_id),
    )

st.subheader("Alle thema's")
st.dataframe(
    tabel.drop(columns="thema_id"),
    hide_index=True,
    width="stretch",
    column_config={
        "Uren nu": st.column_config.TextColumn(help="Uur per maand dat het team nu aan dit thema besteedt."),
        "Kosten": st.column_config.TextColumn(help="Uur per maand dat het beste aanbod het team kost."),
    },
)
st.caption(
    f"Uren per maand. Geen cijfers bij thema's met minder dan {t.k} hulpvragen (privacy), bij Overig en bij thema's "
    "voor individuele opvolging (daar past geen groepsaanbod)."
)
grafiek_data = plan.tijdwinst[plan.tijdwinst["thema_id"].isin(kandidaten)]
if len(grafiek_data):
    data = pd.DataFrame(
        {
            "Thema": grafiek_data["thema"],
            "laag": grafiek_data["tijdwinst_laag"],
            "verwacht": grafiek_data["tijdwinst_verwacht"],
            "hoog": grafiek_data["tijdwinst_hoog"],
            "Tijdwinst": [
                f"{w.getal(a)} – {w.getal(b)} – {w.getal(c)} uur per maand"
                for a, b, c in zip(
                    grafiek_data["tijdwinst_laag"],
                    grafiek_data["tijdwinst_verwacht"],
                    grafiek_data["tijdwinst_hoog"],
                    strict=True,
                )
            ],
        }
    )
    basis = alt.Chart(data).encode(y=alt.Y("Thema:N", sort="-x", title=None))
    grafiek = basis.mark_rule(color="#718096").encode(
        x=alt.X(
            "laag:Q",
            title="Tijdwinst (uur per maand): laag – verwacht – hoog",
            axis=alt.Axis(labelExpr="replace(format(datum.value, '.1~f'), '.', ',')"),
        ),
        x2="hoog:Q",
    ) + basis.mark_point(filled=True, size=80, color="#2b6cb0").encode(x="verwacht:Q", tooltip=["Thema", "Tijdwinst"])
    nul = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(strokeDash=[4, 4], color="#c53030").encode(x="x:Q")
    st.altair_chart((grafiek + nul).properties(height=max(200, 26 * len(data))), width="stretch")
