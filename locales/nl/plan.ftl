# Berichten van plan (nl): een toetsplan lezen (crates/plan/src/load.rs, limits.rs, values.rs),
# de regels van een plan (validate/), het archief van plannen (archive/), en waar in een plan
# een probleem zit (place.rs).

## De woorden van een getoond probleem (diagnostic.rs).
plan-label-error = fout
plan-label-warning = waarschuwing
plan-label-place = plaats
plan-label-help = tip

## Waar in een plan (place.rs, archive/compare.rs). Nummers tellen vanaf 1.
plan-place-field = veld `{ $field }`
plan-place-item = veld `{ $field }`, waarde { $n }
plan-place-within = { $outer }, { $inner }
plan-place-onderdeel = onderdeel { $n } ({ $naam })
plan-place-onderdeel-unnamed = onderdeel { $n }
plan-place-onderdelen = de onderdelen
plan-place-toetsterm = toetsterm { $code } (onderdeel { $onderdeel }, { $naam })
plan-place-toetsterm-in-unnamed = toetsterm { $code } (onderdeel { $onderdeel })
plan-place-toetsterm-uncoded = toetsterm { $n } van onderdeel { $onderdeel } ({ $naam })
plan-place-toetsterm-uncoded-in-unnamed = toetsterm { $n } van onderdeel { $onderdeel }
plan-place-toetsterm-onderdeel = toetsterm { $code }, zijn onderdeel
plan-place-toetsterm-was = toetsterm { $code } (was onderdeel { $onderdeel }, { $naam })
plan-place-beoordeling = beoordeling
plan-place-correctie = correctie { $n }
plan-place-plan-field = veld `{ $field }` van het plan
plan-value-none = (leeg)
plan-value-removed = (verwijderd)
plan-value-no-toetsterm = (er was geen toetsterm met deze code)

## De map met plannen (load.rs).
plan-plans-is-file = { $path } is een bestand, geen map: geef met --plans de map met de toetsplannen (bijvoorbeeld `--plans { $parent }`)
plan-plans-missing = de map { $path } bestaat niet: maak de map en zet de toetsplannen (.yaml) erin, of geef met --plans een andere map
plan-plans-unreadable = kan de map met plannen { $path } niet lezen: { $detail }
plan-plans-unreadable-at = { $path }: { $detail }
plan-plans-none = geen toetsplannen (*.yaml) gevonden in { $path }: zet de plannen daar, of geef hun map met --plans

## Een planbestand lezen (load.rs, limits.rs).
plan-file-unreadable = kan het bestand niet lezen: { $detail }
plan-file-not-plain = het is geen gewoon bestand (maar een map, een pipe of een apparaat)
    .help = een toetsplan is een gewoon tekstbestand (.yaml): verwijder wat daar staat of geef het een andere naam
plan-file-outside = het ligt buiten { $folder }, de map waarin het moet staan
plan-file-not-utf8 = het bestand is geen geldige UTF-8
    .help = sla het bestand op als UTF-8 (in de meeste editors: Opslaan als… → Codering: UTF-8)
plan-file-empty = het bestand is leeg
    .help = een toetsplan heeft minstens `code`, `naam`, `ingangsdatum` en `onderdelen`; zie README, "Wat er in een plan staat", of begin met `toetsgen nieuw`
plan-file-too-large = het bestand is { $kib } KiB, groter dan een toetsplan mag zijn ({ $max } KiB)
    .help = een toetsplan is een paar tot een paar honderd KiB; controleer of dit het goede plan is, of verdeel het in plannen per module
plan-control-character = het bestand bevat hier het stuurteken { $character }, dat geen document kan afdrukken
    .help = haal het weg (het is in de meeste editors onzichtbaar: wis het teken op deze plaats en typ het zo nodig opnieuw)
plan-char-nul = NUL
plan-char-escape = escape
plan-char-bell = bel
plan-char-backspace = backspace
plan-char-vertical-tab = verticale tab
plan-char-form-feed = nieuwe pagina
plan-char-delete = delete
plan-too-deep = het plan is hier dieper genest dan { $max } niveaus
    .help = een toetsplan is hooguit zes niveaus diep (plan → onderdelen → toetstermen → niveaus); controleer de haken en het inspringen
