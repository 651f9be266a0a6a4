# De toetsanalyse (src/cmd/analyse/): wat `toetsgen analyse` zegt, en de tekst van het rapport.

## De scores van een toets met vragen (scores.rs)

analyse-csv-too-large = het bestand is { $size } MB, groter dan de { $max } MB die toetsgen leest van een scorebestand
analyse-csv-bad-encoding = hier staat een teken dat niet te lezen is: het bestand is geen geldige UTF-8, UTF-16 of Windows-1252
analyse-csv-windows-1252 = let op: het scorebestand is gelezen als Windows-1252 (de standaard van Excel in Nederland), omdat het geen UTF-8 is
analyse-csv-empty = het scorebestand is leeg
    .help = zet op de eerste regel de kopjes: kandidaat, dan per vraag de code van de toetsterm (bijvoorbeeld kandidaat;B2.01;B2.01;B2.02), en daaronder één regel per kandidaat
analyse-csv-too-many-kandidaten = meer dan { $max } kandidaten: zoveel leest toetsgen niet in één keer
analyse-csv-fields = deze regel heeft { $n } { $n ->
        [one] veld
       *[other] velden
    }, de kopregel { $header }
    .help = elke regel heeft evenveel velden als de kopregel, gescheiden door { $separator }; staat er een scheidingsteken in een naam, zet de naam dan tussen aanhalingstekens
analyse-csv-no-kandidaat = de eerste kolom (kandidaat) is leeg
    .help = zet in de eerste kolom het kandidaatnummer of de naam van de kandidaat
analyse-csv-duplicate = kandidaat { $kandidaat } staat er twee keer in (ook op regel { $first })
    .help = elke kandidaat staat op één regel; haal de dubbele regel weg, of geef de twee kandidaten elk een eigen nummer
analyse-csv-header-only = het bestand heeft een kopregel, maar geen kandidaten
    .help = zet onder de kopregel één regel per kandidaat met de scores
analyse-csv-unreadable = het bestand is niet te lezen als CSV: { $error }
analyse-csv-first-column = de eerste kolom heet "{ $name }", maar moet "kandidaat" heten
    .help = de eerste kolom is het kandidaatnummer of de naam; de kolommen daarna zijn de vragen, elk met de code van de toetsterm als kopje
analyse-csv-too-many-questions = meer dan { $max } vragen: zoveel leest toetsgen niet in één keer
analyse-csv-unknown-toetsterm = het kopje "{ $name }" is geen toetsterm van plan { $plan }
    .help = elk kopje na "kandidaat" is de code van de toetsterm die de vraag toetst; de toetstermen van dit plan zijn { $codes }
analyse-csv-too-many-columns = toetsterm { $code } heeft meer kolommen dan het plan zegt: volgens het plan wordt { $code } getoetst met { $n } { $n ->
        [one] vraag
       *[other] vragen
    }
    .help = geef elke toetsterm zoveel kolommen als zijn aantal_opdrachten in het toetsplan; klopt het plan niet, pas dan eerst het plan aan
analyse-csv-too-few-columns = toetsterm { $code } heeft { $found } { $found ->
        [one] kolom
       *[other] kolommen
    }, maar volgens het plan wordt hij getoetst met { $n } { $n ->
        [one] vraag
       *[other] vragen
    }
    .help = geef elke toetsterm zoveel kolommen als zijn aantal_opdrachten in het toetsplan; klopt het plan niet, pas dan eerst het plan aan
analyse-csv-no-questions = er staan geen vragen in: alleen de kolom kandidaat
    .help = zet na de kolom kandidaat één kolom per vraag, met de code van de toetsterm als kopje
analyse-csv-empty-cell = de score in kolom { $kolom } (toetsterm { $code }) is leeg
analyse-csv-not-a-score = "{ $value }" in kolom { $kolom } (toetsterm { $code }) is geen score
    .help = een score is een getal van 0 of hoger, zoals 0, 1 of 2,5; een vraag die niet beantwoord is, krijgt 0
analyse-csv-control = hier staat een stuurteken ({ $char }), dat niet in een scorebestand hoort

## Opgeslagen formulieren (forms.rs, analyse.rs)

analyse-forms-three = kandidaat { $name } heeft { $n } formulieren van verschillende beoordelaars ({ $files }); de analyse vergelijkt twee beoordelaars per kandidaat: laat alleen de twee formulieren staan die horen bij de dubbele beoordeling
analyse-forms-refused = niets geanalyseerd: { $n ->
        [one] één formulier is
       *[other] { $n } formulieren zijn
    } geweigerd (zie hierboven); een analyse zonder alle formulieren zou een vertekend beeld geven
