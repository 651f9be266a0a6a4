# Berichten van crates/uitslagen: waarom een opgeslagen beoordelingsformulier niet in de uitslagenlijst komt.
# (De uitslagenlijst zelf is een Nederlands document: die teksten staan in de code.)

# Een opgeslagen formulier lezen (form.rs).
uitslagen-cannot-read = kan het niet lezen: { $error }
uitslagen-too-large = het is groter dan { $max } KiB, te groot voor een opgeslagen beoordelingsformulier
uitslagen-not-utf8 = het is geen UTF-8-tekst
uitslagen-not-a-form = geen opgeslagen beoordelingsformulier: { $error } (sla het formulier opnieuw op met Opslaan)
uitslagen-other-format = geen opgeslagen beoordelingsformulier van deze toetsgen (formaat { $formaat }, versie { $versie })

# Het toetsplan en de versie die het formulier noemt (version.rs).
uitslagen-plan-unknown = het is een formulier van plan { $code }, en dat zit niet bij de gelezen toetsplannen (controleer --plans)
uitslagen-version-not-a-date = het noemt versie { $versie } van plan { $code }, en dat is geen datum (JJJJ-MM-DD): het formulier schrijft de versiedatum van het toetsplan op; sla het opnieuw op vanuit het formulier
uitslagen-version-current = { $version } (de huidige)
uitslagen-list-and = { $list } en { $last }
uitslagen-version-unknown = het is opgeslagen met versie { $version } van plan { $code }; dat is niet de huidige versie van het toetsplan en die versie staat ook niet in het archief; de versies van { $code } zijn { $known }. Is die versie gepubliceerd voordat het archief werd bijgehouden, zet dan het toetsplan van die versie (uit het versiebeheer) in { $file } en verzamel opnieuw; open anders het bestand in het huidige formulier, controleer elke waarde aan de hand van de huidige toetstermen en sla het opnieuw op
uitslagen-archived-invalid = versie { $version } van plan { $code } in het archief komt niet door de controle ({ $place }: { $message }): zet het bestand terug uit het versiebeheer

# Wat er op het formulier ontbreekt (result.rs).
uitslagen-unjudged = geen oordeel voor { $codes }: het formulier is niet volledig; vul ze in op het formulier en sla het opnieuw op
uitslagen-candidate-undecided = van dit formulier, gelezen van een blanco formulier, is de kandidaat nog niet bekend: het formulier is niet volledig; vul het kandidaatnummer in op scan-controle.html en draai `toetsgen scan` nog een keer
uitslagen-no-result = geen uitslag gekozen (geslaagd of niet geslaagd): het formulier is niet volledig; kies de uitslag op het formulier en sla het opnieuw op
uitslagen-not-a-number = { $code } (geen getal van 0 tot en met { $max })
uitslagen-empty = { $code } (leeg)
uitslagen-no-valid-number = geen geldig aantal goed voor { $codes }: vul ze in op het formulier en sla het opnieuw op

# Formulieren die elkaar tegenspreken (lib.rs).
uitslagen-double = { $file }: er is nog een formulier van dezelfde kandidaat ({ $name }) door dezelfde beoordelaar voor plan { $plan }: { $others }; bewaar het formulier dat telt, zet het andere ergens anders neer en verzamel dan opnieuw
uitslagen-candidate-numbered = { $name }, nummer { $nummer }
uitslagen-ambiguous = { $file }: het formulier heeft geen kandidaatnummer, en { $name } is de naam van de kandidaten met de nummers { $numbers }: vul het nummer van de kandidaat in op het formulier en sla het opnieuw op
uitslagen-three = { $name } heeft { $n } formulieren van verschillende beoordelaars voor plan { $plan } ({ $files }); een kandidaat wordt door één of twee beoordelaars beoordeeld: bewaar de formulieren die tellen, zet de andere ergens anders neer en verzamel dan opnieuw

# De versie van het opgeslagen bestand (form.rs).
uitslagen-v1-fields = het zegt formaatversie 1, die geen kandidaatnummer en geen beoordelaar heeft, maar het heeft ze wel: sla het formulier opnieuw op met Opslaan
uitslagen-no-number-field = formaatversie 2 heeft het veld kandidaatnummer (leeg als het niet is ingevuld), en dit formulier mist het: sla het formulier opnieuw op met Opslaan
uitslagen-beoordelaar = formaatversie 2 zegt welke beoordelaar het formulier invulde, beoordelaar 1 of 2, en dit formulier zegt { $value }: kies Beoordelaar 1 of 2 op het formulier en sla het opnieuw op

# Een opgeslagen uitslag die zichzelf tegenspreekt (form.rs).
uitslagen-contradicts-itself = de opgeslagen uitslag zegt { $geslaagd } naast de reden "{ $reden }": het formulier spreekt zichzelf tegen; open het in het formulier, controleer de oordelen en de uitslag en sla het opnieuw op
uitslagen-contradicts-values = de opgeslagen uitslag zegt { $saved }, maar de oordelen geven { $worked }: het formulier spreekt zichzelf tegen; open het in het formulier, controleer de oordelen en de uitslag en sla het opnieuw op
