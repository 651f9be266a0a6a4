# Berichten van crates/document: de sjablonen van de gebruiker, typst en het examenpakket.

# Sjablonen: welke er zijn (catalog.rs).
document-builtin-origin = { $name } (ingebouwd)
document-template-too-large = sjabloon { $origin } is { $kib } KiB, groter dan een sjabloon mag zijn ({ $max } KiB): splits het in delen met {"{"}% include %{"}"}
document-template-too-deep = sjabloon { $origin } is { $depth } niveaus diep genest (tags of haakjes), meer dan { $max }: maak het platter, of zet delen in macro's of in aparte sjablonen (include)
document-templates-folder-unreadable = kan de map met sjablonen { $path } niet lezen
document-template-unknown-format = { $path }: onbekend soort sjabloon: noem het <document>.md.tera, <document>.html.tera of <document>.typ.tera
document-template-no-markdown = sjabloon { $name } hoort bij een document `{ $stem }` zonder Markdown-sjabloon: voeg { $stem }.md.tera toe (elk document heeft er een; de HTML en de PDF kunnen daarvan worden afgeleid)
document-template-bad-name = sjabloon { $name }: de naam van een document mag alleen kleine letters, cijfers en streepjes bevatten, hoogstens { $max } (de naam wordt een bestandsnaam)
document-template-reserved-name = sjabloon { $name }: `{ $stem }` is al in gebruik voor de site (de map van elk plan heeft een index.html en een map versies/): geef het sjabloon een andere naam, bijvoorbeeld { $stem }-document.md.tera

# Sjablonen: laden en invullen (engine.rs, bounds.rs, filters.rs, templates.rs).
document-no-get-env = De functie `get_env` bestaat niet in de sjablonen van toetsgen: een document toont wat in het plan staat, niet de instellingen van de computer die het maakt
document-tera-parse-failed = Kan '{ $name }' niet lezen
document-templates-of-format = de { $suffix }-sjablonen
document-template-does-not-compile = sjabloon { $origin } bevat een fout: { $message }
document-range-step-zero = sjabloon { $origin } roept { $call } aan: met een step_by van 0 stopt de lus nooit
document-range-too-long = sjabloon { $origin } roept { $call } aan, dat { $count } getallen maakt, meer dan een sjabloon mag doorlopen ({ $max }): doorloop de lijsten van het plan, of neem een kleiner bereik
document-set-grows = sjabloon { $origin } geeft `{ $key }` meer dan eens een waarde uit zichzelf (`{"{"}% set { $key } = … %{"}"}`): zo'n waarde kan elke keer verdubbelen en het geheugen vullen; bouw de waarde op uit de gegevens van het plan
document-range-not-number = De functie `range` kreeg { $name }={ $value }, maar `{ $said }` moet een getal zijn
document-range-no-end = De functie `range` werd aangeroepen zonder argument `end`
document-range-start-after-end = De functie `range` werd aangeroepen met een `start` die groter is dan `end`
document-range-never-ends = De functie `range` werd aangeroepen met step_by=0: dan stopt ze nooit
document-range-too-many = De functie `range` zou { $count } getallen maken, meer dan een sjabloon mag doorlopen ({ $max })
document-render-cannot-start = kan sjabloon { $origin } niet invullen
document-render-too-slow = sjabloon { $origin } was niet klaar binnen { $s } s: het herhaalt te lang (lussen in lussen over grote bereiken of lijsten?)
document-render-no-answer = sjabloon { $origin } is mislukt: het invullen stopte zonder antwoord
document-render-too-much = sjabloon { $origin } maakte meer dan { $mb } MB, meer dan een document mag zijn: het herhaalt te lang of te veel
document-render-failed = sjabloon { $origin } is mislukt
document-render-not-utf8 = sjabloon { $origin } maakte tekst die geen geldige UTF-8 is
document-filter-wants-text = filter `{ $name }` verwacht een tekst, maar kreeg { $value }
document-context-plan = kan het plan niet aan de sjablonen geven
document-context-session = kan de sessie niet aan de sjablonen geven
document-rendering = bij het maken van { $document } voor plan { $code }
document-unknown-format = onbekend formaat `{ $format }`: kies md, html of pdf

