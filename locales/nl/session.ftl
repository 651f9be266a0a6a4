# Berichten van crates/session: een sessiebestand, de export met kandidaten, en de versie van het toetsplan.

# Sessiebestanden vinden en lezen (load.rs).
session-no-folder = de map met sessies { $path } bestaat niet: zet de sessiebestanden (.yaml) erin, of geef een andere map met --sessies
session-cannot-read = kan { $path } niet lezen: { $error }
session-none-found = geen sessiebestanden (*.yaml) gevonden in { $path }
session-read-help = controleer de bestandsnaam; `toetsgen pakket --all` maakt het pakket van elke sessie in sessies/
session-too-large = het bestand is { $size } KiB, groter dan een sessiebestand mag zijn ({ $max } KiB)
    .help = zet veel kandidaten in een export uit een spreadsheet (`kandidaten_bestand`), of splits de sessie
session-cannot-read-file = kan het bestand niet lezen: { $error }
    .help = een sessie is een gewoon tekstbestand (.yaml): haal weg wat daar staat, of geef het een andere naam
session-empty = het bestand is leeg
session-fields-help = een sessie heeft `plan`, `datum`, `locatie`, `beoordelaars` en `kandidaten` (of `kandidaten_bestand`) nodig; zie README, "4. Een examensessie en het printpakket"
session-too-deep = het bestand is hier te diep genest
    .help = een sessie heeft hoogstens drie niveaus (kandidaten → een kandidaat → de velden van de kandidaat)
session-yaml-syntax = de YAML is niet te lezen: { $info }
    .help = controleer het inspringen en de aanhalingstekens rond deze plek; een tekst met `: ` erin moet tussen aanhalingstekens
session-second-document = hier begint een tweede YAML-document
    .help = een bestand bevat één sessie: haal de extra regel `---` weg of splits het bestand
session-duplicate-field = het veld `{ $path }` staat er twee keer
    .help = een veld mag maar één keer voorkomen: haal er één weg

# Waarom een bestand niet gelezen is, zoals de veilige lezer het zegt.
session-outside = het ligt buiten { $folder }, de map waarin het moet staan
session-not-a-file = het is geen gewoon bestand (maar een map, een pipe of een apparaat)
session-larger-than = het is groter dan { $bytes } bytes

# Het toetsplan en de versie ervan (validate.rs, version.rs).
session-unknown-plan = er is geen toetsplan met de code `{ $code }`
    .help = de gevonden toetsplannen zijn: { $known }; controleer de code, of geef de map met toetsplannen met --plans
session-plan-invalid = plan { $code } ({ $file }) komt niet door `toetsgen controleer`
    .help = herstel eerst het toetsplan: `toetsgen controleer` toont de fouten
session-version-current = { $version } (de huidige)
session-list-and = { $list } en { $last }
session-no-version-in-force = plan { $code } had op de datum van de sessie ({ $date }) nog geen geldige versie: de oudste versie is van { $oldest }
    .help = controleer de datum. De versies van { $code } zijn { $known }. Hebben de kandidaten zich voorbereid met een eerdere versie, zet dan het toetsplan van die versie (uit het versiebeheer) in het archief: `archief/{ $code }/<datum>.yaml` in de map met toetsplannen. Om toch versie { $first } te gebruiken, noem die: `versie: { $first }`
session-no-such-version = plan { $code } heeft geen versie { $asked }
    .help = de versies van { $code } (het toetsplan en het archief, `archief/{ $code }/` in de map met toetsplannen) zijn { $known }; noem er één
    .help-in-force = de versies van { $code } (het toetsplan en het archief, `archief/{ $code }/` in de map met toetsplannen) zijn { $known }; noem er één, of laat `versie` weg om de versie te gebruiken die gold op de datum van de sessie ({ $in_force })
session-version-not-in-force = de sessie vraagt om versie { $asked } van plan { $code }, maar op de datum van de sessie ({ $date }) gold versie { $in_force }
session-version-none-in-force = de sessie vraagt om versie { $asked } van plan { $code }, maar op de datum van de sessie ({ $date }) gold nog geen enkele versie
session-version-asked-help = het pakket wordt gemaakt van versie { $asked }, zoals de sessie vraagt; controleer of de kandidaten zich met deze versie hebben voorbereid

# De velden van de sessie (validate.rs).
session-not-a-time = `{ $tijd }` is geen tijd
    .help = schrijf de begintijd als uren en minuten, bijvoorbeeld "09:30" (met de aanhalingstekens)