plan-yaml-syntax = de YAML is niet te lezen: { $detail }
plan-help-tab = YAML staat geen tabs toe om in te springen: spring in met spaties
plan-help-quoting = controleer het inspringen en de aanhalingstekens rond deze plaats; zet een tekst met `: ` erin, of een tekst die begint met een speciaal teken zoals `*`, `&`, `[` of `{"{"}`, tussen aanhalingstekens
plan-help-list = schrijf een lijst tussen vierkante haken, bijvoorbeeld `niveaus: [PV]` of `niveaus: [K, B]`
plan-second-document = hier begint een tweede YAML-document
    .help = een bestand bevat één toetsplan: haal de extra regel `---` weg of verdeel het bestand

## Wat serde en de YAML-lezer zeggen, met de namen ingevuld (load.rs).
plan-reader-missing-field = het veld `{ $field }` ontbreekt
    .help = voeg het ontbrekende veld toe; README, "Wat er in een plan staat", noemt alle velden van een toetsplan
plan-reader-duplicate-field = het veld `{ $field }` staat er twee keer
    .help = een veld mag één keer voorkomen: haal er een weg, of voeg ze samen
plan-reader-unknown-field = onbekend veld `{ $field }`; { $allowed }
    .help = controleer de spelling van de veldnaam; hierboven staan de velden die hier mogen
plan-reader-unknown-value = onbekende waarde `{ $value }`; { $allowed }
    .help = gebruik een van de waarden hierboven, precies zo geschreven
plan-reader-allowed-list = hier mag staan: { $list }
plan-reader-allowed-two = hier mag { $first } of { $second } staan
plan-reader-allowed-one = hier mag alleen { $only } staan
plan-reader-allowed-none = hier mogen geen velden staan
plan-reader-invalid-type = hier staat { $found }, maar er hoort { $expected } te staan
    .help = geef de waarde die hierboven staat; zet een tekst die op een getal of datum lijkt tussen aanhalingstekens
plan-reader-invalid-value = hier staat { $found }, maar er hoort { $expected } te staan
plan-reader-too-large = het bestand wordt te groot als de ankers en aliassen worden uitgeschreven: { $detail }
    .help = het bestand groeit uit tot te veel gegevens (geneste ankers en aliassen); schrijf het plan uit zonder ketens van `&anker`/`*alias`
plan-reader-syntax = de YAML is niet te lezen: { $detail }
plan-kind-string = de tekst { $value }
plan-kind-integer = het getal { $value }
plan-kind-float = het kommagetal { $value }
plan-kind-boolean = de waarde { $value }
plan-kind-sequence = een lijst
plan-kind-map = een groep velden
plan-kind-unit = niets
plan-expect-sequence = een lijst
plan-expect-string = een tekst
plan-expect-boolean = true of false
plan-expect-u32 = een heel getal van 0 of meer
plan-expect-struct = een groep velden ({ $name })

## Waarden zonder eigen YAML-soort (values.rs).
plan-level-unknown = onbekend niveau `{ $level }`: gebruik K (kennis), B (begrip), RV (reproductieve vaardigheden) of PV (productieve vaardigheden)
plan-date-format = `{ $text }` is geen datum in de vorm JJJJ-MM-DD: schrijf bijvoorbeeld 2021-09-01 voor 1 september 2021
plan-date-impossible = `{ $text }` is geen bestaande datum: controleer de dag en de maand
plan-date-too-early = `{ $text }` ligt voor 1970-01-01, de vroegste datum die toetsgen in een PDF kan zetten: controleer het jaar
plan-aantal-vragen-expected = een heel getal (bijvoorbeeld 40) of een tekst (bijvoorbeeld Niet van toepassing)
plan-aantal-vragen-negative = aantal_vragen is { $n }: dat kan niet negatief zijn
plan-aantal-vragen-fraction = aantal_vragen is { $n }: gebruik een heel getal

## De regels van een plan (validate/).
plan-code-twice = plancode `{ $code }` wordt al gebruikt door { $first }
    .help = elk plan heeft een eigen code nodig: zijn documenten komen in output/<code>/
plan-more-problems = { $more ->
        [one] … en nog 1 probleem in dit bestand, niet getoond
       *[other] … en nog { $more } problemen in dit bestand, niet getoond
    }
    .help = los de problemen hierboven op en controleer opnieuw
plan-code-format = plancode `{ $code }` mag alleen letters en cijfers bevatten, hooguit { $max }
    .help = gebruik een korte code zoals `V1` of `B2`; de code wordt een mapnaam
plan-too-many-toetstermen = het plan heeft { $n } toetstermen, meer dan de { $max } die een plan mag hebben (dit is toetsterm { $this })
    .help = verdeel de module over meer plannen
plan-no-onderdelen = het plan heeft geen onderdelen
    .help = voeg minstens één onderdeel toe, met een `naam` en zijn `toetstermen`
