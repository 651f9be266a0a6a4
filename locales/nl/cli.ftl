# De opdrachtregel (src/cli.rs): wat `--help` zegt, en wat een verkeerde opdrachtregel te horen krijgt.
# Ids: cli-<opdracht>-about, cli-<opdracht>-<optie> (de optie van één opdracht), cli-arg-<optie>
# (een optie die overal hetzelfde betekent), cli-value-<naam> (de naam van een waarde).

cli-about = Maakt de documenten van een examen (toetsplan, beoordelingsformulier, instructie voor de beoordelaar, opdracht voor de kandidaat) als Markdown, HTML en PDF uit toetsplannen in YAML.
cli-heading-usage = Gebruik:
cli-heading-commands = Opdrachten
cli-heading-options = Opties
cli-heading-arguments = Argumenten
cli-usage-options = [OPTIES]
cli-value-command = OPDRACHT
cli-default = [standaard: { $value }]
cli-possible = [mogelijk: { $values }]
cli-lang-unknown = toetsgen spreekt nl (Nederlands) en en (English)

cli-bouw-about = Maakt alle documenten van alle plannen in de uitvoermap.
cli-controleer-about = Controleert de plannen en sjablonen zonder iets te schrijven.
cli-wijzigingen-about = Toont per plan de toetstermen die op of na een datum zijn gewijzigd.
cli-importeer-about = Zet een toetsplan uit een tekstexport (.txt) of Word-document (.docx) om in YAML.
cli-bekijk-about = Maakt de site, toont de uitvoermap op deze computer, en maakt en herlaadt opnieuw bij elke wijziging.
cli-schema-about = Toont het JSON-schema van een toetsplan (voor editors zoals VS Code).
cli-nieuw-about = Schrijft een nieuw toetsplan om mee te beginnen: toetsplannen/<CODE>-<naam>.yaml.
cli-uitslagen-about = Zet opgeslagen beoordelingsformulieren (JSON) samen in een uitslagenlijst (CSV en Markdown).
cli-pakket-about = Maakt het printpakket van een examensessie: één PDF in pakketten/.
cli-analyse-about = Maakt de toetsanalyse van een toets met vragen (de scores als CSV) of van opgeslagen beoordelingsformulieren (JSON): een rapport in analyse/, of de getallen als JSON.

cli-arg-help = Toont deze hulp
cli-arg-version = Toont de versie
cli-arg-taal = De taal van berichten en hulp: nl (Nederlands, de standaard) of en (English). Zonder deze optie kiezen de taalinstellingen (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
cli-arg-plans = Map met de toetsplannen (*.yaml, ook in submappen).
cli-arg-templates = Map met sjablonen die de ingebouwde met dezelfde naam vervangen; een sjabloon met een nieuwe naam voegt een document toe. Standaard: `templates` als die map bestaat.
cli-bouw-force = Maakt en schrijft elk bestand opnieuw, ook als het al bij is.

cli-bouw-output = Map waarin de documenten komen, één submap per plancode.
cli-bouw-format = Formaten om te schrijven, gescheiden door komma's. Voor Markdown en HTML is typst niet nodig.
cli-bouw-jobs = Aantal typst-processen tegelijk. Standaard: het aantal processorkernen.
cli-bouw-no_batch = Start typst één keer per PDF in plaats van voor veel PDF's tegelijk (de PDF's zijn gelijk).
cli-bouw-since = Maakt alleen de plannen met een toetsterm die op of na deze datum (JJJJ-MM-DD) is gewijzigd.
cli-bouw-keep_typst = Schrijft ook de Typst-bron van elke PDF in MAP, als <CODE>/<document>.typ (om te zien wat een sjabloon maakt, of om typst los te meten).

