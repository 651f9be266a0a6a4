# Berichten van crates/serve: de voorvertoning, haar webserver en de pagina's die ze toont.

# Starten (http.rs, watch.rs).
serve-port-in-use = poort { $port } op { $ip } is al in gebruik (door een andere `toetsgen bekijk`, of door een ander programma): stop dat programma, of kies een andere poort, bijvoorbeeld `toetsgen bekijk --port { $next }`
serve-cannot-listen = kan niet luisteren op { $addr }: { $error }
serve-no-address = kan het adres van de server niet lezen
serve-cannot-start = kan de webserver op { $addr } niet starten
serve-no-thread = kan de thread van de webserver niet starten
serve-cannot-watch = kan de mappen niet volgen op wijzigingen
serve-cannot-watch-folder = kan { $path } niet volgen op wijzigingen
serve-watch-ended = het volgen van de mappen is onverwacht gestopt; start `toetsgen bekijk` opnieuw

# Wat de server antwoordt op een verzoek dat hij weigert (http/client.rs, http/head.rs): platte tekst.
serve-path-too-long = het pad van het verzoek is te lang voor toetsgen bekijk
serve-headers-too-large = de headers van het verzoek zijn te groot voor toetsgen bekijk
serve-too-slow = het verzoek kwam te langzaam binnen
serve-only-get = alleen GET en HEAD worden beantwoord
serve-wrong-host = geweigerd: de Host van het verzoek is niet deze server; open http://{ $addr }/ (toetsgen bekijk beantwoordt alleen verzoeken voor zijn eigen adres, zodat geen andere website de documenten via de browser kan lezen)
serve-refused-path = geweigerd: { $why }; toetsgen bekijk geeft alleen bestanden in de uitvoermap
serve-refused-link = geweigerd: { $path } is een symbolische link: toetsgen leest, schrijft en verwijdert nooit via een link in de uitvoermap (die kan naar buiten de map leiden); verwijder de link
serve-refused-special = geweigerd: { $path } is geen gewoon bestand
serve-cannot-read-now = { $path } kan nu niet worden gelezen: { $error }
serve-too-many-pages = er staan te veel pagina's open; sluit er een paar
serve-no-host = een verzoek met HTTP/1.1 moet een Host noemen
serve-bad-request-line = de verzoekregel is niet `METHODE /pad HTTP/1.1`
serve-request-line-not-text = de verzoekregel is geen tekst
serve-bad-version = alleen HTTP/1.0 en HTTP/1.1 worden beantwoord
serve-bad-header-line = een headerregel is niet `Naam: waarde`
serve-folded-header = gevouwen headerregels worden niet aanvaard
serve-header-no-colon = een headerregel heeft geen `:`
serve-bad-header-name = de naam van een header is geen gewoon woord
serve-header-control = de waarde van een header bevat een stuurteken
serve-two-hosts = een verzoek mag maar één Host noemen
serve-path-no-slash = het pad van een verzoek moet met / beginnen
serve-bad-percent = na een `%` in het pad staan geen twee hexadecimale cijfers
serve-path-not-utf8 = het pad is geen geldige UTF-8

# De pagina's (page.rs): het paneel met de problemen van de laatste bouw, en de pagina voor een bestand dat er niet is.
serve-problems-title = toetsgen: de laatste bouw vond problemen
serve-problems-text = Los ze op en sla op: deze pagina laadt dan vanzelf opnieuw. Tot dan toont ze de documenten van de laatste bouw die wel lukte.
serve-not-found-title = Niet gevonden
# HTML: $path is het pad dat ontbreekt, al ge-escapet.
serve-not-found-text = De uitvoermap heeft geen <code>{ $path }</code>.
serve-all-plans = Alle plannen
serve-warnings-title = toetsgen: waarschuwingen bij de laatste bouw
serve-warnings-text = De documenten zijn gemaakt. Lees de waarschuwingen: ze houden het publiceren niet tegen, maar wijzen op iets wat u beter kunt maken (bijvoorbeeld een tekst voor de kandidaat die te moeilijk is). Deze pagina laadt vanzelf opnieuw als u opslaat.
