# Berichten van crates/import: een toetsplan gelezen uit een Word-document of de tekstexport ervan.
# (De kopjes van het Word-document van het bureau die het importeren herkent, staan in de code.)

# Plaatsen in de bron.
import-place-line = regel { $n }
import-place-paragraph = alinea { $n }
import-place-table-row = tabel { $table }, rij { $row }
import-place-table = tabel { $table }
import-place-body = de hoofdtekst van het document

-import-resave = open het in Word en sla het opnieuw op
-import-not-word = het bestand is niet door Word gemaakt; { -import-resave }
-import-damaged = het document is beschadigd; { -import-resave }
-import-split = controleer of dit één toetsplan is, of splits het in één document per toetsplan

# Het bestand lezen (lib.rs, text.rs, docx/).
import-cannot-read-docx = kan het Word-document { $path } niet lezen
import-cannot-read-text = kan de tekstexport { $path } niet lezen
import-cannot-open = kan { $path } niet openen
import-not-utf8 = { $path }: regel { $line } is geen UTF-8: sla de export op als Unicode-tekst (Word: Opslaan als → Tekst zonder opmaak → UTF-8)
import-text-too-large = kan de tekstexport { $path } niet lezen: die is groter dan { $max } MiB, de grens voor een tekstexport (de export van een toetsplan is ongeveer 10 KB): controleer of het de export van één toetsplan is, of splits hem in één bestand per toetsplan
import-too-many-cells = met { $place } komt het aantal gelezen cellen en alinea's boven { $max }, de grens (een toetsplan heeft er een paar honderd): { -import-split }
import-too-many-columns = { $place } heeft { $cells } cellen (gescheiden door tabs), meer dan de { $max } die een rij mag hebben (de tabel van een toetsplan heeft er 8): controleer of het bestand de tekstexport van een toetsplan is

# Het archief en de XML van het Word-document (docx/archive.rs, docx/xml.rs, markup.rs).
import-docx-too-large = het bestand is { $size } MiB, meer dan de toegestane { $max } MiB (het document van een toetsplan is ongeveer 0,1 MiB; afbeeldingen en ingesloten lettertypen maken het groot): sla een kopie op zonder afbeeldingen, of splits het in één document per toetsplan
import-xml-not-utf8 = { $part } is geen UTF-8-tekst: { -import-damaged }
import-not-zip = het bestand is geen Word-document (geen zip-archief): sla het in Word op als "Word-document (.docx)"; haal bij een document met een wachtwoord eerst het wachtwoord weg
import-too-many-parts = het bestand bevat { $n } delen, meer dan de toegestane { $max } (Word schrijft er ongeveer 15): het is geen Word-document zoals Word het opslaat; { -import-resave }
import-cannot-unpack = kan { $part } niet uitpakken ({ $error }): het document is beschadigd of niet door Word opgeslagen; { -import-resave }
import-no-document-xml = het bestand is geen Word-document (het heeft geen { $part }): sla het in Word op als "Word-document (.docx)"
import-xml-too-large = { $part } is uitgepakt groter dan { $max } MiB, de grens (bij een toetsplan is het ongeveer 0,2 MiB): sla het document opnieuw op in Word, of splits het in één document per toetsplan
import-xml-over-limit = { $part } is groter dan { $max } MiB, de grens
import-xml-too-many-nodes = { $part } heeft meer dan { $max } XML-knopen, de grens (bij een toetsplan zijn het er ongeveer 5.000): { -import-split }
import-xml-dtd = { $part } heeft een documenttypedeclaratie (<!DOCTYPE>), en die schrijft Word nooit: open het document in Word en sla het opnieuw op
import-xml-malformed = { $part } is geen geldige XML ({ $error }): { -import-damaged }
import-namespace-too-long = { $part }: { $line }: een naam van een naamruimte is langer dan { $max } bytes (die van Word zijn korter dan 80): { -import-not-word }
import-too-many-attributes = { $part }: { $line }: een element heeft { $n } attributen, meer dan de toegestane { $max } (Word schrijft er hoogstens ongeveer 15): { -import-not-word }
import-too-many-attributes-total = { $part }: { $line }: meer dan { $max } attributen in totaal, de grens (het document van een toetsplan heeft er ongeveer 10.000): { -import-split }
import-too-many-namespaces = { $part }: { $line }: meer dan { $max } declaraties van naamruimten (xmlns) in totaal, de grens (Word schrijft er ongeveer 40): { -import-not-word }

