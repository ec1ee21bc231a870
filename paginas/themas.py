"""Thema's: table and trend per theme, wijk breakdown, and all scrubbed notes of a theme; emerging themes stand out."""

import altair as alt
import streamlit as st

from collectief.dashboard import ui
from collectief.dashboard import weergave as w

ctx = ui.context()
t = ctx.tabellen()
ui.kop("Thema's", ctx, t)

if t.opkomend:
    namen = ", ".join(f"**{w.md(n)}**" for n in t.themas.loc[t.themas["opkomend"], "Thema"])
    st.warning(f"Opkomende thema's (stijgend of nieuw in deze periode): {namen}", icon=":material/trending_up:")


def _markeer(rij):  # emerging themes stand out in the table
    kleur = "background-color: #fff4d6" if rij["Opkomend"] else ""
    return [kleur] * len(rij)


st.dataframe(
    t.weergave.style.apply(_markeer, axis=1),
    hide_index=True,
    width="stretch",
    column_config={
        "Hulpvragen": st.column_config.TextColumn(help="In de gekozen periode; <5 = minder dan 5 (privacy)."),
        "Huishoudens": st.column_config.TextColumn(help="Verschillende huishoudens met een hulpvraag over dit thema."),
        "Per maand": st.column_config.TextColumn(help="Gemiddeld aantal hulpvragen per maand in de periode."),
        "Tijdwinst (uur per maand)": st.column_config.TextColumn(
            help="Verwachte tijdwinst van het beste collectieve aanbod voor dit thema (zie Tijdwinst)."
        ),
        "Besluiten van het team": st.column_config.TextColumn(width="large"),
    },
)

st.subheader("Verloop per maand")
opties = list(t.themas["thema_id"])
namen = dict(zip(t.themas["thema_id"], t.themas["Thema"], strict=True))
standaard = [i for i in opties if i in t.opkomend] + [
    i for i in t.themas.loc[t.themas["terugkerend"], "thema_id"] if i not in t.opkomend
]
# No key: when the filter changes the themes on offer, the choice starts again from the default.
gekozen = st.multiselect(
    "Thema's in de grafiek", opties, default=standaard[:5], format_func=namen.get, placeholder="Kies thema's"
)
if len(t.per_maand) and gekozen:
    data = t.per_maand[t.per_maand["thema_id"].isin(gekozen)].astype({"aantal": "float"})
    # Dutch month names whatever the browser's language: the axis labels are written by us.
    maanden = "[" + ",".join(f"'{m}'" for m in w.MAANDEN_KORT) + "]"
    grafiek = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "maand:T",
                title=None,
                axis=alt.Axis(labelExpr=f"{maanden}[month(datum.value)] + ' ' + year(datum.value)", tickCount="month"),
            ),
            y=alt.Y("aantal:Q", title="Hulpvragen per maand"),
            color=alt.Color("thema:N", title="Thema"),
            tooltip=[
                alt.Tooltip("thema:N", title="Thema"),
                alt.Tooltip("label:N", title="Maand"),
                alt.Tooltip("aantal:Q", title="Hulpvragen"),
            ],
        )
    )
    st.altair_chart(grafiek, width="stretch")
    st.caption(
        f"Maanden met minder dan {t.k} hulpvragen op een thema zijn weggelaten (privacy): de lijn onderbreekt daar."
    )
elif not len(t.per_maand):
    st.caption("De gegevens hebben geen datums; een verloop per maand is niet te tekenen.")

st.subheader("Per wijk")
if len(t.per_wijk):
    st.dataframe(t.per_wijk, hide_index=True, width="stretch")
    st.caption(f"Hulpvragen in de periode per thema en wijk; '<{t.k}' = minder dan {t.k}.")
else:
    st.caption("De gegevens hebben geen wijk.")

st.subheader("Notities per thema")
st.caption(
    f"Alle notities van een thema in de periode, om het thema te kunnen benoemen; alleen bij thema's met minstens "
    f"{t.k} huishoudens."
)
lijst = [i for i in opties if i != "overig"] + (["overig"] if "overig" in opties else [])
if st.session_state.get("th_thema") not in lijst:
    st.session_state.pop("th_thema", None)
thema_id = st.selectbox("Thema", lijst, key="th_thema", format_func=namen.get)
if thema_id:
    ui.toon_notities(ctx, thema_id, "th_notities")