cli-importeer-file = De tekstexport (met tabs, UTF-8) of het Word-document (.docx) van een toetsplan.
cli-importeer-output = Het YAML-bestand om te schrijven. Standaard: <CODE>-<naam>.yaml in de map met plannen.
cli-importeer-plans = Map met de toetsplannen (*.yaml, ook in submappen): een import met een plancode die daar al bestaat, wordt geweigerd, behalve met --force.
cli-importeer-force = Vervangt het plan in de map met plannen dat de code van het geïmporteerde plan heeft (het bestand wordt overschreven, zodat er één plan met die code blijft), of overschrijft het YAML-bestand als het al bestaat.

cli-wijzigingen-since = Toont de toetstermen die op of na deze datum (JJJJ-MM-DD) zijn gewijzigd.
cli-wijzigingen-format = Hoe de lijst wordt getoond: een tabel voor mensen, of JSON voor programma's.

cli-bekijk-output = Map waarin de documenten komen en van waaruit ze worden getoond.
cli-bekijk-port = Poort om op te luisteren.
cli-bekijk-bind = Adres om op te luisteren. Standaard: 127.0.0.1, alleen deze computer. Met een ander adres kunnen andere computers in het netwerk de documenten lezen.
cli-bekijk-open = Opent de site in de webbrowser zodra hij klaar is.
cli-bekijk-pdf = Maakt ook de PDF's (daarvoor is typst nodig; elke nieuwe versie duurt dan langer). Zonder deze optie linkt een plan dat is gewijzigd naar geen PDF, tot de PDF's opnieuw zijn gemaakt.

cli-nieuw-code = De code van het plan: letters en cijfers, bijvoorbeeld V2.
cli-nieuw-naam = De naam van de module, bijvoorbeeld "Publiekszaken". Het bestand krijgt die naam.
cli-nieuw-plans = Map waarin het plan komt.

cli-uitslagen-files = De opgeslagen formulieren: JSON-bestanden die de knop "Opslaan" van het formulier schrijft.
cli-uitslagen-output = Waar de lijst komt: NAAM.csv en NAAM.md. De lijst bevat persoonsgegevens: ze komt nooit in de gepubliceerde uitvoermap en staat standaard in de map uitslagen/ (houd die map buiten versiebeheer).

cli-pakket-file = Het sessiebestand, bijvoorbeeld sessies/2026-12-03-den-haag.yaml.
cli-pakket-all = Maakt het pakket van elk sessiebestand in de map met sessies.
cli-pakket-sessies = De map met sessies die --all leest.
cli-pakket-output = Waar het pakket komt. Standaard: pakketten/<naam van het sessiebestand>.pdf.
cli-pakket-force = Vervangt een bestand op de plaats van het pakket, ook als toetsgen het niet heeft gemaakt.
cli-pakket-keep_typst = Bewaart de Typst-bron en de meldingen van typst van een pakket dat typst niet kan maken in MAP (met de namen van de kandidaten: gebruik een eigen map, geen gedeelde).

cli-analyse-files = Het scorebestand van een toets met vragen (één CSV: een kolom kandidaat, dan per vraag de code van de toetsterm), of de opgeslagen beoordelingsformulieren van een proeve (JSON-bestanden).
cli-analyse-plan = Het plan van de toets met vragen (de code, bijvoorbeeld B2); opgeslagen formulieren noemen hun plan zelf.
cli-analyse-plans = Map met de toetsplannen (*.yaml, ook in submappen).
cli-analyse-output = Map voor het rapport (<plan>-<datum>.md en .html). Het rapport bevat persoonsgegevens: het komt nooit in de gepubliceerde uitvoermap (houd de map buiten versiebeheer).
cli-analyse-json = Toont de getallen als JSON, in plaats van een rapport te schrijven.
cli-analyse-namen = Toont de namen van kandidaten in het rapport en de JSON (anders alleen nummers).

cli-value-dir = MAP
cli-value-file = BESTAND
cli-value-file-json = BESTAND.json
cli-value-date = DATUM
cli-value-list = LIJST
cli-value-n = N
cli-value-name = NAAM
cli-value-format = VORM
cli-value-port = POORT
cli-value-address = ADRES
cli-value-taal = TAAL
cli-value-code = CODE
cli-value-naam = NAAM