analyse-forms-plans = de formulieren zijn van meer dan één plan ({ $plans }); analyseer de formulieren van elk plan apart
analyse-forms-other-plan = --plan noemt { $asked }, maar de formulieren zijn van plan { $code }
analyse-forms-questions = plan { $code } is een toets met vragen: analyseer het scorebestand van de toets (CSV) met --plan { $code }, niet de opgeslagen formulieren

## De opdracht (analyse.rs)

analyse-input-kind = geef één scorebestand (.csv) van een toets met vragen, of opgeslagen beoordelingsformulieren (.json); niet beide door elkaar
analyse-plan-needed = zeg bij een scorebestand welk plan de toets is, met --plan CODE (bijvoorbeeld --plan B2)
analyse-plan-unknown = plan { $code } staat niet bij de goedgekeurde toetsplannen in { $plans }
analyse-plan-not-questions = plan { $code } is een proeve (beoordeling door waarneming), geen toets met vragen: analyseer de opgeslagen beoordelingsformulieren (.json) in plaats van een scorebestand
analyse-max-note = let op: er staan andere scores dan 0 en 1 in; het plan geeft geen punten per vraag, dus de hoogste score per vraag is de hoogste score die een kandidaat erop kreeg
analyse-q-summary = { $plan }: { $kandidaten } kandidaten, { $vragen } vragen, betrouwbaarheid (alpha) { $alpha }; { $flagged ->
        [0] geen vragen gemarkeerd
        [one] 1 vraag gemarkeerd om opnieuw te bekijken
       *[other] { $flagged } vragen gemarkeerd om opnieuw te bekijken
    }
analyse-o-summary = { $plan }: { $formulieren } formulieren, { $paren ->
        [0] geen kandidaten door twee beoordelaars beoordeeld
        [one] 1 kandidaat door twee beoordelaars beoordeeld, kappa { $kappa }
       *[other] { $paren } kandidaten door twee beoordelaars beoordeeld, kappa { $kappa }
    }
analyse-written = rapport: { $md } en { $html } (met persoonsgegevens: houd de map buiten versiebeheer)

## Het rapport (content.rs)

analyse-title = Toetsanalyse { $plan }: { $naam }
analyse-report-made = Gemaakt door toetsgen op { $date }. Dit rapport bevat gegevens over kandidaten: deel het alleen met de examencommissie.
analyse-q-intro = Toets met vragen van plan { $plan } (versie { $versie }): { $kandidaten } kandidaten, { $vragen } vragen.
analyse-o-intro = Proeve van plan { $plan } (versie { $versies }): { $formulieren } beoordelingsformulieren van { $kandidaten } kandidaten, van wie { $paren } door twee beoordelaars.

