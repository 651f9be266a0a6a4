# The readability of texts for the candidate (crates/plan/src/validate/readability.rs).
# $veld is the plan field's name, $niveau 2F or 3F, $zin the sentence itself.

leesbaarheid-lange-zin = this sentence in `{ $veld }` has { $woorden } words, more than the { $max } of taalniveau { $niveau }: “{ $zin }”
    .help = make two or more sentences of it, one thought each; if the candidates read at level 3F, put `taalniveau: 3F` in the plan
leesbaarheid-lage-score = `{ $veld }` is harder than taalniveau { $niveau }: its readability score (Flesch-Douma) is { $score }, and should be at least { $min }
    .help = write shorter sentences and choose shorter, common words; if the candidates read at level 3F, put `taalniveau: 3F` in the plan
leesbaarheid-lijdende-vorm = this sentence in `{ $veld }` is in the passive voice: “{ $zin }”
    .help = say who does it, for instance “je krijgt het formulier van de beoordelaar” instead of “het formulier wordt uitgereikt”