# Een verkeerde opdrachtregel.
cli-error = fout:
cli-error-tip = tip:
cli-error-did-you-mean = bedoelt u '{ $value }'?
cli-error-more = Meer uitleg: '--help'.
cli-error-value-missing = '{ $arg }' heeft een waarde nodig, maar er is geen gegeven
cli-error-value-invalid = '{ $value }' is geen geldige waarde voor '{ $arg }'
cli-error-value-rejected = '{ $value }' is geen geldige waarde voor '{ $arg }': { $reason }
cli-error-unknown-argument = onbekende optie '{ $arg }'
cli-error-unknown-command = onbekende opdracht '{ $command }'
cli-error-missing = deze verplichte argumenten ontbreken: { $args }
cli-error-missing-command = geef een opdracht: { $commands }
cli-error-twice = '{ $arg }' mag maar één keer gegeven worden
cli-error-conflict = '{ $arg }' kan niet samen met '{ $other }'
cli-error-conflict-any = '{ $arg }' kan niet samen met een van de andere gegeven opties
cli-error-too-many = onverwachte waarde '{ $value }' voor '{ $arg }': er werden er niet meer verwacht
cli-error-number = verkeerd aantal waarden voor '{ $arg }'
cli-error-no-equals = geef de waarde van '{ $arg }' met een isgelijkteken (=)
cli-error-utf8 = de opdrachtregel is geen geldige UTF-8
cli-error-unknown = de opdrachtregel kan niet worden gelezen

# Wat de opdrachten zeggen (src/cmd/).
cmd-note = let op:
cmd-warning = waarschuwing:
cmd-seconds = { $s } s
cmd-no-templates-folder = de map met sjablonen { $path } bestaat niet: maak hem, of laat --templates weg om de ingebouwde sjablonen te gebruiken
cmd-record-ignored = genegeerd in het bouwverslag: { $entry }
cmd-plans-not-built = { $n ->
    [one] 1 plan
   *[other] { $n } plannen
} niet gemaakt vanwege de fouten hierboven
cmd-plans-with-errors = { $n ->
    [one] 1 plan
   *[other] { $n } plannen
} met fouten (zie hierboven)
cmd-archived = Versie { $version } van { $code } gearchiveerd in { $file }
cmd-archived-correction = De correctie van versie { $version } van { $code } gearchiveerd in { $file }
cmd-build-left-alone = ; { $n ->
    [one] 1 plan
   *[other] { $n } plannen
} zonder wijzigingen sinds { $since } overgeslagen
cmd-build-nothing = Niets te doen: alle { $files ->
    [one] 1 bestand
   *[other] { $files } bestanden
} van { $plans ->
    [one] 1 plan
   *[other] { $plans } plannen
} in { $output } zijn bij{ $skipped } ({ $time })
cmd-build-written = { $n ->
    [one] 1 bestand
   *[other] { $n } bestanden
} geschreven
cmd-build-up-to-date = { $n } al bij
cmd-build-removed = { $n } verwijderd
cmd-build-kept = { $n ->
    [one] 1 eerdere versie
   *[other] { $n } eerdere versies
} bewaard
cmd-build-done = { $plans ->
    [one] 1 plan
   *[other] { $plans } plannen
} gemaakt: { $documents ->
    [one] 1 document
   *[other] { $documents } documenten
} ({ $formats }); { $parts } in { $output }{ $skipped } ({ $time })
cmd-checked = { $plans ->
    [one] 1 plan
   *[other] { $plans } plannen
} gecontroleerd: { $valid } in orde, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}
cmd-checked-errors = { $plans ->
    [one] 1 plan
   *[other] { $plans } plannen
} gecontroleerd: { $valid } in orde, { $failed } met fouten; { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}
cmd-and = { " en " }

