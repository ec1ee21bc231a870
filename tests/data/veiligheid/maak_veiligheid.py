# -*- coding: utf-8 -*-
"""Schrijft veiligheid.csv (handgeschreven set) en controleert aantallen/woordgebruik."""
import csv, re, collections, sys

S = []  # (tekst, veilig, categorie, toelichting)
def v(cat, items):
    for t, tl in items: S.append((t, 1, cat, tl))
def n(cat, items):
    for t, tl in items: S.append((t, 0, cat, tl))

# ---------------- VEILIG = 1 ----------------
v("huiselijk_geweld", [
 ("Mw. belt ivm huurachterstand. Bij HB blauwe plek op bovenarm gezien, zegt tegen deur gelopen. Partner bleef in de kamer en nam gesprek over.", "letsel met onwaarschijnlijke verklaring + partner domineert gesprek"),
 ("cl. heeft gebroken pols, 'was gevallen'. Vorige maand ook al gehecht bij wenkbrauw. Buren horen vaak geschreeuw en gestommel 's nachts.", "herhaald letsel + signalen buren"),
 ("Dhr. vertelt dat hij bij ruzie met vrouw 'soms wel eens hard duwt', laatst viel ze tegen de kast. Vraagt eigenlijk hulp bij schulden.", "pleger benoemt fysiek letsel partner"),
 ("Mw. wil weg bij partner, durft vanavond niet naar huis. Hij heeft gedreigd haar iets aan te doen als ze vertrekt. Zoekt plek met 2 kinderen.", "bedreiging door partner, acuut"),
 ("Zoon (8) vertelt op school dat papa mama heeft geslagen en dat hij zich in de kast verstopte. School belt wijkteam.", "kind getuige van slaan ouder"),
 ("Aanvraag bijz. bijstand voor nieuwe voordeur, oude deur ingetrapt door ex-partner. Mw. wil geen aangifte doen 'dan wordt het erger'.", "ex dringt binnen, angst voor escalatie"),
 ("HB: mw. draagt in juli lange mouwen en sjaal, striemen in nek zichtbaar. Zegt 'hij bedoelt het niet zo, het is de stress van de schulden'.", "verborgen letsel, bagatelliseren"),
 ("Tienerzoon slaat moeder bij ruzies over geld en gamen, moeder heeft zich 2x in slaapkamer opgesloten. Vraagt om opvoedondersteuning.", "kind-ouder geweld"),
 ("Tel. huisarts: mw. kwam met gekneusde ribben, verhaal klopt niet. Partner sinds kort werkloos, spanning in huis loopt op.", "letsel + niet-kloppend verhaal"),
 ("Politie vannacht langs geweest na melding huiselijk geweld bij gezin [NAAM]. Tijdelijk huisverbod vader. Moeder vraagt hulp bij toeslagen nu inkomen wegvalt.", "expliciete melding huiselijk geweld"),
 ("Mw. zegt dat ze 'gewoon voorzichtig moet zijn met wat ze zegt', anders gooit hij met spullen. Vorige week bord tegen haar hoofd. Vraag ging over schimmel badkamer.", "fysiek geweld verstopt in woonvraag"),
 ("Gesprek ivm kostendelersnorm. Mw. noemt terloops dat vriend haar 'een keer' heeft gewurgd toen hij dronken was. Wil er niet verder over praten.", "verwurging = hoog risico"),
])
v("kindermishandeling_verwaarlozing", [
 ("Kinderen (5 en 7) komen zonder ontbijt en in vieze kleren naar school, luizen blijven terugkomen. Moeder reageert niet op berichten leerkracht.", "structurele verwaarlozing"),
 ("HB: koelkast leeg, baby van 4 mnd in vuile luier in wieg, moeder om 14u op bank in slaap. Geen flesvoeding in huis.", "verwaarlozing zuigeling"),
 ("Meisje (10) vertelt aan IB'er dat ze 's avonds vaak alleen thuis is met broertje van 3 en zelf eten maakt. Moeder werkt nachten.", "jonge kinderen zonder toezicht"),
 ("Jongen 6 heeft ronde brandplekjes op onderarm, zegt 'van de kachel'. Vader onrustig bij vragen. Gezin ook schulden bij energieleverancier.", "verdacht letsel kind"),
 ("Consultatiebureau: baby groeit niet goed, afspraken 3x gemist, vaccinaties niet gehaald. Moeder 19, geen netwerk, huurachterstand.", "groeiachterstand + zorgmijding"),
 ("Vader: 'bij ons krijgen ze gewoon een pak slaag als ze niet luisteren, zo ben ik ook opgevoed'. Zoon 9 bang om rapport mee naar huis te nemen.", "fysiek straffen, angst kind"),
 ("Tandarts meldt: kind 4 heeft volledig rot gebit met pijn, ouders komen niet op afspraken. Gezin in bijstand, veel rommel in huis.", "medische verwaarlozing"),
 ("Vermoeden kindermishandeling: peuter met blauwe plekken op rug en billen, vriend van moeder past vaak op. Overleg met Veilig Thuis gepland.", "expliciet"),
 ("Dochter 13 doet het hele huishouden en zorgt voor broertjes, moeder ligt al weken in bed. Verzuimt school, zegt 'anders doet niemand het'.", "parentificatie/verwaarlozing"),
 ("Buurvrouw belt: kinderen van boven staan regelmatig tot laat buiten in de kou, worden niet binnengelaten. Ze hoort vaak 'je bent niks waard' schreeuwen.", "buitensluiten + emotionele mishandeling"),
 ("Via Veilig Thuis: verwaarlozing 2 kinderen, woning vervuild, geen bedden. Moeder vraagt zelf alleen hulp bij verhuizing.", "expliciet"),
 ("Kleuter komt al 3 weken zonder jas en met natte broek op school, ruikt naar urine. Ouders zeggen 'hij doet het expres'. Vader net ontslagen.", "lichamelijke verwaarlozing"),
])
v("ouderenmishandeling", [
 ("Zoon (40) neemt elke maand geld op van moeders rekening, mw. (82) durft niets te zeggen. Huur deze maand niet betaald.", "financiële uitbuiting door kind"),
 ("Mw. (79) vertelt dat kleinzoon bij haar inwoont en haar pinpas 'beheert'. Geen geld voor boodschappen, koelkast leeg.", "financiële uitbuiting"),
 ("Dhr. (85) dementerend, dochter heeft volmacht en heeft zijn spaargeld 'geleend' voor haar eigen huis. Verpleeghuis vraagt wie eigen bijdrage betaalt.", "misbruik volmacht"),
 ("Thuiszorg: mw. (88) ligt vaak urenlang in nat incontinentiemateriaal, inwonende zoon laat haar alleen en schreeuwt tegen haar.", "verwaarlozing + verbaal"),
 ("Mw. 76 heeft blauwe plekken op beide polsen, zegt dat schoonzoon haar 'stevig vastpakt als ze lastig doet'. Vraag kwam binnen als aanvraag traplift.", "fysiek, verstopt in Wmo-vraag"),
 ("Dhr. (81) heeft testament laten wijzigen voor nieuwe 'vriendin' van 45 die bij hem intrekt en al zijn rekeningen regelt. Kinderen ongerust.", "mogelijke financiële uitbuiting"),
 ("Neef regelt bankzaken van tante (90), veel grote opnames en auto op haar naam gekocht. Tante: 'ik wil hem niet kwijt, hij is de enige die komt'.", "financiële uitbuiting + afhankelijkheid"),
 ("Mw. (83) wordt volgens buren door inwonende zoon in haar kamer opgesloten als hij weggaat. Zoon heeft schulden, geen eigen woning.", "vrijheidsbeneming"),
 ("Signalen financieel misbruik bij dhr. (78): dochter heeft zijn pinpas, AOW elke maand binnen een dag weg.", "expliciet"),
 ("Vermoeden ouderenmishandeling: mw. (86) vermagerd, medicatie niet gegeven, mantelzorger overbelast en boos. Besproken i.o.m. Veilig Thuis.", "expliciet"),
 ("Mw. 80 tekent alles wat zoon haar voorlegt, er staan leningen op haar naam, weet niet waarvoor. Post wordt door zoon weggehaald.", "financiële uitbuiting"),
 ("Dhr. 87 zegt aan telefoon fluisterend dat hij 'niet mag bellen'. Dochter die voor hem zorgt heeft zijn telefoon en rollator weggezet 'zodat hij niet valt'.", "isolatie/vrijheidsbeperking oudere"),
])
v("dwingende_controle", [
 ("Partner beheert haar pinpas en telefoon, mw. mag niet alleen naar buiten. Kwam naar spreekuur met smoes 'naar de dokter'.", "controle geld, telefoon, bewegingsvrijheid"),
 ("Mw. mag van man geen contact met zus en moeder, hij leest al haar berichten. Wil taalcursus maar 'hij mag het niet weten'.", "isolatie + controle"),
 ("Cl. krijgt 20 euro per week van partner voor boodschappen, moet bonnetjes laten zien. Heeft zelf geen toegang tot DigiD of bankapp.", "financiële controle"),
 ("Vriend heeft locatie-app op haar telefoon gezet, belt elk half uur als ze weg is. Mw. lachend: 'hij is gewoon jaloers'. Vraag eigenlijk over werk zoeken.", "digitale controle"),
 ("Mw. (32) verhuisd naar stad van partner, kent niemand, heeft geen eigen sleutel. Partner regelt alle post en geldzaken.", "isolatie + afhankelijkheid"),
 ("Man bij elk gesprek aanwezig en beantwoordt vragen voor haar. Toen hij even weg was zei mw. snel 'ik kan hier niet praten'.", "mag niet vrij spreken"),
 ("Cl. moet van partner haar salaris op zijn rekening laten storten, lening op haar naam afgesloten zonder dat ze het wist. Nu BKR-registratie.", "economische controle"),
 ("Partner verbiedt haar te werken en dreigt kinderen mee te nemen naar zijn familie als ze weggaat. Mw. vraagt hoe het zit met kinderbijslag als ze alleen is.", "dreigen met kinderen + verbod werken"),
 ("Dhr. vertelt dat zijn vrouw zijn telefoon afpakt, zijn vrienden heeft weggejaagd en hem kleineert waar de kinderen bij zijn. Schaamt zich om het te zeggen.", "controle, mannelijk slachtoffer"),
 ("Dwingende controle: partner bepaalt wat ze draagt en met wie ze praat, houdt haar paspoort. Mw. angstig. Gesprek gepland zonder partner.", "expliciet"),
 ("Mw.: 'ik moet altijd om 5 uur thuis zijn anders wordt hij boos'. Heeft geen eigen geld, toeslagen komen op zijn rekening.", "tijd- en geldcontrole"),
])
v("stalking", [
 ("Krijgt steeds berichten van ex, staat bij haar werk te wachten. Nummer geblokkeerd, nu komen berichten via nieuwe nummers.", "obsessief belagen"),
 ("Ex-vriend rijdt 's avonds langs de woning en stuurt foto's van haar voordeur. Mw. slaapt slecht, kinderen durven niet alleen naar school.", "belaging met intimidatie"),
 ("Cl. vindt steeds briefjes onder ruitenwisser, onbekende man volgt haar van supermarkt naar huis. Wil verhuizen, vraagt urgentie.", "gevolgd door onbekende"),
 ("Ex-partner heeft nep-account met haar foto's, stuurt 50+ berichten per dag, belt haar moeder. Loopt al 5 mnd.", "online belaging"),
 ("Mw. heeft contactverbod tegen ex, hij komt toch bij school van de kinderen staan. Durft kinderen niet meer alleen op te halen.", "overtreding contactverbod"),
 ("Dhr. wordt lastiggevallen door voormalige collega die hem overal volgt en zijn nieuwe adres heeft achterhaald. Wil hulp bij verhuizing.", "belaging, adres achterhaald"),
 ("Ex staat 's nachts onder haar raam, heeft fietsbanden lekgestoken. Mw. kan daardoor niet naar werk, vraagt vervoer.", "belaging + vernieling"),
 ("Aangifte van stalking gedaan, politie adviseert contactverbod. Mw. zoekt nu hulp voor dochter die bang is.", "expliciet"),
 ("Na het uitmaken volgt ex-vriend haar nog dagelijks via gedeelde iCloud, weet steeds waar ze is. 'Hij weet alles van me.'", "digitale belaging"),
 ("Mw. meldt stalking door ex-buurman, belt aan op rare tijden, kijkt door brievenbus. Corporatie ingeschakeld.", "expliciet"),
 ("Jonge moeder krijgt van vader van kind dreigende voicemails, hij weet waar ze nu woont terwijl ze haar adres geheim had gehouden.", "dreiging + geheim adres gevonden"),
])
v("seksuele_uitbuiting", [
 ("Meisje 15 heeft nieuwe vriend van 24 met dure cadeaus, spijbelt, komt 's nachts niet thuis. Moeder vond 2e telefoon.", "klassiek patroon mensenhandelaar"),
 ("Dochter 16 heeft opeens nieuwe kleding, nagels, tassen 'van een vriend'. Is meerdere keren bij hotel gezien met oudere mannen.", "signalen uitbuiting minderjarige"),
 ("Jongen 14 krijgt geld van 'oudere vrienden' en moet foto's van zichzelf sturen. Wil niets vertellen, sluit zich op in kamer.", "online seksuele uitbuiting jongen"),
 ("Mw. (19) vertelt dat vriend haar 'met vrienden van hem laat afspreken' om schulden af te lossen. Mag niet weg, hij heeft haar ID.", "gedwongen seks voor schuld"),
 ("Vrouw uit Oost-Europa werkt in 'massagesalon', woont boven salon, paspoort bij eigenaar. Kwam op spreekuur voor zorgverzekering.", "signalen mensenhandel"),
 ("Meisje 17 uit jeugdzorg wordt opgehaald door auto's met steeds andere mannen. Zegt dat ze 'model' is en veel verdient.", "signalen uitbuiting"),
 ("Vermoeden loverboyproblematiek: dochter 15 weggelopen, contact met man van 23, advertentie op escortsite gevonden door zus.", "expliciet"),
 ("Naaktfoto's van dochter (14) rondgestuurd, jongen dwingt haar nu 'iets terug te doen' anders stuurt hij meer. Ouders radeloos.", "sextortion minderjarige"),
 ("Mw. (22) met LVB krijgt 'bezoek' van mannen in haar woning, 'vriend' regelt het en houdt haar uitkering.", "uitbuiting kwetsbare vrouw"),
 ("Signaal gedwongen prostitutie: jonge vrouw zonder papieren, woont met 5 vrouwen op 1 kamer, wordt elke avond weggebracht. Politie op de hoogte.", "expliciet"),
 ("Dochter 16 zegt dat ze 'moet werken' voor vriend die haar hielp toen ze thuis wegliep. Slaapt op wisselende adressen.", "afhankelijkheid + 'werken'"),
])
v("eergerelateerd_huwelijksdwang", [
 ("Dochter moet van familie deze zomer trouwen in Marokko. Wil eerst opleiding afmaken, durft het niet tegen vader te zeggen.", "huwelijksdwang"),
 ("Meisje 17: paspoort door ouders afgepakt, in de vakantie 'gaan ze haar achterlaten bij oma' in Turkije.", "achterlating"),
 ("Mw. gescheiden, wordt door schoonfamilie bedreigd omdat ze 'de familie te schande heeft gemaakt'. Broers van ex staan bij haar deur.", "eerwraak-dreiging"),
 ("Jongen 19 is homo, familie heeft het ontdekt. Oom: 'je bent geen zoon meer van ons'. Bang wat er gebeurt als hij thuiskomt.", "eergerelateerde dreiging LHBTI"),
 ("Dochter 16 wordt door broers gevolgd naar school, mag geen telefoon, moet om 16u thuis. Heeft vriendje, familie mag het niet weten.", "eercontrole"),
 ("Mw. religieus getrouwd, man geeft geen scheiding, ze zit 'vast' in huwelijk. Familie dreigt haar kinderen af te nemen.", "huwelijkse gevangenschap"),
 ("Neef uit Pakistan moet met dochter (18) trouwen voor zijn verblijfsvergunning. Dochter huilt op school: 'ik heb geen keus'.", "huwelijksdwang"),
 ("Signalen eergerelateerd geweld: zus wordt door familie 'gestraft' omdat ze met een niet-moslim omgaat, heeft blauwe plekken.", "expliciet"),
 ("Huwelijksdwang: meisje 18 tegen haar wil verloofd, datum al geprikt, overweegt weg te lopen. Landelijk Knooppunt geraadpleegd.", "expliciet"),
 ("Meisje (15) wordt deze zomer 'voor onbepaalde tijd' naar familie in het buitenland gestuurd om 'tot rust te komen'. School ongerust.", "dreigende achterlating"),
 ("Mw. heeft na scheiding nieuwe man, vader zegt 'dan ben je dood voor ons, en hij ook'. Vraagt nu hulp bij huisvesting.", "eerdreiging"),
])
v("acute_crisis", [
 ("Zegt dat ze er niet meer wil zijn. Heeft pillen verzameld. Schulden lopen op, deurwaarder geweest. Direct huisarts gebeld.", "doodswens + middelen"),
 ("Mw. met 3 kinderen staat op straat, vannacht geen slaapplek. Weg bij familie waar ze logeerde na ruzie.", "dakloos met kinderen vannacht"),
 ("Dhr. hoort stemmen, denkt dat buren camera's in zijn muren hebben, deur gebarricadeerd. Eet al dagen niet. Crisisdienst ggz gebeld.", "psychose"),
 ("Cl. stuurt 's avonds appje 'bedankt voor alles, ik ga jullie niet meer lastigvallen'. Niet bereikbaar. Direct achteraan gegaan.", "afscheidsbericht"),
 ("Jongen 17 door stiefvader op straat gezet, slaapt vannacht in park. Geen geld, telefoon bijna leeg.", "minderjarige dakloos"),
 ("Mw. 3 wk na bevalling, zegt dat baby beter af is zonder haar, slaapt niet, 'ik ben een slechte moeder'. Partner werkt nachten.", "postpartum crisis"),
 ("Dhr. staat bij wijkcentrum: 'het hoeft voor mij allemaal niet meer', afscheidsbrief voor dochter geschreven. Huurachterstand 5 mnd.", "doodswens + brief"),
 ("Acuut suïcidaal, cl. op dak van flat gezien, politie en crisisdienst ter plaatse.", "expliciet"),
 ("Woning vanochtend ontruimd, mw. met baby van 3 weken, niets geregeld, bank bij kennis kan niet meer vannacht.", "dakloos met baby"),
 ("Mw. verward op straat, weet niet waar ze woont, dun gekleed in de kou. Broer zegt dat ze gestopt is met medicatie.", "acute verwardheid"),
 ("Dhr. met mes bij loket gemeente omdat uitkering stopt. Onrustig, praat over 'iedereen meenemen'.", "acuut gevaar voor anderen"),
 ("Suïcidegedachten besproken met cl., veiligheidsplan gemaakt, huisarts en POH-ggz ingelicht. Morgen opnieuw contact.", "expliciet"),
])
v("verslaving", [
 ("Drinkt al vanaf de ochtend, kinderen alleen thuis. Lege flessen in gang. Mw.: 'het is maar een paar biertjes'.", "problematisch drinken + kinderen"),
 ("Gokt online, alle toeslag weg. Huur niet betaald, leningen bij vrienden. Partner weet het niet.", "gokproblematiek"),
 ("Zoon (22) gamet tot 5u 's nachts, gestopt met opleiding, wordt agressief als wifi uitgaat. Ouders bang voor hem.", "gameproblematiek + agressie"),
 ("Dhr. ruikt om 10u naar drank, trillende handen, gevallen op trap. Woont alleen, post stapelt zich op.", "alcohol + zelfverwaarlozing"),
 ("Mw. gebruikt dagelijks coke 'om het vol te houden' met werk en kinderen, schulden bij dealer, wordt bedreigd.", "drugs + dreiging"),
 ("Cl. blowt vanaf opstaan, achterdochtig, kan geen afspraken onthouden. Uitkering gaat op aan 'spul'.", "cannabis-afhankelijkheid"),
 ("Vader haalt slaappillen en pijnstillers bij verschillende huisartsen, ligt hele dagen suf op bank. Kinderen 6 en 9.", "medicatie-afhankelijkheid + kinderen"),
 ("Verslaafd aan gokken, schuld 28.000 euro, SHV loopt vast. Aanmelding verslavingszorg besproken.", "expliciet"),
 ("Verslaving moeder aan alcohol, kind (11) zorgt 's avonds voor haar. Tactus ingeschakeld.", "expliciet"),
 ("Jongen 16 gebruikt grote hoeveelheden lachgas, tintelingen in benen, verkoopt spullen van ouders.", "lachgas, schade"),
 ("Mw. weer gaan drinken na overlijden man, halve fles wodka per dag, vergeet te eten. Dochter belt bezorgd.", "terugval alcohol"),
 ("Dhr. zet geld van werkgever in op sportweddenschappen: 'ik win het wel terug'. Vrouw vond afschriften.", "gokken + verduistering"),
])
v("justitie", [
 ("Komt net uit de bajes, reclassering vraagt woonplek. Geen ID, geen uitkering, slaapt bij broer op de bank.", "ex-gedetineerde"),
 ("Dhr. heeft enkelband, moet voor 22u thuis zijn. Zoekt werk maar krijgt geen VOG. Vrouw vraagt hulp bij schulden.", "elektronisch toezicht"),
 ("Zoon 17 aangehouden voor inbraak, zit in JJI. Moeder vraagt hoe bezoek werkt en hoe het zit met kinderbijslag.", "jeugddetentie"),
 ("Cl. moet 120 uur taakstraf doen, vergeet afspraken, dreigt vervangende hechtenis. Hulp nodig bij planning.", "taakstraf, dreigende hechtenis"),
 ("Vader zit 2 jaar vast, moeder staat er alleen voor met 3 kinderen, inkomen weg. Kinderen vragen waar papa is.", "ouder gedetineerd"),
 ("Dhr. voorwaardelijke straf met meldplicht en contactverbod, woont tijdelijk in pension. Uitkering nog niet aangevraagd.", "toezicht reclassering"),
 ("Mw. heeft dagvaarding gekregen voor uitkeringsfraude, zitting over 6 wk. Weet niet wat te doen, paniek.", "strafzaak"),
 ("Jongen 15 meerdere keren opgepakt voor dealen, zit in Halt-traject. Ouders geen grip, veel geld op zak.", "jeugdcriminaliteit"),
 ("Ex-gedetineerde, 4 jaar gevangenis, nu 2 weken vrij. Zoekt huisvesting en hulp bij CJIB-boetes.", "expliciet"),
 ("Politie heeft zoon (19) meegenomen na vechtpartij, zit in verzekering. Moeder in paniek, vraagt wie ze moet bellen.", "expliciet"),
 ("Dhr. net uit detentie, PI regelde niets, zit zonder zorgverzekering en medicatie. Reclasseringswerker vraagt mee te denken.", "nazorg ex-gedetineerde"),
])