plan-onderdeel-empty = onderdeel `{ $naam }` heeft geen toetstermen
    .help = voeg de toetstermen toe, of haal het onderdeel weg
plan-toetsterm-prefix = toetstermcode `{ $code }` begint niet met de plancode `{ $plan }` en een punt
    .help = schrijf de code als `{ $prefix }` met het nummer erachter, bijvoorbeeld `{ $prefix }01`
plan-toetsterm-code-twice = toetstermcode `{ $code }` komt meer dan één keer voor in dit plan
    .help = geef elke toetsterm een eigen code
plan-niveaus-none = toetsterm `{ $code }` heeft geen niveaus
    .help = geef minstens één van K, B, RV, PV, bijvoorbeeld `niveaus: [PV]`
plan-niveau-twice = toetsterm `{ $code }` noemt niveau { $niveau } twee keer
    .help = noem elk niveau één keer
plan-toetsterm-future = toetsterm `{ $code }` is gewijzigd op { $date }, en dat is in de toekomst (vandaag is { $today })
    .help = zet bij `gewijzigd` de datum van de wijziging, vandaag of eerder
plan-toetsterm-before-ingang = toetsterm `{ $code }` is gewijzigd op { $date }, voor de ingangsdatum { $ingang } van het plan
    .help = de laatste wijziging van een toetsterm is meestal op of na de ingangsdatum; controleer beide datums
plan-gewijzigd-future = het plan is gewijzigd op { $date }, en dat is in de toekomst (vandaag is { $today })
    .help = zet bij `gewijzigd` de datum van de wijziging, vandaag of eerder
plan-gewijzigd-before-ingang = het plan is gewijzigd op { $date }, voor zijn ingangsdatum { $ingang }
    .help = de laatste wijziging van het plan is meestal op of na de ingangsdatum; controleer beide datums
plan-correctie-future = een correctie met datum { $date }, en dat is in de toekomst (vandaag is { $today })
    .help = geef de correctie de datum waarop ze is gemaakt, vandaag of eerder
plan-totaal-mismatch = totaal_opdrachten is { $totaal }, maar de aantal_opdrachten van de toetstermen zijn samen { $sum }
    .help = pas totaal_opdrachten of de aantal_opdrachten van de toetstermen aan, zodat ze kloppen
plan-totaal-missing = toetstermen hebben aantal_opdrachten (samen { $sum }), maar het plan heeft geen totaal_opdrachten
    .help = zet `totaal_opdrachten: { $sum }` in het plan (de rij TOTAAL van de tabel)
plan-no-beoordeling = dit plan heeft geen `beoordeling`: het beoordelingsformulier wordt een formulier voor waarnemingen, met één kolom "Waarneming" en onvoldoende of voldoende per toetsterm
    .help = voor een theorietoets met vragen: zet `beoordeling:` met `soort: vragen` (en bijvoorbeeld `minimaal_goed: 28`); voor een proeve: zet `beoordeling:` met bijvoorbeeld `waarnemingen: 5` (boven `onderdelen`)
plan-minimaal-goed-without-vragen = minimaal_goed is de cesuur van een toets met vragen, maar dit plan wordt beoordeeld met waarnemingen
    .help = zet `soort: vragen` in `beoordeling` voor een theorietoets, of gebruik `minimaal_voldoende` voor een aantal toetstermen voldoende
plan-waarnemingen-range = waarnemingen is { $n }: dat moet tussen 1 en { $max } liggen
    .help = geef het aantal waarnemingen (de kolommen op het beoordelingsformulier), bijvoorbeeld `waarnemingen: 5`
plan-schaal-too-short = schaal heeft { $n ->
        [one] 1 waarde
       *[other] { $n } waarden
    }: een oordeel heeft er minstens twee nodig
    .help = noem de oordelen van laag naar hoog, bijvoorbeeld `schaal: [onvoldoende, voldoende]`
plan-minimaal-voldoende-range = minimaal_voldoende is { $min }, maar het plan heeft { $count } toetstermen
    .help = geef een getal van 1 tot en met { $count }
plan-verplicht-unknown = verplicht noemt toetsterm `{ $code }`, maar die staat niet in dit plan
    .help = noem alleen codes van toetstermen uit dit plan, bijvoorbeeld `V1.13`
plan-verplicht-twice = verplicht noemt toetsterm `{ $code }` twee keer
    .help = noem elke toetsterm één keer
plan-observation-field-with-vragen = `{ $field }` hoort bij een toets met waarnemingen, maar dit plan wordt beoordeeld met vragen (`soort: vragen`)
    .help = haal het veld weg, of schrijf `soort: waarnemingen` als de toets een proeve is