# Voortgang (src/cmd/report.rs): de naam bij de balk, de regel als het werk begint en als het klaar is.
cmd-progress-pdfs = pdf's
cmd-progress-candidates = kandidaten
cmd-progress-packet = pdf van het pakket
cmd-progress-scans = gescande pagina's
cmd-making-scans = { $n ->
    [one] 1 gescande pagina lezen…
   *[other] { $n } gescande pagina's lezen…
}
cmd-made-scans = { $n ->
    [one] 1 gescande pagina
   *[other] { $n } gescande pagina's
} gelezen in { $s } s
cmd-making-pdfs = { $n ->
    [0] Pdf's maken…
    [one] 1 pdf maken…
   *[other] { $n } pdf's maken…
}
cmd-making-candidates = { $n ->
    [0] Documenten van de kandidaten maken…
    [one] Documenten van 1 kandidaat maken…
   *[other] Documenten van { $n } kandidaten maken…
}
cmd-making-packet = { $n ->
    [0] Pdf's van het pakket maken…
    [one] Pdf van het pakket maken…
   *[other] { $n } pdf's van pakketten maken…
}
cmd-made-pdfs = { $n ->
    [one] 1 pdf
   *[other] { $n } pdf's
} gemaakt in { $s } s
cmd-made-candidates = Documenten van { $n ->
    [one] 1 kandidaat
   *[other] { $n } kandidaten
} gemaakt in { $s } s
cmd-made-packet = { $n ->
    [one] Pdf van het pakket
   *[other] { $n } pdf's van pakketten
} gemaakt in { $s } s

# toetsgen wijzigingen.
cmd-changes-no-json = kan de lijst niet als JSON schrijven
cmd-changes-none = Geen toetstermen gewijzigd op of na { $since }.

# toetsgen importeer.
cmd-import-more = … en nog { $n ->
    [one] 1 probleem
   *[other] { $n } problemen
}, niet getoond (alleen de eerste { $shown } staan hierboven)
cmd-import-nothing = Niets geschreven: { $n ->
    [one] 1 probleem
   *[other] { $n } problemen
} op te lossen in { $source }
cmd-import-would-fail = Niets geschreven: het geïmporteerde plan zou niet door `toetsgen controleer` komen (de regels hierboven zijn die van de YAML die geschreven zou worden)
cmd-import-exists = { $path } bestaat al: geef een ander bestand met -o, of overschrijf het met --force
cmd-imported = { $source } geïmporteerd in { $path }: plan { $code }, { $onderdelen ->
    [one] 1 onderdeel
   *[other] { $onderdelen } onderdelen
}, { $terms ->
    [one] 1 toetsterm
   *[other] { $terms } toetstermen
}
cmd-imported-replacing = { $source } geïmporteerd in { $path }, in plaats van het plan { $code } dat er stond: { $onderdelen ->
    [one] 1 onderdeel
   *[other] { $onderdelen } onderdelen
}, { $terms ->
    [one] 1 toetsterm
   *[other] { $terms } toetstermen
}; { $version }
cmd-import-date-unchanged = het geïmporteerde plan { $code } verschilt van het plan dat het vervangt, maar de laatste wijzigingsdatum is gelijk gebleven ({ $now }): de volgende `toetsgen bouw` maakt er geen nieuwe versie van. Is de tekst van een toetsterm veranderd, zet dan de datum `gewijzigd` van die toetsterm in { $path } op de dag van de wijziging
cmd-import-date-earlier = de laatste wijzigingsdatum van het geïmporteerde plan ({ $now }) ligt vóór die van het plan dat het vervangt ({ $was }): controleer of { $source } de nieuwste tekst van plan { $code } is
cmd-import-version-same = de laatste wijzigingsdatum is nog steeds { $now }, dus de volgende `toetsgen bouw` maakt er geen nieuwe versie van
cmd-import-version-new = de laatste wijzigingsdatum is nu { $now } (was { $was }), dus de volgende `toetsgen bouw` maakt het een nieuwe versie van { $code }
cmd-import-code-used-twice = plancode { $code } wordt al gebruikt door { $first } en { $rest }, dus er is niets geschreven: houd één plan met code { $code } over (`toetsgen controleer` toont ze), en importeer dan opnieuw
cmd-import-code-used = plancode { $code } wordt al gebruikt door { $path }, dus er is niets geschreven: om dat plan door de import te vervangen, doe het opnieuw met --force (de volgende `toetsgen bouw` maakt het dan een nieuwe versie van { $code } als de datums veranderd zijn); om beide te houden, geef een van beide een andere code
cmd-import-force-other = met --force vervangt de import { $path }, het plan met code { $code }, maar -o noemt { $output }: dan zouden twee bestanden code { $code } hebben, dus er is niets geschreven. Laat -o weg om { $path } te vervangen

