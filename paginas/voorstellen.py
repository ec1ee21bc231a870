"""Voorstellen: proposal cards for the chosen period and wijk, with explanation, partners and tijdwinst; mark as
started (a started offer shows on its card); the effect of started offers."""

import datetime as dt

import streamlit as st

from collectief.dashboard import ui
from collectief.dashboard import weergave as w

ctx = ui.context()
t = ctx.tabellen()
ui.kop("Voorstellen", ctx, t)
ui.melding("vs_melding")

plan = t.plan
groeps = list(plan.groepsvoorstellen)
individueel = [v for v in plan.voorstellen if v.individueel]
st.markdown(
    "Voor elk terugkerend thema: een collectief aanbod uit de catalogus, met de partner om eerst te benaderen en "
    "de geschatte tijdwinst (laag, verwacht, hoog). De aannames achter de tijdwinst staan op de pagina *Tijdwinst* "
    "en zijn daar aan te passen."
)
if ctx.filter.wijk:
    st.caption(f"Alleen de hulpvragen uit {w.md(ctx.filter.wijk)}: voorstellen en tijdwinst gaan over deze wijk.")
if not groeps:
    st.info("Geen terugkerende thema's met een groepsaanbod in deze periode. Kies eventueel een langere periode.")

for v in groeps:
    wijk = v.wijk or ctx.filter.wijk
    sleutel = f"{v.thema_id}-{v.aanbod_id}-{wijk or 'alle'}"
    gestart = plan.gestart_voor(v)
    with st.container(border=True):
        st.subheader(v.aanbod)
        if gestart is not None:
            st.success(
                f"Gestart op {gestart.start:%d-%m-%Y}"
                + (f" in {w.md(gestart.wijk)}" if gestart.wijk else "")
                + f": {gestart.resultaat.oordeel.label}.",
                icon=":material/check_circle:",
            )
        waar = f"in {w.md(wijk)}" if wijk else "in het hele werkgebied"
        st.markdown(f"**Thema:** {w.md(v.thema)} · **Waar:** {waar}")
        st.markdown(w.md(v.uitleg))
        st.markdown(f"**Partners:** {w.md(', '.join(v.partners))}")
        if v.tijdwinst is not None:
            laag, verwacht, hoog = v.tijdwinst
            kolommen = st.columns(3)
            kolommen[0].metric("Tijdwinst laag", f"{w.uren(laag)} per maand")
            kolommen[1].metric("Tijdwinst verwacht", f"{w.uren(verwacht)} per maand")
            kolommen[2].metric("Tijdwinst hoog", f"{w.uren(hoog)} per maand")
            with st.expander("Zo is de tijdwinst berekend"):
                st.text(v.berekening)
        if gestart is None:
            with st.expander("Markeer als gestart"):
                st.date_input("Startdatum", value=dt.date.today(), key=f"start_{sleutel}", format="DD-MM-YYYY")
                st.text_input(
                    "Notitie", key=f"notitie_{sleutel}", placeholder="bijvoorbeeld: eerste avond met de corporatie"
                )
                st.button(
                    "Markeer als gestart",
                    key=f"gestart_{sleutel}",
                    on_click=ui.markeer_gestart,
                    args=(v.thema_id, v.aanbod, wijk, sleutel),
                )

if individueel:
    st.subheader("Individuele opvolging (geen groepsaanbod)")
    for v in individueel:
        with st.container(border=True):
            st.markdown(f"**{w.md(v.thema)}**: {w.md(v.aanbod)}")
            st.markdown(w.md(v.uitleg))

st.subheader("Gestart aanbod en effect")
if not plan.effecten:
    st.caption("Nog geen aanbod gemarkeerd als gestart.")
ICOON = {"minder hulpvragen": "✅", "meer hulpvragen": "⚠️", "geen duidelijk verschil": "➖"}
for e in plan.effecten:
    with st.container(border=True):
        waar = f" in {w.md(e.wijk)}" if e.wijk else ""
        st.markdown(f"**{w.md(e.aanbod)}** ({w.md(e.thema)}{waar}), gestart op {e.start:%d-%m-%Y}")
        oordeel = e.resultaat.oordeel.label
        st.markdown(f"{ICOON.get(str(e.resultaat.oordeel), '⏳')} **{oordeel[:1].upper()}{oordeel[1:]}**")
        st.markdown(w.md(e.resultaat.toelichting))
        if e.notitie:
            st.caption(f"Notitie: {w.md(e.notitie)}")
