"""Thema's: table and trend per theme, wijk breakdown, households, scrubbed examples; emerging themes highlighted."""

import altair as alt
import streamlit as st

from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.tabellen(ctx)
ui.kop("Thema's", ctx, t)

if t.opkomend:
    namen = ", ".join(f"**{t.themas.loc[t.themas['thema_id'] == i, 'Thema'].iloc[0]}**" for i in t.opkomend)
    st.warning(f"Opkomende thema's (stijgend of nieuw in deze periode): {namen}", icon=":material/trending_up:")


def _markeer(rij):  # emerging themes stand out in the table
    kleur = "background-color: #fff4d6" if rij["Opkomend"] else ""
    return [kleur] * len(rij)


tabel = t.themas.drop(columns="thema_id")
st.dataframe(
    tabel.style.apply(_markeer, axis=1),
    hide_index=True,
    width="stretch",
    column_config={
        "Hulpvragen": st.column_config.TextColumn(help="In de gekozen periode; <5 = minder dan 5 (privacy)."),
        "Huishoudens": st.column_config.TextColumn(help="Verschillende huishoudens met een hulpvraag over dit thema."),
        "Per maand": st.column_config.TextColumn(help="Gemiddeld aantal hulpvragen per maand in de periode."),
        "Besluiten van het team": st.column_config.TextColumn(width="large"),
    },
)

st.subheader("Verloop per maand")
opties = list(t.themas["thema_id"])
namen = dict(zip(t.themas["thema_id"], t.themas["Thema"], strict=True))
standaard = [i for i in opties if i in t.opkomend] + [
    i for i in t.themas.loc[t.themas["Terugkerend"] == "ja", "thema_id"] if i not in t.opkomend
]
# No key: when the filter changes the themes on offer, the choice starts again from the default.
gekozen = st.multiselect("Thema's in de grafiek", opties, default=standaard[:5], format_func=namen.get)
if len(t.per_maand) and gekozen:
    data = t.per_maand[t.per_maand["thema_id"].isin(gekozen)].astype({"aantal": "float"})
    grafiek = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("maand:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("aantal:Q", title="Hulpvragen per maand"),
            color=alt.Color("thema:N", title="Thema"),
            tooltip=[
                alt.Tooltip("thema:N", title="Thema"),
                alt.Tooltip("maand:T", format="%B %Y", title="Maand"),
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

st.subheader("Voorbeelden")
st.caption(
    f"Drie voorbeelden per thema, vooraf ontdaan van persoonsgegevens; alleen bij thema's met minstens {t.k} "
    "huishoudens in de periode."
)
for thema_id in opties:
    if thema_id == "overig":
        continue
    voorbeelden = t.voorbeelden.get(thema_id)
    with st.expander(f"{namen[thema_id]}" + ("" if voorbeelden else " (geen voorbeelden)")):
        if voorbeelden:
            for tekst in voorbeelden:
                st.markdown(f"> {ui.platte_tekst(tekst)}")
        else:
            st.caption(f"Minder dan {t.k} huishoudens in deze periode: geen voorbeelden (privacy).")