# toetsgen nieuw.
cmd-new-bad-code = `{ $code }` is geen plancode: gebruik 1 tot { $max } hoofdletters en cijfers, bijvoorbeeld V2 (de code wordt een mapnaam)
cmd-new-exists = { $path } bestaat al: toetsgen nieuw schrijft nooit over een plan heen. Kies een andere code of naam, of zet dat bestand eerst ergens anders
cmd-new-code-used = plancode { $code } wordt al gebruikt door { $path }: kies een andere code
cmd-new-nothing = Niets geschreven: verbeter de gegeven code of naam
cmd-new-wrote = { $path } geschreven: plan { $code } met één onderdeel en één toetsterm om mee te beginnen. Vul het in en voer `toetsgen controleer` uit; `toetsgen bouw` schrijft output/{ $schema }, waarmee de editor het plan al tijdens het typen controleert.

# toetsgen pakket.
cmd-packet-refused = geen pakket gemaakt voor { $file }: { $n ->
    [one] 1 fout
   *[other] { $n } fouten
} (zie hierboven)
cmd-packet-wrote = { $path } geschreven: { $n ->
    [one] 1 kandidaat
   *[other] { $n } kandidaten
} voor { $code } (versie { $version }) op { $date }
cmd-packet-unchanged = { $path } ongewijzigd: { $n ->
    [one] 1 kandidaat
   *[other] { $n } kandidaten
} voor { $code } (versie { $version }) op { $date }

# toetsgen bekijk.
cmd-serve-open-to-network = bekijken via { $addr }: elke computer die deze via het netwerk kan bereiken, kan de documenten lezen. Laat --bind weg om alleen op deze computer te bekijken.
cmd-serving = { $output } te bekijken op { $url } (stop met Ctrl-C); wijzigingen in { $folders } worden gevolgd
cmd-serve-no-pdfs = Tijdens het bekijken worden geen pdf's gemaakt (voeg --pdf toe om ze te maken): de pagina van een plan linkt alleen naar pdf's die bij het plan horen zoals het nu is, dus een plan dat veranderd is sinds de pdf's zijn gemaakt, toont er geen tot `toetsgen bouw` ze opnieuw maakt
cmd-serve-no-browser = kan de webbrowser niet starten ({ $error }): open { $url } zelf
cmd-serve-changed = Gewijzigd: { $files }; bouwen…
cmd-serve-and-more = { $names } en nog { $n }
cmd-serve-stopped = Bekijken van { $url } gestopt

# Signalen (src/cmd/signals.rs).
cmd-no-signal-handler = kan de afhandeling van SIGINT en SIGTERM niet instellen

# toetsgen uitslagen.
cmd-uitslagen-nothing = Niets geschreven: elk formulier is geweigerd (zie hierboven); { $csv } en { $md } zijn gebleven zoals ze waren
cmd-uitslagen-written = { $n ->
    [one] 1 uitslag
   *[other] { $n } uitslagen
}{ $pairs } in { $csv } en { $md }{ $refused }
cmd-uitslagen-pairs = { " " }(waarvan { $n } door twee beoordelaars)
cmd-uitslagen-refused = ; { $n ->
    [one] 1 bestand
   *[other] { $n } bestanden
} geweigerd (zie hierboven)
cmd-uitslagen-versions = { $plan }: formulieren van { $n } versies, elk beoordeeld met de eigen versie ({ $each }); de kolom `versie` zegt welke
cmd-uitslagen-version-forms = { $version }: { $n ->
    [one] 1 formulier
   *[other] { $n } formulieren
}

