"""Voorstellen: proposal cards with explanation, partners and tijdwinst; mark as started; effect of started offers."""

import datetime as dt

import streamlit as st

from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.tabellen(ctx)
ui.kop("Voorstellen", ctx, t)
ui.melding("vs_melding")

groeps = [v for v in t.voorstellen if not v.individueel]
individueel = [v for v in t.voorstellen if v.individueel]
st.markdown(
    "Voor elk terugkerend thema: een collectief aanbod uit de catalogus, met de partner om eerst te benaderen en "
    "de geschatte tijdwinst (laag, verwacht, hoog). Aannames aanpassen kan op de pagina *Tijdwinst*."
)
if not groeps:
    st.info("Geen terugkerende thema's met een groepsaanbod in deze periode. Kies eventueel een langere periode.")

for v in groeps:
    sleutel = f"{v.thema_id}-{v.aanbod_id}-{v.wijk or 'alle'}"
    with st.container(border=True):
        st.subheader(v.aanbod)
        waar = f"in {v.wijk}" if v.wijk else "in het hele werkgebied"
        st.markdown(f"**Thema:** {v.thema} · **Waar:** {waar}")
        st.write(v.uitleg)
        st.markdown(f"**Partners:** {', '.join(v.partners)}")
        if v.tijdwinst is not None:
            laag, verwacht, hoog = v.tijdwinst
            kolommen = st.columns(3)
            kolommen[0].metric("Tijdwinst laag", f"{ui.uren(laag)} per maand")
            kolommen[1].metric("Tijdwinst verwacht", f"{ui.uren(verwacht)} per maand")
            kolommen[2].metric("Tijdwinst hoog", f"{ui.uren(hoog)} per maand")
            with st.expander("Zo is de tijdwinst berekend"):
                st.text(v.berekening)
        with st.expander("Markeer als gestart"):
            st.date_input("Startdatum", value=dt.date.today(), key=f"start_{sleutel}", format="DD-MM-YYYY")
            st.text_input(
                "Notitie", key=f"notitie_{sleutel}", placeholder="bijvoorbeeld: eerste avond met de corporatie"
            )
            st.button(
                "Markeer als gestart",
                key=f"gestart_{sleutel}",
                on_click=ui.markeer_gestart,
                args=(v.thema_id, v.aanbod, v.wijk, sleutel),
            )

if individueel:
    st.subheader("Individuele opvolging (geen groepsaanbod)")
    for v in individueel:
        with st.container(border=True):
            st.markdown(f"**{v.thema}**: {v.aanbod}")
            st.write(v.uitleg)

st.subheader("Gestart aanbod en effect")
effecten = ui.effecten(ctx)
if not effecten:
    st.caption("Nog geen aanbod gemarkeerd als gestart.")
for e in effecten:
    with st.container(border=True):
        waar = f" in {e.wijk}" if e.wijk else ""
        st.markdown(f"**{e.aanbod}** ({e.thema}{waar}), gestart op {e.start:%d-%m-%Y}")
        icoon = {"minder hulpvragen": "✅", "meer hulpvragen": "⚠️", "geen duidelijk verschil": "➖"}.get(
            e.resultaat.oordeel, "⏳"
        )
        st.markdown(f"{icoon} **{e.resultaat.oordeel[:1].upper()}{e.resultaat.oordeel[1:]}**")
        st.write(e.resultaat.toelichting)
        if e.notitie:
            st.caption(f"Notitie: {e.notitie}")