plan-vragen-without-opdrachten = toetsterm `{ $code }` heeft geen aantal_opdrachten, maar het plan wordt beoordeeld met vragen
    .help = geef het aantal vragen over deze toetsterm, bijvoorbeeld `aantal_opdrachten: 4`
plan-minimaal-goed-range = minimaal_goed is { $min }, maar de toets heeft { $total } vragen
    .help = geef een getal van 1 tot en met { $total }: zoveel vragen moeten goed zijn
plan-aantal-vragen-mismatch = aantal_vragen is { $n }, maar de aantal_opdrachten van de toetstermen zijn samen { $total } vragen
    .help = pas aantal_vragen of de aantal_opdrachten van de toetstermen aan, zodat ze kloppen
plan-text-null = `{ $field }` heeft geen waarde (`~` of `null` betekent niets)
    .help = schrijf de tekst, of haal het veld weg als het niet verplicht is
plan-text-empty = `{ $field }` is leeg
    .help = schrijf de tekst, of haal het veld weg als het niet verplicht is
plan-text-too-long = `{ $field }` is { $n } tekens lang, meer dan de { $max } die een tekst mag hebben
    .help = maak de tekst korter; een toetsterm of beschrijving van tien bladzijden is te lang voor een formulier
plan-text-control = `{ $field }` bevat het stuurteken { $character }, dat geen document kan afdrukken
    .help = haal het weg; haal in een tekst tussen aanhalingstekens de escape weg die het maakt (zoals \e, \x1b of \0)
plan-placeholder = deze tekst is nog het voorbeeld dat `toetsgen nieuw` schreef
    .help = schrijf hier de eigen tekst van het plan
plan-concept = dit plan is een concept: `toetsgen bouw` publiceert het niet
    .help = haal `concept: true` weg als het plan klaar is
plan-text-unprintable = `{ $field }` bevat { $characters }, en die kunnen de lettertypen van de PDF's niet tonen
    .help = schrijf de tekst met tekens die de documenten kunnen afdrukken (Latijnse, Arabische en gewone symbolen), of bouw zonder PDF's (--format md,html)
plan-text-unprintable-more = `{ $field }` bevat { $characters } en nog { $more } andere, en die kunnen de lettertypen van de PDF's niet tonen
plan-toetsterm-code-too-long = de toetstermcode is { $n } tekens lang, meer dan { $max }
    .help = gebruik de plancode, een punt en een nummer, bijvoorbeeld `V1.01`

## Het archief van plannen (archive/).
plan-archive-wrong-version = dit bestand in het archief bevat versie { $found_version } van plan { $found_code }, niet versie { $version } van plan { $code } zoals de naam zegt
    .help = `toetsgen bouw` schrijft het archief: zet het bestand terug uit het versiebeheer, of haal het weg en bouw opnieuw
plan-archive-older = dit plan is versie { $version }, ouder dan versie { $newest } die al is gepubliceerd (het archief van plannen bevat die)
    .help = een versie is de laatste datum bij `gewijzigd`: een gewijzigd plan heeft een datum na die van de gepubliceerde versie nodig, de dag van de wijziging
plan-archive-differs = { $place } verschilt van versie { $version } zoals die is gepubliceerd ({ $archived })
    .help =
        was: { $old }
        nu: { $new }
        { $fix }
plan-archive-fix-correction = een correctie mag alleen de woorden (teksten) veranderen: geef voor deze wijziging de gewijzigde toetstermen (of het plan) een nieuwe datum bij `gewijzigd`
plan-archive-fix-toetsterm = een wijziging van de inhoud vraagt een nieuwe versie: zet `gewijzigd` van toetsterm { $code } op de dag van de wijziging (bijvoorbeeld { $today }). Een typefout die de betekenis niet verandert, kan ook onder `correcties:` staan, met de datum en de reden
plan-archive-fix-plan = een wijziging van de inhoud vraagt een nieuwe versie: zet `gewijzigd` van het plan op de dag van de wijziging (bijvoorbeeld { $today }), of die van de gewijzigde toetstermen. Een typefout die de betekenis niet verandert, kan ook onder `correcties:` staan, met de datum en de reden

## De tabel van `toetsgen wijzigingen` (changes.rs).
plan-changes-plan = Plan
plan-changes-toetsterm = Toetsterm
plan-changes-gewijzigd = Gewijzigd
plan-changes-tekst = Tekst
plan-changes-new = (nieuw) { $tekst }
plan-changes-removed = (verwijderd) { $tekst }
