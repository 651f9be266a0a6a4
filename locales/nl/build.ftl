# Berichten van crates/build: de bouw van plannen naar de uitvoermap, en het pakket van een sessie.

build-output-overlaps = de uitvoermap { $output } { $relation ->
    [is] is
    [inside] ligt in
   *[holds] bevat
} de map met { $what ->
    [plans] toetsplannen
   *[templates] sjablonen
} { $folder }: de bouw schrijft en verwijdert bestanden in zijn uitvoermap, dus geef hem een eigen map met --output (bijvoorbeeld `--output output`)
build-cannot-read-to-archive = kan { $path } niet lezen om het te archiveren: { $error }
build-not-archived = versie { $version } van { $code } is niet gearchiveerd
build-kept-not-rebuildable = { $code }: versie { $version } staat in de uitvoermap alleen als documenten; het planarchief kan deze versie niet opnieuw maken. Zet het planbestand van die versie (uit het versiebeheer) in { $file } om dat wel te kunnen
build-index-not-written = de startpagina van de site is niet geschreven
build-schema-not-written = het JSON-schema van de toetsplannen is niet geschreven
build-not-made = er is geen { $format } gemaakt voor { $file }
build-typst-wrote-no-pdf = typst heeft geen pdf geschreven in { $path } ({ $error })
build-cannot-name-file = kan het bestand van { $document } geen naam geven: { $why }
build-concept = { $file } is een concept (concept: true): het wordt gecontroleerd maar niet gepubliceerd; haal die regel weg als het plan klaar is
build-changed-while-building = { $file } is veranderd tijdens de bouw en is daarom niet gemaakt: bouw opnieuw
build-stopped = de bouw is gestopt
build-plan-not-written = plan { $code } is niet geschreven
build-archived-version = versie { $version } van { $code } uit het planarchief
build-version-of = versie { $version } van { $code }

# Het examenpakket van een sessie (packet.rs).
build-packet-plan-gone = het plan van de sessie is verdwenen
build-packet-making = bij het maken van het pakket van { $file }
build-packet-archive-fails = versie { $version } van plan { $code }, die de sessie gebruikt, komt in het planarchief niet door de controle ({ $file })
    .help = zet het gearchiveerde bestand terug uit het versiebeheer: `toetsgen bouw` schreef het uit een plan dat door de controle kwam
build-packet-foreign = { $path } bestaat al en is geen examenpakket van toetsgen, dus het blijft staan: geef een andere naam met -o, of vervang het met --force
build-packet-none = typst heeft geen pakket gemaakt