# De hoofdtekst en de tabellen van het Word-document (docx/body.rs, docx/table.rs).
import-no-body = { $part } heeft geen w:body onder de wortel: { -import-damaged }
import-nested-controls = { $place }: inhoudsbesturingselementen (w:sdt) zijn meer dan { $max } diep genest, de grens (Word-documenten nesten er een paar): haal de inhoudsbesturingselementen weg (Ontwikkelaars → Ontwerpmodus, of sla een kopie op als Word-document zonder deze elementen)
import-too-many-grid-columns = tabel { $table } heeft meer dan { $max } kolommen (w:gridCol), de grens (de tabel van een toetsplan heeft er 8): controleer of dit een toetsplan is
import-table-may-have = een tabel mag er hoogstens { $max } hebben
import-table-has = de tabel heeft er { $grid } (w:tblGrid)
import-cells-span = { $place }: de cellen beslaan meer dan { $width } kolommen, maar { $has }: het document is beschadigd of niet door Word gemaakt; { -import-resave }
import-cell-span = { $place }: een cel beslaat { $span } kolommen (w:gridSpan), maar { $has }: het document is beschadigd of niet door Word gemaakt; { -import-resave }
import-nested-table = { $place }: een cel bevat een eigen tabel; de tabellen van een toetsplan zijn niet genest: haal de tekst van die tabel uit de cel

# Het toetsplan lezen uit de rijen (plan/).
import-no-table = geen tabel met toetstermen gevonden: die begint met een kopregel met als eerste cel "Naam onderdeel en toetsnummer"
import-control-characters = { $which } bevat { $n ->
    [one] het stuurteken { $chars }; dat kan niet in een toetsplan staan (Word toont het niet)
   *[other] de stuurtekens { $chars }; die kunnen niet in een toetsplan staan (Word toont ze niet)
}: typ de tekst van die cel opnieuw en sla het document dan opnieuw op of exporteer het opnieuw
import-which-text = de tekst
import-which-cell = cel { $cell }
import-text-after-metadata = kan de tekst { $text } na de gegevenstabel nergens plaatsen: alleen de titel en de inleiding staan ervoor
import-metadata-cells = een rij van de gegevenstabel heeft { $n } cellen; verwacht: een label en een waarde
import-label-twice = het label "{ $label }" staat twee keer in de gegevenstabel
import-unknown-label = onbekend label { $label } in de gegevenstabel: verwacht een van { $labels }
import-no-name = het toetsplan heeft geen "Naam van de toets" en geen titelregel "Toetsplan <code>: <naam>"
import-bad-code-and-name = kan de code en de naam niet lezen uit { $text }: schrijf het als "V1: Dienstverlening"
import-no-ingangsdatum = de gegevenstabel heeft geen Ingangsdatum
import-bad-ingangsdatum = kan de ingangsdatum { $text } niet lezen: schrijf hem bijvoorbeeld als 1 september 2021
import-ingangsdatum-too-early = de ingangsdatum { $text } ligt vóór 1970-01-01, de vroegste datum die toetsgen in een PDF kan zetten: controleer het jaar
import-totaal-mismatch = het TOTAAL is { $totaal }, maar de opdrachten van de toetstermen zijn samen { $sum }
import-level-column-missing = de rij met de niveaus heeft geen kolom { $level }
import-no-level-row = na de kopregel komt niet de rij met de niveaus K, B, RV en PV
import-text-between-tables = kan de tekst { $text } tussen of na de tabellen nergens plaatsen: haal hem weg, of zet hem in de tabel
import-row-after-totaal = kan een rij na de rij TOTAAL nergens plaatsen: haal hem weg, of zet hem in de tabel
import-row-unplaced = kan de rij die begint met { $text } nergens plaatsen: het is geen code van een toetsterm (zoals V1.01), geen onderdeel (alleen een naam) en geen TOTAAL
import-row-without-code = een rij zonder code van een toetsterm bevat { $text }: zet de code in de eerste kolom, of haal de rij weg
import-totaal-not-number = het TOTAAL { $text } is geen geheel getal
import-term-no-text = toetsterm { $name } heeft een code maar geen tekst
import-term-before-onderdeel = toetsterm { $name } staat vóór de eerste rij met een onderdeel
import-bad-date = kan de datum { $text } van toetsterm { $name } niet lezen: schrijf hem als dag-maand-jaar, bijvoorbeeld 1-9-2021
import-date-too-early = de datum { $text } van toetsterm { $name } ligt vóór 1970-01-01, de vroegste datum die toetsgen in een PDF kan zetten: controleer het jaar
import-bad-aantal = het aantal opdrachten { $text } van toetsterm { $name } is geen geheel getal
import-bad-mark = de markering { $text } onder { $level } van toetsterm { $name } is niet duidelijk: markeer een niveau met X
import-no-level = toetsterm { $name } heeft geen X onder K, B, RV of PV

# Opmerkingen over wat is afgeleid in plaats van gelezen.
import-note-empty-onderdeel = onderdeel { $naam } heeft geen toetstermen
import-note-continuation = { $place }: { $text } is gelezen als het vervolg van "{ $label }" (een regeleinde in de cel)
import-note-beoordeling = beoordeling: { $n } waarnemingen "{ $waarneming }", gelezen uit de toetsvorm { $toetsvorm }; controleer dit in de YAML