# Sjablonen die zichzelf opnemen, uitbreiden, importeren of aanroepen (recursion/).
document-macro-in = macro `{ $name }` in { $origin }
document-macro-recursion = macrorecursie: { $first } roept zichzelf aan{ $through }: herschrijf de macro zonder recursie
document-macro-through = { " " }(via { $names })
document-macro-then = { ", dan " }
document-macro-more = nog { $n }
document-template-recursion = sjabloonrecursie: { $first } { $path }: een sjabloon mag zichzelf niet { $verbs }, niet direct en niet via andere
document-recursion-more = { ", … nog " }{ $n } …
document-or = { " of " }
document-extends-itself = breidt zichzelf uit
document-includes-itself = neemt zichzelf op
document-imports-itself = importeert zichzelf
document-calls-itself = roept zichzelf aan
document-extends = breidt { $next } uit
document-includes = neemt { $next } op
document-imports = importeert { $next }
document-calls = roept { $next } aan
document-which-extends = , dat { $next } uitbreidt
document-which-includes = , dat { $next } opneemt
document-which-imports = , dat { $next } importeert
document-which-calls = , dat { $next } aanroept
document-may-not-include = opnemen
document-may-not-extend = uitbreiden
document-may-not-import = importeren

# Het examenpakket (packet/).
document-packet-no-template = het document { $name } heeft geen sjabloon
document-packet-candidate = bij het maken van de documenten van kandidaat { $nummer }
document-packet-rendering = bij het maken van { $document } voor het pakket
document-packet-no-typst = { $document } heeft geen Typst-bron

# The scan layer of a packet (packet/scan/).
document-scan-layout-unreadable = de plaatsen van de vakjes in het pakket zijn niet te lezen (typst gaf iets anders dan verwacht)
document-scan-layout-no-end = document { $deel } van het pakket heeft geen einde in de opmaak (een sjabloon zonder de pakketregels van _base.typ.tera?)

# typst (pdf/).
document-typst-install = installeer het met `cargo install typst-cli --locked` (ongeveer 7 minuten), of zet in de omgevingsvariabele TYPST waar het programma staat; bouw zonder pdf's met `--format md,html`
document-typst-not-a-version = typst gaf `{ $version }` als versie, en dat is geen versie
document-typst-too-old = typst { $version } is te oud: toetsgen heeft typst { $min } of nieuwer nodig; { $install }
document-typst-version-failed = `{ $program } --version` is mislukt ({ $status }): { $stderr }
    { $install }
document-typst-cannot-run = het programma typst is nodig voor pdf's, maar `{ $program }` kan niet worden gestart ({ $error }): { $install }
document-typst-version-unreadable = `{ $program } --version` gaf `{ $output }`, en dat is geen versie van typst
document-typst-no-scratch = kan geen tijdelijke map voor typst maken
document-typst-packages = let op: de bron gebruikt een Typst-pakket (`@…`); toetsgen laat typst geen pakketten en geen netwerk gebruiken, dus elk sjabloon moet alles zelf bevatten
document-typst-failed = typst is mislukt bij { $label } (uit sjabloon { $template }):
document-typst-keep-hint = doe het opnieuw met --keep-typst MAP om de Typst-bron en de meldingen van typst te bewaren en te bekijken
document-typst-kept = de Typst-bron en de meldingen van typst staan in { $path }, om te bekijken
document-typst-not-kept = de Typst-bron kon niet worden bewaard: { $error }
document-cannot-copy = kan { $path } niet kopiëren
document-cannot-create = kan { $path } niet maken
document-cannot-run = kan { $path } niet starten
document-cannot-wait = kan niet wachten op typst
document-typst-pdf-unread = kan de pdf die typst maakte niet lezen