session-assessors-count = een sessie heeft één of twee beoordelaars, deze heeft er { $n }
    .help = noem één of twee beoordelaars, bijvoorbeeld `beoordelaars: [A. de Vries]`
session-field-empty = `{ $field }` is leeg
    .help = vul `{ $field }` in: het wordt in het pakket gedrukt
session-field-control = `{ $field }` bevat een regeleinde of een stuurteken
    .help = schrijf het op één regel
session-field-unprintable = `{ $field }` bevat { $char } (U+{ $code }), en dat teken kunnen de lettertypen van het pakket niet tonen
    .help = schrijf het met Latijnse letters (zoals op een identiteitsbewijs) of met een ander teken dat de documenten kunnen afdrukken
session-field-too-long = `{ $field }` is { $n } tekens lang, meer dan de toegestane { $max }
    .help = maak het korter

# De kandidaten (validate.rs).
session-both-sources = de sessie geeft zowel `kandidaten` als `kandidaten_bestand`
    .help = geef de kandidaten op één manier: in het bestand, of in een export uit een spreadsheet
session-no-candidates = de sessie heeft geen kandidaten
    .help = voeg `kandidaten:` toe met één item per kandidaat, of `kandidaten_bestand: kandidaten.csv`
    .help-empty = voeg minstens één kandidaat toe
session-number-twice = kandidaatnummer `{ $nummer }` staat er twee keer (eerst op regel { $first })
    .help = elke kandidaat heeft een eigen nummer: controleer beide rijen
session-csv-not-inside = `{ $name }` is geen bestandsnaam in de map van de sessie
    .help = geef de export op vanaf het sessiebestand, zonder `..` of een `/` vooraan, bijvoorbeeld `kandidaten.csv`
session-csv-cannot-read = kan het bestand met kandidaten { $path } niet lezen: { $error }
    .help-io = controleer de naam; het pad gaat uit van de map van het sessiebestand
    .help-large = controleer of dit de export van de kandidaten is, of splits de sessie
    .help-other = geef de export van de kandidaten uit een spreadsheet, een gewoon bestand in de map van de sessie (het pad gaat uit van de map van het sessiebestand)

# De export met kandidaten uit een spreadsheet (csv.rs).
session-csv-too-large = het bestand is { $size } KiB, groter dan een lijst met kandidaten mag zijn ({ $max } KiB)
    .help = controleer of dit de export van de kandidaten is, of splits de sessie
session-csv-bad-utf16 = het bestand begint met een byte-order mark van UTF-16, maar is geen geldige UTF-16
    .help = exporteer de lijst opnieuw als "CSV UTF-8"
session-csv-empty = het bestand bevat geen kandidaten
    .help = exporteer de lijst met een kopregel `naam;nummer;gemeente` en één kandidaat per rij
session-csv-unreadable = het bestand is niet als lijst te lezen: { $error }
session-csv-too-many = meer dan { $max } kandidaten: een sessie mag er hoogstens { $max } hebben
    .help = verdeel de kandidaten over meer sessies
session-csv-header-only = het bestand heeft een kopregel maar geen kandidaten
    .help = zet onder de kopregel één rij per kandidaat
session-csv-windows-1252 = het bestand is geen UTF-8 en is gelezen als Windows-1252 (de standaard van Excel in Nederland); controleer de namen met accenten in het pakket, of exporteer als "CSV UTF-8"
session-csv-control = het bestand bevat hier het stuurteken { $char }, en dat kan geen document afdrukken
    .help = haal het weg in de spreadsheet en exporteer de lijst opnieuw
session-csv-unknown-column = de kopregel noemt een onbekende kolom `{ $name }`
    .help = de kolommen zijn `naam`, `nummer` en eventueel `gemeente`; de eerste rij moet ze noemen, bijvoorbeeld `naam;nummer;gemeente`
session-csv-column-twice = de kopregel noemt de kolom `{ $name }` twee keer
    .help = noem elke kolom één keer
session-csv-column-missing = de kopregel heeft geen kolom `{ $name }`
    .help = de eerste rij moet de kolommen noemen, bijvoorbeeld `naam;nummer;gemeente` (gescheiden door `;`, `,` of tab)
session-csv-too-few-fields = deze rij heeft { $n } velden, te weinig: de kopregel heeft er { $header }
session-csv-too-many-fields = deze rij heeft { $n } velden, te veel: de kopregel heeft er { $header }
session-csv-fields-help = velden zijn gescheiden door { $separator } (zoals in de kopregel); zet een veld dat { $separator } bevat tussen dubbele aanhalingstekens, en geef elke kolom een waarde of laat hem leeg
