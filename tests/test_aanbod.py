"""The offer catalogue: the shipped file, user overrides, and every validation error in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectief.aanbod import INDIVIDUELE_THEMAS, TERUGVAL, Aanbod, laad_aanbod
from collectief.errors import CollectiefFout

GROEPSTHEMAS = (
    "toeslagen", "samenwonen_uitkering", "schulden", "wonen", "jonge_ouders", "mantelzorg", "eenzaamheid",
    "taal_digitaal", "armoede_meedoen", "werk_dagbesteding", "psychisch_welzijn",
)  # fmt: skip


def schrijf(tmp_path: Path, tekst: str, naam: str = "eigen_aanbod.toml") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def fout_bij(pad: Path) -> CollectiefFout:
    with pytest.raises(CollectiefFout) as info:
        laad_aanbod(pad)
    return info.value


# --- the shipped catalogue -----------------------------------------------------------------------------------


def test_ingebouwde_catalogus_dekt_elk_thema() -> None:
    catalogus = laad_aanbod()
    for thema_id in GROEPSTHEMAS:
        groep = catalogus.collectief_voor(thema_id)
        assert groep, thema_id
        for aanbod in groep:
            assert aanbod.partners and aanbod.beschrijving and aanbod.vorm
            assert aanbod.kosten is not None and aanbod.kosten >= 0
    for thema_id in INDIVIDUELE_THEMAS:
        assert catalogus.collectief_voor(thema_id) == ()
        eigen = catalogus.voor_thema(thema_id)
        assert [a.soort for a in eigen] == ["individueel"]
        assert eigen[0].bereik is None and eigen[0].kosten is None
    assert catalogus.individueel_voor("huiselijk_geweld").partners == ("Veilig Thuis",)
    assert "Veilig Thuis" in catalogus.individueel_voor("huiselijk_geweld").naam
    assert catalogus.algemeen().thema == TERUGVAL
    assert catalogus.individueel_voor("zelf_toegevoegd").thema == TERUGVAL


def test_ingebouwde_getallen_zijn_bescheiden_en_toegelicht() -> None:
    """The shipped figures are assumptions a team adjusts; each group offer says why it has them (DOMAIN.md)."""
    tekst = (Path(__file__).resolve().parents[1] / "collectief" / "data" / "aanbod.toml").read_text(encoding="utf-8")
    regels = tekst.splitlines()
    assert "aannames" in tekst and "vervang ze door die van het eigen team" in tekst
    for aanbod in laad_aanbod():
        if aanbod.soort != "collectief":
            continue
        # A comment right above the block explains the figures.
        kop = regels.index(f"[aanbod.{aanbod.id}]")
        assert regels[kop - 1].startswith("# "), aanbod.id
        # Reach stays modest: a group offer takes over only part of the individual questions.
        assert aanbod.bereik[1] <= 0.3 and aanbod.bereik[2] <= 0.5, aanbod.id
        if aanbod.vorm == "lotgenotengroep":
            # Led by the team: a staff member at every session plus preparation.
            assert aanbod.medewerkers >= 1 and aanbod.kosten >= 4, aanbod.id
        else:
            # Hosted by a partner or volunteers: the team points people to it and co-organises at most.
            assert aanbod.kosten <= 3, aanbod.id


def test_geen_enkel_groepsaanbod_voor_individuele_themas() -> None:
    for aanbod in laad_aanbod():
        if aanbod.thema in INDIVIDUELE_THEMAS:
            assert aanbod.soort == "individueel"
            assert aanbod.sessies_per_maand is None


def test_aanbod_naar_aannames_en_frequentie() -> None:
    aanbod = laad_aanbod()["toeslagen_informatieavond"]
    a = aanbod.aannames()
    assert a.bereik == aanbod.bereik
    assert a.kosten == pytest.approx(
        aanbod.voorbereiding_uren + aanbod.sessies_per_maand * aanbod.uren_per_sessie * aanbod.medewerkers
    )
    assert aanbod.frequentie() == "1 keer per maand"
    assert laad_aanbod()["samenwonen_informatiebijeenkomst"].frequentie() == "1 keer per 2 maanden"
    with pytest.raises(ValueError):
        laad_aanbod().algemeen().aannames()


def test_aanbod_record_weigert_groepsaanbod_voor_individueel_thema() -> None:
    with pytest.raises(ValueError):
        Aanbod("x", "huiselijk_geweld", "collectief", "X", ("Veilig Thuis",), "x", "groep", 1, 1, 1, 1,
               (0.1, 0.2, 0.3))  # fmt: skip


# --- user file: add and override ------------------------------------------------------------------------------


def test_eigen_bestand_past_velden_aan_en_voegt_toe(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        """
versie = 1

[aanbod.toeslagen_informatieavond]
sessies_per_maand = 2
bereik = { hoog = 0.5 }