# toetsgen scan.
cli-scan-about = Leest ingevulde formulieren van een printpakket terug uit scans: opgeslagen formulieren (JSON) in uitslagen/scans/.
cli-scan-files = De scans: pdf-bestanden van gescande pagina's, of PNG-, JPEG- of TIFF-afbeeldingen, pagina's in elke volgorde.
cli-scan-pakketten = De map met de pakketten en hun opmaak (*.scan.json) waar de scans van komen.
cli-scan-site = De gepubliceerde uitvoermap: blanco formulieren die van de site zijn geprint, worden gelezen met de opmaak die naast hun PDF staat (<CODE>/beoordelingsformulier.scan.json, en onder versies/).
cli-scan-sessies = De map met de sessiebestanden: de namen van de kandidaten en beoordelaars van een pakket komen uit het sessiebestand daar, als het er is.
cli-scan-output = Waar de gelezen formulieren komen, één JSON-bestand per kandidaat en beoordelaar. Ze bevatten persoonsgegevens: nooit in de gepubliceerde uitvoermap.
cmd-scan-done = { $pages ->
    [one] 1 pagina gelezen
   *[other] { $pages } pagina's gelezen
}: { $forms ->
    [one] 1 formulier
   *[other] { $forms } formulieren
} geschreven in { $dir }; { $doubtful ->
    [0] geen twijfelachtige vakjes
    [one] 1 twijfelachtig veld (leeg gelaten, onder `twijfel`)
   *[other] { $doubtful } twijfelachtige velden (leeg gelaten, onder `twijfel`)
}{ $blank ->
    [0] {""}
    [one] ; 1 lege pagina overgeslagen
   *[other] ; { $blank } lege pagina's overgeslagen
}
cmd-scan-no-layouts = geen opmaak (*.scan.json) in { $dir } of { $site }: `toetsgen pakket` schrijft die naast elk pakket (<sessie>.scan.json) en `toetsgen bouw` naast elke gepubliceerde PDF van het beoordelingsformulier; geef met --pakketten en --site de mappen waar ze staan
cmd-scan-who-blank = blanco formulier ({ $at })
cmd-scan-blank-out-of-order = { $at }: pagina { $pagina } van { $paginas } van een blanco beoordelingsformulier (van de site geprint, zonder kandidaat) staat niet op zijn plaats: een blanco formulier wordt alleen samengesteld uit zijn pagina's 1 tot en met { $paginas }, direct na elkaar gescand; scan de pagina's op volgorde en draai `toetsgen scan` nog een keer
cmd-scan-bad-layout = { $path } is geen opmaak van een pakket die toetsgen schreef
cmd-scan-at = { $path }, pagina { $page }
cmd-scan-twice = { $at }: deze pagina is twee keer gescand (ook { $first }); beide lezingen zijn gelijk
cmd-scan-twice-differ = { $at }: deze pagina is twee keer gescand (ook { $first }) en de lezingen verschillen: die velden zijn twijfelachtig
cmd-scan-missing = pagina { $pagina } van { $paginas } van het { $document } van kandidaat { $kandidaat } ontbreekt in de scans (opmaak { $layout })
cmd-scan-json = het gelezen formulier kan niet als JSON worden geschreven
cmd-scan-who-assessor = { $who }, beoordelaar { $n }
cmd-scan-bad-decisions = { $path } is geen bestand met beslissingen dat de controlepagina van toetsgen opsloeg
cmd-scan-inzage = { $count ->
    [one] 1 inzage-pdf
   *[other] { $count } inzage-pdf's
} (de gescande pagina's per kandidaat, met wat er gelezen is) in { $dir }
cmd-scan-inzage-no-typst = de inzage-pdf's zijn niet gemaakt ({ $why }); de gelezen formulieren wel
cmd-scan-inzage-source = de inzage-pdf van een kandidaat
cmd-scan-review = Beslis de twijfelgevallen op { $page } en draai `toetsgen scan` daarna nog een keer.