# ---------------- VEILIG = 0 (look-alikes) ----------------
n("huiselijk_geweld", [
 ("Geen signalen van geweld. Gezin vraagt hulp bij huurtoeslag na verhuizing.", "expliciet geen signalen"),
 ("Ruzie met buurman over geluid van zijn hond, mw. wil buurtbemiddeling.", "burenconflict, geen huiselijke kring"),
 ("Blauwe plekken door bloedverdunners, huisarts weet ervan. Vraag over extra thuiszorg.", "medisch verklaard"),
 ("Mw. van trap gevallen bij ramen zemen, pols in gips. Vraagt tijdelijk hulp bij huishouden.", "ongeluk, aannemelijk"),
 ("Stel heeft vaak discussie over geld, willen samen budgetcursus volgen. Beiden gemotiveerd.", "gewone onenigheid"),
 ("Dhr. maakte als kind veel geweld mee bij zijn ouders, wil dat verwerken bij POH. Met eigen gezin gaat het goed.", "verleden, geen actueel risico"),
 ("Zoon heeft op judo een blauw oog opgelopen, moeder vraagt vergoeding contributie via Jeugdfonds Sport.", "sportblessure"),
 ("Scheiding verloopt zakelijk en rustig. Vraag over alimentatie en toeslagen.", "rustige scheiding"),
 ("Voordeur ingetrapt door brandweer bij lekkage bovenburen, corporatie herstelt. Mw. vraagt vergoeding schade.", "deur door hulpdienst"),
 ("Mw. werkt als vrijwilliger in de vrouwenopvang, vraagt of dat gevolgen heeft voor haar uitkering.", "vrijwilligerswerk"),
 ("Dochter wordt op school soms geplaagd, weerbaarheidstraining gevraagd. Thuis gaat het goed.", "pesten, geen huiselijke kring"),
 ("Ouders maken hard ruzie over de verbouwing, zegt mw. lachend. Vraag gaat over energielening.", "geen signalen"),
])
n("kindermishandeling_verwaarlozing", [
 ("Baby huilt veel, moeder moe. Partner helpt 's nachts, consultatiebureau ziet goede groei. Vraag over verlenging kraamzorg.", "normale ouderschapsvraag"),
 ("Kinderen soms te laat op school ivm ziekte moeder, verder goed verzorgd. Opa brengt ze nu.", "tijdelijk, opgelost"),
 ("Zoon (4) heeft eczeem, rode plekken op armen, dermatoloog behandelt. Vraag vergoeding zalf.", "medisch verklaard"),
 ("Jongen eet 's ochtends niet omdat hij misselijk is, ouders zijn ermee bij de huisarts. Leerkracht vraagt advies.", "ouders handelen"),
 ("Moeder alleenstaand, krap budget, kinderen hebben te eten maar geen winterjassen. Aanvraag Stichting Leergeld.", "armoede, geen verwaarlozing"),
 ("Gezin woont klein, 3 kinderen op 1 kamer, goed verzorgd. Vraag urgentie grotere woning.", "woonprobleem"),
 ("Dochter 12 past na school een uur op broertje tot moeder om 17u thuis is, buurvrouw als back-up.", "redelijke afspraak"),
 ("Vader vraagt tips, zoon (3) heeft driftbuien. Wil cursus positief opvoeden.", "opvoedvraag"),
 ("Tandarts verwijst voor vergoeding beugel, ouders letten goed op gebit.", "financiële vraag"),
 ("Pleegouders vragen info over pleegzorgvergoeding en kinderbijslag.", "administratief"),
 ("Kind valt vaak, blauwe plekken op schenen, fysio ziet motorische achterstand, ouders betrokken.", "verklaard, ouders betrokken"),
 ("Gesprek met school, geen signalen van kindermishandeling. Moeder vraagt hulp bij aanvraag leerlingenvervoer.", "expliciet geen signalen"),
])
n("ouderenmishandeling", [
 ("Zoon helpt moeder (84) met bankzaken met haar toestemming, machtiging via bank geregeld. Vraag over huurtoeslag.", "met toestemming, transparant"),
 ("Bezoek aan vader in verpleeghuis, dochter vraagt over eigen bijdrage CAK.", "administratief"),
 ("Erfenis moeder: broer en zus oneens over verdeling huis, notaris betrokken. Vraag over bijstand tijdens afwikkeling.", "erfenisconflict tussen broers/zussen"),
 ("Mw. (81) heeft op eigen verzoek bewindvoerder, tevreden. Vraagt hulp bij aanvraag scootmobiel.", "vrijwillig bewind"),
 ("Dochter wil mantelzorgwaardering aanvragen voor zorg voor vader (87).", "mantelzorg"),
 ("Dhr. (79) geeft elke maand geld aan kleinkinderen voor studie, wil weten of dat gevolgen heeft voor huurtoeslag.", "eigen keuze"),
 ("Mw. (90) vergeetachtig, familie regelt zorg samen met casemanager dementie. Vraag over dagbesteding.", "goed geregeld"),
 ("Kinderen willen levenstestament laten opstellen, mw. zelf helder en akkoord.", "met instemming"),
 ("Mw. 83 gevallen in badkamer, blauwe plek op heup, thuiszorg komt vaker. Vraagt alarmknop.", "ongeluk"),
 ("Neef doet boodschappen voor tante, zij betaalt terug op bonnetjes, alles in orde. Vraag over boodschappendienst.", "transparant"),
 ("Mantelzorger zwaar belast door zorg voor vrouw met Parkinson, vraagt respijtzorg.", "overbelasting zonder signalen"),
])
n("dwingende_controle", [
 ("Man regelt financiën, mw. de zorg voor de kinderen, zo afgesproken, beiden inzage in rekening. Vraag over kinderopvangtoeslag.", "gelijkwaardige taakverdeling"),
 ("Telefoon mw. in reparatie, kan daardoor niet inloggen met DigiD app. Hulp bij sms-code.", "technisch"),
 ("Ouders hebben locatie-app voor de kinderen, vraag over mediaopvoeding.", "ouderlijk toezicht"),
 ("Dhr. heeft bewindvoering, krijgt leefgeld per week, tevreden over bewindvoerder.", "formeel bewind"),
 ("Partner beheert pinpas sinds mw. dementie heeft, casemanager betrokken, afspraken vastgelegd.", "zorgvuldig geregeld"),
 ("Mw. mag van werkgever geen privételefoon gebruiken op werk, vraagt hoe ze bereikbaar is voor school.", "werkregel"),
 ("Echtpaar in budgetcoaching, samen afgesproken 50 euro per week leefgeld.", "gezamenlijke afspraak"),
 ("Mw.: 'ik ben thuis de baas over het geld', man vindt het prima. Willen sparen voor keuken.", "geen controle"),
 ("Ouders nemen telefoon van zoon (13) 's avonds in, vragen tips over schermtijd.", "opvoeding"),
 ("Mw. spreekt weinig Nederlands, man tolkte. Volgende keer met tolk, mw. praat dan zelf, geen zorgen. Vraag inburgering.", "tolk geregeld, geen signalen"),
 ("Partner gaat mee naar gesprek omdat mw. slecht hoort, mw. voert zelf het woord.", "ondersteuning"),
])
n("stalking", [
 ("Conflict met ex over omgangsregeling, verloopt verder rustig. Vraag over kinderalimentatie.", "gewoon omgangsconflict"),
 ("Mw. krijgt veel post en telefoontjes van incassobureau, wil dat het stopt. Schuldhulp aangevraagd.", "incasso"),
 ("Ex belt af en toe over de kinderen, afspraken via ouderschapsapp, geen problemen.", "normaal contact"),
 ("Dhr. wordt steeds gebeld door callcenters, vraagt hoe Bel-me-niet register werkt.", "telemarketing"),
 ("Collega stuurt soms appjes na werktijd over roosters, mw. vindt het vervelend, bespreekt het met leidinggevende.", "werkkwestie"),
 ("Buurman kijkt vaak over de schutting, mw. wil hoger hek, vraag aan corporatie.", "privacy, geen belaging"),
 ("Ex-partner haalt kinderen volgens regeling op aan de deur, overdracht verloopt goed.", "normale overdracht"),
 ("Mw. krijgt phishing-sms'jes van 'de bank', vraagt hoe ze die kan blokkeren.", "oplichting, geen belaging"),
 ("Deurwaarder komt steeds langs, mw. schrikt ervan, wil betalingsregeling.", "schulden"),
 ("Oud-klasgenoot zoekt na 20 jaar contact via Facebook, mw. twijfelt of ze wil reageren.", "onschuldig contact"),
 ("Informatieavond over stalking voor vrijwilligers buurthuis gevraagd, geen casus.", "voorlichting"),
])
n("seksuele_uitbuiting", [
 ("Dochter 16 heeft vriend van 17, ouders kennen hem. Vraag over voorlichting en anticonceptie.", "leeftijdsgenoot, open"),
 ("Meisje 15 spijbelt ivm faalangst, leerplicht en school in gesprek, ouders betrokken.", "schoolverzuim met verklaring"),
 ("Dochter 18 heeft bijbaan in restaurant met fooien, vraagt over invloed op toeslagen.", "gewone bijbaan"),
 ("Mw. (23) is zzp'er in schoonheidsbranche, vraag over toeslagen en inkomen.", "eigen bedrijf"),
 ("Voorlichting op school over loverboys, ouder vraagt waar meer info te vinden is, geen zorgen over eigen kind.", "algemene info"),
 ("Arbeidsmigrant uit Polen, eigen kamer, contract en loonstroken in orde. Vraag zorgtoeslag en BSN.", "geen uitbuitingssignalen"),
 ("Meisje 17 wil op kamers, vraag over huurtoeslag voor en na 18.", "zelfstandigheidsvraag"),
 ("Dochter 14 zit veel op social media, ouders willen cursus online veiligheid.", "preventie"),
 ("Studente vraagt info over hulpaanbod voor sekswerkers voor haar afstudeeronderzoek.", "onderzoeksvraag"),
 ("Jongen 15 heeft eerste vriendinnetje, moeder wil weten hoe ze erover kan praten.", "opvoedvraag"),
 ("Zoon 16 krijgt dure sneakers van oom voor verjaardag, broertje jaloers.", "cadeau familie"),
])
n("eergerelateerd_huwelijksdwang", [
 ("Dochter gaat trouwen, vraagt over samenwonen en toeslagen.", "vrijwillig huwelijk"),
 ("Gezin gaat deze zomer 6 weken naar Marokko op vakantie, vraag over extra verlof buiten schoolvakantie.", "vakantie"),
 ("Mw. trouwt met man uit Turkije, vraagt info over gezinsvorming IND en inkomenseis.", "eigen keuze"),
 ("Zoon kwam uit de kast, ouders wat onwennig maar steunend, zoeken oudergroep.", "steunende familie"),
 ("Bruiloft neef in Pakistan, gezin wil geld lenen voor reis, vraag over budget.", "financiële vraag"),
 ("Mw. gescheiden, familie steunt haar. Vraag over alimentatie en woning.", "steunende familie"),
 ("Jongeman 20 vraagt info over islamitisch en burgerlijk huwelijk voor zijn verloofde en hem.", "informatievraag"),
 ("Oma wil kleindochter meenemen naar Suriname voor familiebezoek, vraag over toestemming andere ouder.", "reis met toestemming"),
 ("Meisje 16 mag van ouders niet naar schoolfeest, discussie thuis, verder goed contact.", "gewone puberdiscussie"),
 ("Stel wil in overleg scheiden, vraagt over religieuze scheiding en advocaat, beiden akkoord.", "wederzijds"),
 ("Moskee vraagt voorlichting over eergerelateerd geweld voor ouderavond.", "voorlichting"),
])
n("acute_crisis", [
 ("Vraag over de Wet verplichte ggz voor een cursus, geen casus.", "informatievraag"),
 ("Mw.: 'ik weet het niet meer' met alle brieven van BD. Hulp bij toeslagen.", "uitdrukking, administratief"),
 ("Dhr. heeft 'geen zin meer' in zijn werk, zoekt omscholing.", "uitdrukking"),
 ("Huurcontract loopt over 3 mnd af, zoekt nieuwe woning, kan tijdelijk bij zus.", "geen acute dakloosheid"),
 ("Dhr. had vorig jaar psychose, nu stabiel met medicatie en FACT-team. Vraag over dagbesteding.", "stabiel, in zorg"),
 ("Mw. 'doodmoe' van de mantelzorg, wil respijtzorg.", "uitdrukking"),
 ("Studente uit huis na ruzie, woont nu op kamer, vraagt huurtoeslag.", "opgevangen"),
 ("Broer van dhr. is vorig jaar overleden door zelfdoding, dhr. zoekt rouwgroep. Zelf geen doodsgedachten.", "rouw, uitgevraagd"),
 ("Cv kapot, koude woning, gezin slaapt vannacht bij oma, monteur komt morgen.", "opgevangen, technisch"),
 ("Buurthuis wil cursus Mental Health First Aid voor vrijwilligers.", "cursus"),
 ("'Ik word gek van die schimmel' - mw. wil dat corporatie eindelijk iets doet.", "uitdrukking"),
 ("Mw. zegt dat ze 'het liefst onder de dekens blijft' op maandag, gaat verder goed, werkt 3 dagen.", "geen crisis"),
])
n("verslaving", [
 ("Drinkt sociaal, alleen op verjaardagen een paar glazen. Vraag over sportvereniging.", "sociaal drinken"),
 ("Alcohol: niet van toepassing. Roken: gestopt. Vraag over zorgtoeslag.", "n.v.t."),
 ("Gamet veel volgens moeder, verder gaat het goed op school, heeft vrienden. Tips over schermtijd.", "functioneert goed"),
 ("Dhr. 10 jaar geleden aan de drank, sinds lang droog, vrijwilliger bij AA. Vraag over werk.", "langdurig herstel"),
 ("Mw. speelt 1x per maand staatsloterij, vraag over budgetplan.", "geen problematisch gokken"),
 ("Vader wil stoppen met roken, vraagt vergoeding stoppen-met-rokenprogramma.", "preventie"),
 ("Zoon werkt als bijbaan in kroeg, vraag over bijverdienen naast studiefinanciering.", "werk"),
 ("Mw. gebruikt pijnstillers na operatie volgens voorschrift, fysio loopt.", "medisch"),
 ("Buurman houdt feestjes met veel bier in tuin, geluidsoverlast, bemiddeling gevraagd.", "overlast"),
 ("Zoon wil opleiding e-sports doen, ouders vragen naar kosten.", "opleidingsvraag"),
 ("Cl. drinkt veel koffie en slaapt slecht, POH adviseert slaaphygiëne.", "geen middelenprobleem"),
])
n("justitie", [
 ("Werkte vroeger bij de politie, nu met pensioen, wil vrijwilligerswerk.", "beroep"),
 ("Vrijwilliger bij de reclassering wil helpen bij maatjesproject.", "vrijwilliger"),
 ("Mw. heeft verkeersboete van CJIB, wil betalingsregeling.", "boete, geen strafzaak"),
 ("Fiets gestolen, aangifte gedaan. Vraagt vergoeding nieuwe fiets voor zoon via Leergeld.", "slachtoffer diefstal"),
 ("Dhr. vraagt VOG aan voor werk in de zorg, vraag over kosten.", "standaardprocedure"),
 ("Zoon doet opleiding handhaving, vraagt over stagevergoeding.", "opleiding"),
 ("Wijkagent schuift aan bij koffie-uurtje buurthuis, geen casus.", "geen casus"),
 ("Mw. moet getuigen in rechtszaak over verkeersongeluk, zenuwachtig.", "getuige"),
 ("Broer zat 15 jaar geleden vast, nu al lang goed bezig, helpt mw. met verhuizen.", "ver verleden, derde"),
 ("Huurzaak bij kantonrechter over onderhoud, mw. vraagt rechtsbijstand via Juridisch Loket.", "civiele zaak"),
 ("Dagvaarding van deurwaarder voor oude telefoonschuld, dhr. wil SHV.", "civiele schuld"),
])

