# Berichten van crates/output: de uitvoermap, haar bestanden en het bouwverslag.

# De uitvoermap (dir.rs, batch.rs).
output-lock-is-link = het slotbestand { $path } is een symbolische link: toetsgen volgt geen links naar zijn eigen bestanden; verwijder de link
output-cannot-open-lock = kan het slotbestand { $path } niet openen
output-waiting = Een andere `toetsgen bouw` schrijft in { $path }; wachten tot die klaar is…
output-cannot-lock = kan { $path } niet op slot zetten
output-cannot-protect = kan { $path } niet beveiligen tegen schrijven
output-cannot-remove = kan { $path } niet verwijderen
output-is-link = { $path } is een symbolische link: toetsgen leest, schrijft en verwijdert nooit via een link in de uitvoermap (die kan naar buiten de map leiden); verwijder de link
output-cannot-flush = kan { $path } niet naar de schijf schrijven
output-flush-thread-failed = een thread die bestanden naar de schijf schreef, is mislukt

# Paden in de uitvoermap (path.rs).
output-path-length = een pad moet 1 tot { $max } bytes hebben
output-path-absolute = een absoluut pad leidt naar buiten de uitvoermap
output-path-empty-name = een pad mag geen lege naam bevatten (`//` of een `/` aan het eind)
output-path-leads-outside = `{ $name }` leidt naar buiten de uitvoermap
output-path-hidden = `{ $name }` is een verborgen naam, geen document
output-path-name-length = een naam mag hoogstens { $max } bytes hebben
output-path-windows = `{ $name }` bevat `\` of `:` (een pad of station van Windows)
output-path-control = `{ $name }` bevat een stuurteken
output-path-not-plan-code = `{ $code }` is geen plancode
output-path-not-document-name = `{ $name }` is geen naam van een document
output-path-not-document = geen pad van een document (<CODE>/<document>.<formaat>)
output-path-no-extension = `{ $file }` heeft geen extensie voor het formaat
output-path-not-format = `.{ $ext }` is geen formaat
output-path-not-site-page = geen pagina van de site (index.html, { $wijzigingen }, { $zoekindex }, <CODE>/index.html of { $schema })

# De zoekindex (overview.rs).
output-search-not-kept = er zijn geen zoekgegevens bewaard
output-search-unreadable = de zoekindex kon niet worden teruggelezen: { $error }
output-search-scratch = kan het tijdelijke bestand van de zoekindex niet schrijven: { $error }
output-search-gone = de zoekgegevens zijn verdwenen

# Persoonsgegevens (personal.rs).
output-personal-published = { $path } ligt in { $folder }, een gepubliceerde uitvoermap (er staat een bouwverslag van toetsgen in): { $what ->
    [packets] pakketten
    [analyses] toetsanalyses
   *[results] de uitslagen
} zijn persoonsgegevens en komen nooit op de site; schrijf ze ergens anders

# Schrijven (write/).
output-plan-not-recorded = plan { $code } staat niet in het bouwverslag
output-not-ours = { $path } is niet door toetsgen geschreven (het bouwverslag { $record } noemt het niet), dus het blijft staan: zet het ergens anders, of overschrijf het met `toetsgen bouw --force`

# Het bouwverslag (record/).
output-record-unreadable = het bouwverslag { $path } kan niet worden gelezen; is het een symbolische link, verwijder die dan: toetsgen volgt geen links naar zijn eigen bestanden
output-record-damaged = het bouwverslag { $path } is beschadigd ({ $error }); het wordt genegeerd: er wordt dus geen bestand verwijderd op grond van het verslag, en bestanden die al in de map staan worden alleen vervangen als ze precies bevatten wat deze bouw schrijft
output-record-cannot-save = kan het bouwverslag niet opslaan
output-record-bad-version = de versie is geen versie zoals 0.15.1
output-record-bad-program = het pad of de tijd is ongeldig
output-record-plan = plan `{ $code }`: { $why }
output-record-site-page = pagina van de site `{ $page }`: { $why }
output-record-typst = typst_programma: { $why }
output-record-not-plan-code = geen plancode
output-record-not-version-date = geen datum van een versie (JJJJ-MM-DD)
output-record-other-plan = het is geen bestand van dit plan
output-record-not-earlier = het is een bestand van versie { $version }, niet van een eerdere
output-record-not-own = het is geen bestand van dit plan (of van deze versie)
output-record-bad-hash = de hash is geen SHA-256
output-record-entry = plan { $code }, regel `{ $entry }`: { $why }