[aanbod.ontdekt_buurtapp]
thema = "ontdekt_3"
naam = "Buurtapp-spreekuur"
vorm = "inloopspreekuur"
partners = ["bibliotheek"]
sessies_per_maand = 1
voorbereiding_uren = 0
uren_per_sessie = 1.5
medewerkers = 1
bereik = { laag = 0.1, verwacht = 0.2, hoog = 0.3 }
beschrijving = "Hulp bij de buurtapp."
""",
    )
    ingebouwd = laad_aanbod()["toeslagen_informatieavond"]
    catalogus = laad_aanbod(pad)
    avond = catalogus["toeslagen_informatieavond"]
    assert avond.sessies_per_maand == 2
    assert avond.bereik == (ingebouwd.bereik[0], ingebouwd.bereik[1], 0.5)  # only hoog changed
    assert avond.naam == ingebouwd.naam and avond.partners == ingebouwd.partners
    assert avond.bestand == str(pad)
    nieuw = catalogus["ontdekt_buurtapp"]
    assert nieuw.soort == "collectief"  # the default
    assert catalogus.collectief_voor("ontdekt_3") == (nieuw,)
    assert catalogus.bestanden[-1] == str(pad)
    assert len(catalogus) == len(laad_aanbod()) + 1


def test_eigen_bestand_vervangt_blok_bij_andere_soort(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        """
[aanbod.eenzaamheid_wandelgroep]
thema = "eenzaamheid"
soort = "algemeen"
naam = "x"
partners = ["y"]
beschrijving = "z"
""",
    )
    # a changed soort replaces the block; algemeen must have thema "*", so this names the problem
    fout = fout_bij(pad)
    assert "eenzaamheid_wandelgroep" in str(fout)
    assert 'thema = "*"' in str(fout)


# --- validation errors ---------------------------------------------------------------------------------------


def test_onbekende_sleutel(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, '[aanbod.toeslagen_informatieavond]\nkleur = "blauw"\n')
    fout = fout_bij(pad)
    assert fout.code == "E009"
    tekst = str(fout)
    assert tekst.startswith(f"Het catalogusbestand '{pad}' klopt niet: bij aanbod 'toeslagen_informatieavond' "
                            "(thema 'toeslagen', regel 1) is de sleutel 'kleur' onbekend.")  # fmt: skip
    assert "Toegestane sleutels:" in tekst
    assert tekst.endswith("[E009]")


def test_tikfout_in_sleutel_krijgt_suggestie(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, '[aanbod.wonen_inloop_corporatie]\npartner = ["huurdersvereniging"]\n')
    assert "Bedoel je 'partners'?" in str(fout_bij(pad))


def test_negatieve_uren(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, "\n\n[aanbod.wonen_inloop_corporatie]\nvoorbereiding_uren = -2\n")
    tekst = str(fout_bij(pad))
    assert "bij aanbod 'wonen_inloop_corporatie' (thema 'wonen', regel 3)" in tekst
    assert "is 'voorbereiding_uren' -2, maar het aantal uren voorbereiding per maand moet 0 of meer zijn" in tekst
    assert "bijvoorbeeld voorbereiding_uren = 2" in tekst


def test_bereik_groter_dan_een(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, "[aanbod.mantelzorg_cafe]\nbereik = { laag = 0.1, verwacht = 0.2, hoog = 1.5 }\n")
    tekst = str(fout_bij(pad))
    assert "bij aanbod 'mantelzorg_cafe' (thema 'mantelzorg', regel 1)" in tekst
    assert "is 'bereik.hoog' 1.5, maar een bereik is een aandeel tussen 0 en 1" in tekst
    assert "0.3 betekent 30%" in tekst


@pytest.mark.parametrize(
    ("blok", "in_melding"),
    [
        ("bereik = { laag = 0.3, verwacht = 0.2, hoog = 0.4 }", "loopt het bereik niet op"),
        ("bereik = 0.3", "moet 'bereik' een tabel met laag, verwacht en hoog zijn"),
        ("bereik = { laag = 0.1, verwacht = 0.2, hoog = 0.3, max = 1 }", "'bereik.max' onbekend"),
        ("sessies_per_maand = 0", "moet meer dan 0 zijn"),
        ('uren_per_sessie = "twee"', "moet 'uren_per_sessie' een getal zijn"),
        ("uren_per_sessie = 30", "meer dan het maximum van 24"),
        ("medewerkers = 1.5", "dat is een aantal mensen"),
        ("medewerkers = true", "moet 'medewerkers' een getal zijn"),
        ("partners = []", "lijst met minstens één naam"),
        ('naam = "  "', "moet 'naam' een tekst zijn"),
        ('soort = "groep"', "soort 'groep' onbekend"),
    ],
)
def test_ongeldige_velden(tmp_path: Path, blok: str, in_melding: str) -> None:
    pad = schrijf(tmp_path, f"[aanbod.werk_werkcafe]\n{blok}\n")
    tekst = str(fout_bij(pad))
    assert "bij aanbod 'werk_werkcafe'" in tekst
    assert in_melding in tekst


def test_groepsaanbod_voor_individueel_thema_geweigerd(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        """
[aanbod.hg_groep]
thema = "huiselijk_geweld"
naam = "Praatgroep"
vorm = "lotgenotengroep"
partners = ["Veilig Thuis"]
sessies_per_maand = 1
voorbereiding_uren = 1
uren_per_sessie = 2
medewerkers = 1
bereik = { laag = 0.1, verwacht = 0.2, hoog = 0.3 }
beschrijving = "x"
""",
    )
    tekst = str(fout_bij(pad))
    assert "bij aanbod 'hg_groep' (thema 'huiselijk_geweld', regel 2)" in tekst
    assert "alleen voor individuele opvolging" in tekst
    assert "Een groepsaanbod is hier niet toegestaan" in tekst


def test_individueel_aanbod_zonder_uren(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, "[aanbod.verslaving_opvolging]\nbereik = { laag = 0.1, verwacht = 0.2, hoog = 0.3 }\n")
    assert "hoort 'bereik' niet bij soort 'individueel'" in str(fout_bij(pad))


def test_nieuw_aanbod_mist_velden(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, '[aanbod.nieuw]\nthema = "wonen"\nnaam = "Iets"\n')
    assert "ontbreekt de sleutel 'partners'" in str(fout_bij(pad))
    # a new entry gets nothing from the built-in file, so a partial bereik is incomplete
    pad = schrijf(
        tmp_path,
        """
