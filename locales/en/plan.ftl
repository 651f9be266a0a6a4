# Messages of plan (en): reading a toetsplan (crates/plan/src/load.rs, limits.rs, values.rs), its
# rules (validate/), the plan archive (archive/), and where in a plan a problem is (place.rs).

## The words of a rendered problem (diagnostic.rs).
plan-label-error = error
plan-label-warning = warning
plan-label-place = place
plan-label-help = help

## Where in a plan (place.rs, archive/compare.rs). Numbers count from 1.
plan-place-field = field `{ $field }`
plan-place-item = field `{ $field }`, value { $n }
plan-place-within = { $outer }, { $inner }
plan-place-onderdeel = onderdeel { $n } ({ $naam })
plan-place-onderdeel-unnamed = onderdeel { $n }
plan-place-onderdelen = the onderdelen
plan-place-toetsterm = toetsterm { $code } (onderdeel { $onderdeel }, { $naam })
plan-place-toetsterm-in-unnamed = toetsterm { $code } (onderdeel { $onderdeel })
plan-place-toetsterm-uncoded = toetsterm { $n } of onderdeel { $onderdeel } ({ $naam })
plan-place-toetsterm-uncoded-in-unnamed = toetsterm { $n } of onderdeel { $onderdeel }
plan-place-toetsterm-onderdeel = toetsterm { $code }, its onderdeel
plan-place-toetsterm-was = toetsterm { $code } (was onderdeel { $onderdeel }, { $naam })
plan-place-beoordeling = beoordeling
plan-place-correctie = correctie { $n }
plan-place-plan-field = field `{ $field }` of the plan
plan-value-none = (none)
plan-value-removed = (removed)
plan-value-no-toetsterm = (there was no toetsterm with this code)

## The plans folder (load.rs).
plan-plans-is-file = { $path } is a file, not a folder: name the folder that holds the toetsplannen with --plans (for example `--plans { $parent }`)
plan-plans-missing = the plans folder { $path } does not exist: create it and put the toetsplannen (.yaml) in it, or name another folder with --plans
plan-plans-unreadable = cannot read the plans folder { $path }: { $detail }
plan-plans-unreadable-at = IO error for operation on { $path }: { $detail }
plan-plans-none = no toetsplannen (*.yaml) found in { $path }: put the plans there, or name their folder with --plans

## Reading a plan file (load.rs, limits.rs).
plan-file-unreadable = cannot read the file: { $detail }
plan-file-not-plain = it is not a plain file (a folder, a pipe or a device)
    .help = a toetsplan is a plain text file (.yaml): remove or rename what is there
plan-file-outside = it lies outside { $folder }, the folder it must be in
plan-file-not-utf8 = the file is not valid UTF-8
    .help = save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)
plan-file-empty = the file is empty
    .help = a toetsplan needs at least `code`, `naam`, `ingangsdatum` and `onderdelen`; see README, "Wat er in een plan staat", or start from `toetsgen nieuw`
plan-file-too-large = the file is { $kib } KiB, more than a toetsplan may be ({ $max } KiB)
    .help = a toetsplan is a few to a few hundred KiB; check that this is the plan you meant, or split it into plans per module
plan-control-character = the file holds the control character { $character } here, which no document can print
    .help = remove it (it is invisible in most editors: delete the character at this place and type it again if needed)
plan-char-nul = NUL
plan-char-escape = escape
plan-char-bell = bell
plan-char-backspace = backspace
plan-char-vertical-tab = vertical tab
plan-char-form-feed = form feed
plan-char-delete = delete
plan-too-deep = the plan nests deeper than { $max } levels here
    .help = a toetsplan nests at most six levels (plan → onderdelen → toetstermen → niveaus); check the brackets and the indentation
plan-yaml-syntax = the YAML cannot be read: { $detail }
plan-help-tab = YAML does not allow tabs for indentation: indent with spaces
plan-help-quoting = check the indentation and quoting around this place; a text containing `: ` or starting with a special character such as `*`, `&`, `[` or `{"{"}` must be quoted
plan-help-list = write a list in square brackets, e.g. `niveaus: [PV]` or `niveaus: [K, B]`
plan-second-document = a second YAML document starts here
    .help = a file holds one toetsplan: remove the extra `---` line or split the file

## What serde and the YAML reader say, with the names filled in (load.rs).
plan-reader-missing-field = missing field `{ $field }`
    .help = add the missing field; README, "Wat er in een plan staat", lists every field of a toetsplan
plan-reader-duplicate-field = duplicate field `{ $field }`
    .help = a field may appear once: remove one of the two, or merge them
plan-reader-unknown-field = unknown field `{ $field }`, { $allowed }
    .help = check the spelling of the field name; the fields allowed here are listed above
plan-reader-unknown-value = unknown variant `{ $value }`, { $allowed }
    .help = use one of the values listed above, written exactly so