OBVIOUS = re.compile(r"geweld|mishandel|misbruik|loverboy|su[iï]cid|verslaaf|verslaving|politie|gevangenis|stalk|veilig thuis", re.I)

def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "veiligheid.csv"
    for t, *_ in S:
        assert ";" not in t and "\n" not in t, t
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        w.writerow(["tekst", "veilig", "categorie", "toelichting"])
        for r in S: w.writerow(r)
    pos = [r for r in S if r[1] == 1]; neg = [r for r in S if r[1] == 0]
    c1 = collections.Counter(r[2] for r in pos); c0 = collections.Counter(r[2] for r in neg)
    print(f"veilig=1: {len(pos)}  veilig=0: {len(neg)}")
    for k in c1: print(f"  {k:34s} veilig1={c1[k]:3d} veilig0={c0[k]:3d} zonder_voor_de_hand_liggend_woord(1)={sum(1 for r in pos if r[2]==k and not OBVIOUS.search(r[0]))}")
    impl = sum(1 for r in pos if not OBVIOUS.search(r[0]))
    print(f"veilig=1 zonder voor-de-hand-liggende woorden: {impl}/{len(pos)} = {impl/len(pos):.0%}")
    print(f"veilig=0 met zo'n woord: {sum(1 for r in neg if OBVIOUS.search(r[0]))}/{len(neg)}")
    print("dubbele teksten:", len(S) - len(set(r[0] for r in S)))
    assert min(c1.values()) >= 7 and len(pos) >= 100 and len(neg) >= 100 and impl / len(pos) >= 0.6

if __name__ == "__main__":
    main()