[aanbod.nieuw]
thema = "wonen"
naam = "Iets"
vorm = "inloopspreekuur"
partners = ["huurdersvereniging"]
sessies_per_maand = 1
voorbereiding_uren = 1
uren_per_sessie = 1
medewerkers = 1
bereik = { laag = 0.1, verwacht = 0.2 }
beschrijving = "x"
""",
        "nieuw.toml",
    )
    assert "ontbreekt 'bereik.hoog'" in str(fout_bij(pad))


def test_tweede_algemeen_aanbod(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, '[aanbod.algemeen2]\nthema = "*"\nsoort = "algemeen"\nnaam = "x"\npartners = ["y"]\n'
                            'beschrijving = "z"\n')  # fmt: skip
    tekst = str(fout_bij(pad))
    assert str(pad) in tekst
    assert "precies één algemeen aanbod" in tekst


def test_ongeldige_toml(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, '[aanbod.wonen_inloop_corporatie]\nnaam = "open\n')
    tekst = str(fout_bij(pad))
    assert "geen geldige TOML" in tekst
    assert "line 2" in tekst


def test_onbekende_sleutel_bovenaan_en_versie(tmp_path: Path) -> None:
    assert "'taal' bovenaan het bestand is onbekend" in str(fout_bij(schrijf(tmp_path, 'taal = "nl"\n')))
    assert "versie is 2" in str(fout_bij(schrijf(tmp_path, "versie = 2\n", "v.toml")))


def test_ontbrekend_bestand(tmp_path: Path) -> None:
    fout = fout_bij(tmp_path / "bestaat_niet.toml")
    assert fout.code == "E001"
    assert "bestaat_niet.toml" in str(fout)


def test_geen_utf8(tmp_path: Path) -> None:
    pad = tmp_path / "ansi.toml"
    pad.write_bytes('[aanbod.mantelzorg_cafe]\nnaam = "café"\n'.encode("cp1252"))
    assert "geen UTF-8" in str(fout_bij(pad))


def test_eigen_themabestand_kan_veiligheidsthema_niet_uitzetten(tmp_path: Path) -> None:
    from collectief.catalogue import laad_catalogus
    from collectief.errors import CollectiefFout

    pad = tmp_path / "themas.toml"
    pad.write_text('[[thema]]\nid = "huiselijk_geweld"\nnaam = "Ruzie thuis"\ntrefwoorden = ["ruzie"]\n', "utf-8")
    with pytest.raises(CollectiefFout) as fout:
        laad_catalogus(pad)
    assert "kan een eigen bestand niet uitzetten" in str(fout.value) and fout.value.code == "E009"
    # Keeping the flag is fine, and the rule holds for every theme the data file flags (no ids in code).
    pad.write_text(pad.read_text("utf-8") + "individueel = true\n", "utf-8")
    themas = {t.id: t for t in laad_catalogus(pad)}
    assert themas["huiselijk_geweld"].individueel and themas["huiselijk_geweld"].naam == "Ruzie thuis"
    assert {t.id for t in laad_catalogus() if t.individueel} == INDIVIDUELE_THEMAS
