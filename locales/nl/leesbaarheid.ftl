# De leesbaarheid van teksten voor de kandidaat (crates/plan/src/validate/readability.rs).
# $veld is de naam van het veld in het plan, $niveau 2F of 3F, $zin de zin zelf.

leesbaarheid-lange-zin = deze zin in `{ $veld }` heeft { $woorden } woorden, meer dan de { $max } van taalniveau { $niveau }: “{ $zin }”
    .help = maak er twee of meer zinnen van, met één gedachte per zin; lezen de kandidaten op niveau 3F, zet dan `taalniveau: 3F` in het plan
leesbaarheid-lage-score = `{ $veld }` is moeilijker dan taalniveau { $niveau }: de leesbaarheidsscore (Flesch-Douma) is { $score }, en hoort minstens { $min } te zijn
    .help = schrijf kortere zinnen en kies kortere, gewone woorden; lezen de kandidaten op niveau 3F, zet dan `taalniveau: 3F` in het plan
leesbaarheid-lijdende-vorm = deze zin in `{ $veld }` staat in de lijdende vorm: “{ $zin }”
    .help = zeg wie het doet, bijvoorbeeld “je krijgt het formulier van de beoordelaar” in plaats van “het formulier wordt uitgereikt”