plan-reader-allowed-list = expected one of { $list }
plan-reader-allowed-two = expected { $first } or { $second }
plan-reader-allowed-one = expected { $only }
plan-reader-allowed-none = there are no fields
plan-reader-invalid-type = invalid type: { $found }, expected { $expected }
    .help = give the value the type named above; quote a text that looks like a number or date
plan-reader-invalid-value = invalid value: { $found }, expected { $expected }
plan-reader-too-large = { $detail }
    .help = the file expands into too much data (nested anchors and aliases); write the plan out without `&anchor`/`*alias` chains
plan-reader-syntax = { $detail }
plan-kind-string = string { $value }
plan-kind-integer = integer { $value }
plan-kind-float = floating point { $value }
plan-kind-boolean = boolean { $value }
plan-kind-sequence = sequence
plan-kind-map = map
plan-kind-unit = unit value
plan-expect-sequence = a sequence
plan-expect-string = a string
plan-expect-boolean = a boolean
plan-expect-u32 = u32
plan-expect-struct = struct { $name }

## Values without a YAML type (values.rs).
plan-level-unknown = unknown level `{ $level }`: use K (kennis), B (begrip), RV (reproductieve vaardigheden) or PV (productieve vaardigheden)
plan-date-format = `{ $text }` is not a date in the form YYYY-MM-DD: write e.g. 2021-09-01 for 1 september 2021
plan-date-impossible = `{ $text }` is not a real calendar date: check the day and the month
plan-date-too-early = `{ $text }` lies before 1970-01-01, the earliest date toetsgen can put in a PDF: check the year
plan-aantal-vragen-expected = a whole number (e.g. 40) or a text (e.g. Niet van toepassing)
plan-aantal-vragen-negative = aantal_vragen is { $n }: it cannot be negative
plan-aantal-vragen-fraction = aantal_vragen is { $n }: use a whole number

## The rules of a plan (validate/).
plan-code-twice = plan code `{ $code }` is already used by { $first }
    .help = every plan needs its own code: its documents are written to output/<code>/
plan-more-problems = … and { $more } more problems in this file, not shown
    .help = fix the problems above and check again
plan-code-format = plan code `{ $code }` may contain only letters and digits, at most { $max }
    .help = use a short code such as `V1` or `B2`; it becomes a folder name
plan-too-many-toetstermen = the plan has { $n } toetstermen, more than the { $max } a plan may have (this is toetsterm { $this })
    .help = split the module into several plans
plan-no-onderdelen = the plan has no onderdelen
    .help = add at least one onderdeel with a `naam` and its `toetstermen`
plan-onderdeel-empty = onderdeel `{ $naam }` has no toetstermen
    .help = add its toetstermen, or remove the onderdeel
plan-toetsterm-prefix = toetsterm code `{ $code }` does not start with the plan code `{ $plan }` and a dot
    .help = write it as `{ $prefix }` followed by its number, e.g. `{ $prefix }01`
plan-toetsterm-code-twice = toetsterm code `{ $code }` is used more than once in this plan
    .help = give every toetsterm its own code
plan-niveaus-none = toetsterm `{ $code }` has no niveaus
    .help = give at least one of K, B, RV, PV, e.g. `niveaus: [PV]`
plan-niveau-twice = toetsterm `{ $code }` lists niveau { $niveau } twice
    .help = list each niveau once
plan-toetsterm-future = toetsterm `{ $code }` is gewijzigd on { $date }, which is in the future (today is { $today })
    .help = set `gewijzigd` to the date the change was made, today or earlier
plan-toetsterm-before-ingang = toetsterm `{ $code }` is gewijzigd on { $date }, before the plan's ingangsdatum { $ingang }
    .help = a toetsterm's last change is normally on or after the ingangsdatum; check both dates
plan-gewijzigd-future = the plan is gewijzigd on { $date }, which is in the future (today is { $today })
    .help = set `gewijzigd` to the date the change was made, today or earlier
plan-gewijzigd-before-ingang = the plan is gewijzigd on { $date }, before its ingangsdatum { $ingang }
    .help = the plan's last change is normally on or after the ingangsdatum; check both dates
plan-correctie-future = a correction dated { $date }, which is in the future (today is { $today })
    .help = date the correction on the day it was made, today or earlier
plan-totaal-mismatch = totaal_opdrachten is { $totaal }, but the toetstermen' aantal_opdrachten add up to { $sum }
    .help = correct totaal_opdrachten or the aantal_opdrachten of the toetstermen so that they agree
plan-totaal-missing = toetstermen give aantal_opdrachten (together { $sum }), but the plan has no totaal_opdrachten
    .help = add `totaal_opdrachten: { $sum }` to the plan (the TOTAAL row of the table)
plan-no-beoordeling = this plan has no `beoordeling`: its beoordelingsformulier is an observation form with one "Waarneming" column and onvoldoende or voldoende per toetsterm
    .help = for a theory exam with questions, add `beoordeling:` with `soort: vragen` (and e.g. `minimaal_goed: 28`); for a proeve, add `beoordeling:` with e.g. `waarnemingen: 5` (above `onderdelen`)