analyse-h-test = De toets als geheel
analyse-caption-test = Kerngetallen van de toets
analyse-col-figure = Getal
analyse-col-value = Waarde
analyse-col-meaning = Toelichting
analyse-fig-kandidaten = Aantal kandidaten
analyse-fig-vragen = Aantal vragen
analyse-fig-max = Hoogst mogelijke score
analyse-max-goed = elke vraag telt 1 punt (alle scores zijn 0 of 1)
analyse-max-hoogste = het plan geeft geen punten per vraag: per vraag telt de hoogste score die een kandidaat erop kreeg
analyse-fig-mean = Gemiddelde score
analyse-fig-sd = Standaardafwijking
analyse-means-sd = hoe ver de scores gemiddeld van het gemiddelde liggen
analyse-fig-alpha = Betrouwbaarheid (Cronbach's alpha)
analyse-means-alpha = van 0 tot 1; vanaf 0,80 goed voor een examen, onder 0,70 zorgelijk
analyse-fig-sem = Meetfout (SEM)
analyse-means-sem = zoveel punten kan de score van een kandidaat door toeval afwijken; kijk vooral naar kandidaten die zo dicht bij de cesuur zitten
analyse-fig-cesuur = Cesuur van het toetsplan
analyse-passing = { $n } geslaagd ({ $percent })
analyse-cesuur-text = het toetsplan geeft de cesuur alleen als tekst: { $text }
analyse-cesuur-none = het toetsplan geeft geen cesuur
analyse-fig-proposal = Voorstel cesuur (Cohen-Schotanus)
analyse-means-proposal = alleen een voorstel, niet toegepast: 60 % van de score { $reference } van de kandidaat op het 95e percentiel (raadkans niet meegeteld); hierbij { $passing }

analyse-h-flagged = Vragen om opnieuw te bekijken
analyse-none-flagged = Geen enkele vraag valt op: alle p-waarden liggen tussen de grenzen en alle Rir-waarden zijn hoog genoeg.
analyse-flagged-intro = { $n ->
        [one] Eén vraag valt op.
       *[other] { $n } vragen vallen op.
    } Een markering is een reden om de vraag opnieuw te lezen (is de sleutel juist, is de vraag duidelijk?), geen oordeel: bij weinig kandidaten wisselen de getallen sterk door toeval.
analyse-caption-flagged = Gemarkeerde vragen
analyse-h-questions = Alle vragen
analyse-caption-questions = Getallen per vraag
analyse-col-vraag = Vraag
analyse-col-toetsterm = Toetsterm
analyse-col-kolom = Kolom
analyse-col-p = p-waarde
analyse-col-rit = Rit
analyse-col-rir = Rir
analyse-col-alpha-zonder = Alpha zonder deze vraag
analyse-col-signaal = Opvallend
analyse-flag-hard = moeilijk (p onder { $p })
analyse-flag-easy = makkelijk (p boven { $p })
analyse-flag-low-rir = onderscheidt weinig (Rir onder { $rir })
analyse-flag-negative-rir = negatieve Rir: goede kandidaten doen het op deze vraag slechter (verkeerde sleutel?)
analyse-flag-no-rir = geen Rir: iedereen had dezelfde score op deze vraag

analyse-h-groups = Per toetsterm, onderdeel en niveau
analyse-groups-intro = De gemiddelde p-waarde van de vragen bij elke toetsterm, elk onderdeel en elk niveau. Een toetsterm met meer niveaus telt mee bij elk van zijn niveaus.
analyse-caption-toetstermen = Per toetsterm
analyse-caption-onderdelen = Per onderdeel
analyse-caption-niveaus = Per niveau (K kennis, B begrip, RV reproductieve vaardigheden, PV productieve vaardigheden)
analyse-col-vragen = Vragen
analyse-col-p-mean = Gemiddelde p-waarde
analyse-col-onderdeel = Onderdeel
analyse-col-niveau = Niveau

analyse-h-distribution = Verdeling van de totaalscores
analyse-chart-distribution = Histogram van de totaalscores
analyse-chart-distribution-desc = Per totaalscore het aantal kandidaten; de gegevens staan in de tabel onder de grafiek.
analyse-caption-distribution = Aantal kandidaten per totaalscore
analyse-col-score = Totaalscore
analyse-col-kandidaten = Kandidaten

analyse-h-p-rir = p-waarde en Rir per vraag
analyse-p-rir-intro = Elke stip is een vraag. De stippellijnen zijn de grenzen: p-waarde { $low } en { $high }, Rir { $rir } en 0. Vragen links, rechts of onder de lijnen vallen op.
analyse-chart-p-rir = p-waarde tegen Rir per vraag
analyse-chart-p-rir-desc = Spreidingsdiagram met de p-waarde van elke vraag horizontaal en de Rir verticaal; de gegevens staan in de tabel onder de grafiek.
analyse-caption-p-rir = p-waarde en Rir per vraag

analyse-h-explain = Wat de getallen betekenen
analyse-explain-p = p-waarde: het deel van de kandidaten dat de vraag goed had (bij punten: de gemiddelde score gedeeld door de hoogste score). Onder 0,30 is een vraag moeilijk, boven 0,90 zo makkelijk dat hij weinig zegt.
analyse-explain-rit = Rit en Rir: hangt een goed antwoord op deze vraag samen met een goede score op de toets? Rit vergelijkt met de totaalscore, Rir met de score op de andere vragen (eerlijker, want de vraag telt dan niet zelf mee). Een Rir onder 0,20 is laag; een negatieve Rir wijst vaak op een verkeerde sleutel of een onduidelijke vraag.
analyse-explain-alpha = Betrouwbaarheid (Cronbach's alpha, voor 0/1-scores gelijk aan KR-20): meten de vragen samen hetzelfde? Vanaf 0,80 is goed voor een examen; onder 0,70 is de uitslag van een kandidaat rond de cesuur onzeker. "Alpha zonder deze vraag" hoger dan de alpha van de toets: de toets wordt betrouwbaarder zonder die vraag.
analyse-explain-sem = Meetfout (SEM, standaardafwijking × √(1 − alpha)): zoveel punten kan een score door toeval afwijken. Een kandidaat binnen één meetfout van de cesuur had net zo goed aan de andere kant kunnen uitkomen.
analyse-explain-proposal = Voorstel cesuur (Cohen-Schotanus): de score van de beste kandidaten (het 95e percentiel) zegt hoe moeilijk de toets was; de cesuur ligt op 60 % daarvan. Het is een voorstel voor de examencommissie; toetsgen past het nooit toe.
analyse-explain-undefined = Een streepje (–) betekent: niet te berekenen, bijvoorbeeld een samenhang bij een vraag die iedereen goed had.

analyse-h-agreement = Overeenstemming tussen de beoordelaars
analyse-no-pairs = Geen enkele kandidaat is door twee beoordelaars beoordeeld, dus er is geen overeenstemming te berekenen.
analyse-caption-agreement = Overeenstemming over alle dubbel beoordeelde toetstermen
analyse-fig-agreement = Overeenstemming
analyse-means-agreement = het deel van de oordelen waarin beide beoordelaars hetzelfde zeiden
analyse-fig-kappa = Cohen's kappa
analyse-means-kappa = overeenstemming gecorrigeerd voor toeval: 1 is volledig eens, 0 niet beter dan toeval; onder 0,60 zorgelijk
analyse-fig-krippendorff = Krippendorffs alpha
analyse-means-krippendorff = hetzelfde idee als kappa, over alle oordelen samen; vanaf 0,80 goed, onder 0,67 onvoldoende
analyse-h-toetstermen = Per toetsterm
analyse-caption-o-toetstermen = Oordelen en overeenstemming per toetsterm
analyse-col-oordelen = Oordelen
analyse-col-voldoende = Voldoende
analyse-col-aangevinkt = Waarnemingen aangevinkt
analyse-col-paren = Dubbel beoordeeld
analyse-col-agreement = Overeenstemming
analyse-col-kappa = Kappa
analyse-h-assessors = Beoordelaars
analyse-assessors-intro = Per beoordelaar: hoe vaak die voldoende gaf, naast hoe vaak de andere beoordelaar voldoende gaf bij dezelfde kandidaten en toetstermen. Een beoordelaar die duidelijk minder vaak voldoende geeft, is strenger.
analyse-caption-assessors = Strengheid per beoordelaar
analyse-col-nummer = Nummer
analyse-col-naam = Naam
analyse-col-formulieren = Formulieren
analyse-col-own-rate = Voldoende gegeven
analyse-col-other-rate = Voldoende van de ander
analyse-h-disagreements = Verschillen tussen de beoordelaars
analyse-no-disagreements = De beoordelaars waren het bij elke dubbel beoordeelde toetsterm eens.
analyse-caption-disagreements = Toetstermen waarover de beoordelaars het oneens waren
analyse-col-kandidaat = Kandidaat
analyse-col-first = Eerste oordeel
analyse-col-second = Tweede oordeel
analyse-judged-by = { $oordeel } (beoordelaar { $n })
analyse-explain-agreement = Overeenstemming: het deel van de dubbel beoordeelde toetstermen waarop beide beoordelaars hetzelfde oordeel gaven.
analyse-explain-kappa = Cohen's kappa corrigeert de overeenstemming voor toeval: als bijna iedereen voldoende krijgt, zijn twee beoordelaars het vaak eens zonder goed te kijken. Vanaf 0,80 is de overeenstemming goed, van 0,60 tot 0,80 redelijk, daaronder zorgelijk: bespreek dan de verschillen en de uitleg van de toetstermen met de beoordelaars.
analyse-explain-matching = Kandidaten worden tussen formulieren herkend aan hun naam, beoordelaars aan de naam op het formulier. Zonder --namen staan kandidaten in dit rapport met een nummer: de volgorde van hun eerste formulier.
analyse-written-pdf = rapport: { $md }, { $html } en { $pdf } (met persoonsgegevens: houd de map buiten versiebeheer)
analyse-pdf-source = het rapport van toetsgen analyse
analyse-pdf-none = typst maakte geen PDF van het rapport
analyse-pdf-no-typst = de PDF van het rapport is niet gemaakt ({ $why }); het rapport in Markdown en HTML is er wel