plan-minimaal-goed-without-vragen = minimaal_goed is the cut-off of an exam with questions, but this plan is judged by observation
    .help = add `soort: vragen` to `beoordeling` for a theory exam, or use `minimaal_voldoende` for a number of toetstermen voldoende
plan-waarnemingen-range = waarnemingen is { $n }: it must be between 1 and { $max }
    .help = give the number of observations (columns on the beoordelingsformulier), e.g. `waarnemingen: 5`
plan-schaal-too-short = schaal has { $n } value(s): a judgement needs at least two
    .help = list the judgements from low to high, e.g. `schaal: [onvoldoende, voldoende]`
plan-minimaal-voldoende-range = minimaal_voldoende is { $min }, but the plan has { $count } toetstermen
    .help = give a number from 1 to { $count }
plan-verplicht-unknown = verplicht names toetsterm `{ $code }`, which is not in this plan
    .help = name only codes of this plan's toetstermen, e.g. `V1.13`
plan-verplicht-twice = verplicht names toetsterm `{ $code }` twice
    .help = name each toetsterm once
plan-observation-field-with-vragen = `{ $field }` belongs to an exam judged by observation, but this plan is judged by questions (`soort: vragen`)
    .help = remove it, or write `soort: waarnemingen` if the exam is a proeve
plan-vragen-without-opdrachten = toetsterm `{ $code }` has no aantal_opdrachten, but the plan is judged by questions
    .help = give the number of questions that test it, e.g. `aantal_opdrachten: 4`
plan-minimaal-goed-range = minimaal_goed is { $min }, but the exam has { $total } questions
    .help = give a number from 1 to { $total }, the questions that must be answered correctly
plan-aantal-vragen-mismatch = aantal_vragen is { $n }, but the toetstermen' aantal_opdrachten add up to { $total } questions
    .help = correct aantal_vragen or the aantal_opdrachten of the toetstermen so that they agree
plan-text-null = `{ $field }` has no value (`~` or `null` means nothing)
    .help = write the text, or remove the field if it is optional
plan-text-empty = `{ $field }` is empty
    .help = write the text, or remove the field if it is optional
plan-text-too-long = `{ $field }` is { $n } characters long, more than the { $max } a text may have
    .help = shorten the text; a toetsterm or description of ten printed pages is too long for a form
plan-text-control = `{ $field }` holds the control character { $character }, which no document can print
    .help = remove it; in a quoted text, remove the escape that makes it (such as \e, \x1b or \0)
plan-placeholder = this text is still the example `toetsgen new` wrote
    .help = write the plan's own text here
plan-concept = this plan is a concept: `toetsgen build` does not publish it
    .help = remove `concept: true` when the plan is ready
plan-text-unprintable = `{ $field }` holds { $characters }, which the fonts of the PDFs cannot show
    .help = write the text with characters the documents can print (Latin, Arabic and common symbols), or build without PDFs (--format md,html)
plan-text-unprintable-more = `{ $field }` holds { $characters } and { $more } more, which the fonts of the PDFs cannot show
plan-toetsterm-code-too-long = the toetsterm code is { $n } characters long, more than { $max }
    .help = use the plan code, a dot and a number, e.g. `V1.01`

## The plan archive (archive/).
plan-archive-wrong-version = this archived file holds version { $found_version } of plan { $found_code }, not version { $version } of plan { $code } as its name says
    .help = the archive is written by `toetsgen build`: restore the file from version control, or remove it and build again
plan-archive-older = this plan is version { $version }, older than version { $newest } that was already published (the plan archive has it)
    .help = a version is the latest `gewijzigd` date: a changed plan needs a date after the published version's, the day of the change
plan-archive-differs = { $place } differs from version { $version } as it was published ({ $archived })
    .help =
        was: { $old }
        now: { $new }
        { $fix }
plan-archive-fix-correction = a correction may change only wording (texts): for this change, give the changed toetstermen (or the plan) a new `gewijzigd` date instead
plan-archive-fix-toetsterm = a change of content needs a new version: set `gewijzigd` of toetsterm { $code } to the day of the change (e.g. { $today }). A typo that changes no meaning may instead be recorded under `correcties:` with its date and reason
plan-archive-fix-plan = a change of content needs a new version: set the plan's `gewijzigd` to the day of the change (e.g. { $today }), or that of the changed toetstermen. A typo that changes no meaning may instead be recorded under `correcties:` with its date and reason

## The table of `toetsgen wijzigingen` (changes.rs): the office's own column names in every language.
plan-changes-plan = Plan
plan-changes-toetsterm = Toetsterm
plan-changes-gewijzigd = Gewijzigd
plan-changes-tekst = Tekst
plan-changes-new = (nieuw) { $tekst }
plan-changes-removed = (verwijderd) { $tekst }
