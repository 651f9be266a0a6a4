# Messages of crates/session: a session file, its candidates' export, and the plan version it uses.

# Finding and reading session files (load.rs).
session-no-folder = the sessions folder { $path } does not exist: put the session files (.yaml) in it, or name another with --sessies
session-cannot-read = cannot read { $path }: { $error }
session-none-found = no session files (*.yaml) found in { $path }
session-read-help = check the file name; `toetsgen packet --all` makes every session under sessies/
session-too-large = the file is { $size } KiB, more than a session file may be ({ $max } KiB)
    .help = put many candidates in a spreadsheet export (`kandidaten_bestand`), or split the session
session-cannot-read-file = cannot read the file: { $error }
    .help = a session is a plain text file (.yaml): remove or rename what is there
session-empty = the file is empty
session-fields-help = a session needs `plan`, `datum`, `locatie`, `beoordelaars` and `kandidaten` (or `kandidaten_bestand`); see README, "4. Een examensessie en het printpakket"
session-too-deep = the file nests too deeply here
    .help = a session nests at most three levels (kandidaten → a candidate → its fields)
session-yaml-syntax = the YAML cannot be read: { $info }
    .help = check the indentation and quoting around this place; a text containing `: ` must be quoted
session-second-document = a second YAML document starts here
    .help = a file holds one session: remove the extra `---` line or split the file
session-duplicate-field = duplicate field `{ $path }`
    .help = a field may appear once: remove one of the two

# Why a file was not read, as the safe reader says it.
session-outside = it lies outside { $folder }, the folder it must be in
session-not-a-file = it is not a plain file (a folder, a pipe or a device)
session-larger-than = it is larger than { $bytes } bytes

# The plan and its version (validate.rs, version.rs).
session-unknown-plan = there is no plan with the code `{ $code }`
    .help = the plans found are: { $known }; check the code, or name the plans folder with --plans
session-plan-invalid = plan { $code } ({ $file }) does not pass `toetsgen check`
    .help = fix the plan first: `toetsgen check` shows its errors
session-version-current = { $version } (the current one)
session-list-and = { $list } and { $last }
session-no-version-in-force = plan { $code } had no version in force on the session date ({ $date }): its oldest version dates from { $oldest }
    .help = check the date. The versions of { $code } are { $known }. If the candidates prepared with a version before these, put that version's plan file (from version control) in the plan archive, `archief/{ $code }/<date>.yaml` in the plans folder; to use version { $first } all the same, name it: `versie: { $first }`
session-no-such-version = plan { $code } has no version { $asked }
    .help = the versions of { $code } (the plan and its archive, `archief/{ $code }/` in the plans folder) are { $known }; name one of them
    .help-in-force = the versions of { $code } (the plan and its archive, `archief/{ $code }/` in the plans folder) are { $known }; name one of them, or leave `versie` out to use the one in force on the session date ({ $in_force })
session-version-not-in-force = the session asks for version { $asked } of plan { $code }, but version { $in_force } was in force on the session date ({ $date })
session-version-none-in-force = the session asks for version { $asked } of plan { $code }, but no version was in force on the session date ({ $date })
session-version-asked-help = the packet is made from version { $asked }, as the session asks; check that this is the version the candidates prepared with

# The session's fields (validate.rs).
session-not-a-time = `{ $tijd }` is not a time
    .help = write the starting time as hours and minutes, e.g. "09:30" (with the quotes)
session-assessors-count = a session has one or two beoordelaars, this one { $n }
    .help = name one or two assessors, e.g. `beoordelaars: [A. de Vries]`
session-field-empty = `{ $field }` is empty
    .help = fill in the { $field }: it is printed in the packet
session-field-control = `{ $field }` holds a line break or control character
    .help = write it on one line
session-field-unprintable = `{ $field }` holds { $char } (U+{ $code }), which the fonts of the packet cannot show
    .help = write it with Latin letters (as on an identity document) or another character the documents can print
session-field-too-long = `{ $field }` is { $n } characters, more than the { $max } allowed
    .help = shorten it

# The candidates (validate.rs).
session-both-sources = the session gives both `kandidaten` and `kandidaten_bestand`
    .help = give the candidates one way: in the file, or in a spreadsheet export
session-no-candidates = the session has no candidates
    .help = add `kandidaten:` with one entry per candidate, or `kandidaten_bestand: kandidaten.csv`
    .help-empty = add at least one candidate
session-number-twice = candidate number `{ $nummer }` is given twice (first on line { $first })
    .help = every candidate has a number of their own: check both rows
session-csv-not-inside = `{ $name }` is not a file name inside the session's folder
    .help = name the export relative to the session file, without `..` or a leading `/`, e.g. `kandidaten.csv`
session-csv-cannot-read = cannot read the candidates file { $path }: { $error }
    .help-io = check the name; the path is relative to the session file
    .help-large = check that this is the export of the candidates, or split the session
    .help-other = name the spreadsheet export of the candidates, a plain file in the session's folder (the path is relative to the session file)

# The candidates' spreadsheet export (csv.rs).
session-csv-too-large = the file is { $size } KiB, more than a list of candidates may be ({ $max } KiB)
    .help = check that this is the export of the candidates, or split the session
session-csv-bad-utf16 = the file has a byte-order mark of UTF-16 but is not valid UTF-16
    .help = export the list again as "CSV UTF-8"
session-csv-empty = the file holds no candidates
    .help = export the list with a header row `naam;nummer;gemeente` and one candidate per row
session-csv-unreadable = the file cannot be read as a list: { $error }
session-csv-too-many = more than { $max } candidates: a session may have at most { $max }
    .help = split the candidates over more sessions
session-csv-header-only = the file holds a header but no candidates
    .help = add one row per candidate under the header
session-csv-windows-1252 = the file is not UTF-8 and was read as Windows-1252 (the default of Excel in the Netherlands); check the names with accents in the packet, or export as "CSV UTF-8"
session-csv-control = the file holds the control character { $char } here, which no document can print
    .help = remove it in the spreadsheet and export the list again
session-csv-unknown-column = the header names an unknown column `{ $name }`
    .help = the columns are `naam`, `nummer` and (optionally) `gemeente`; the first row must name them, e.g. `naam;nummer;gemeente`
session-csv-column-twice = the header names the column `{ $name }` twice
    .help = name each column once
session-csv-column-missing = the header has no column `{ $name }`
    .help = the first row must name the columns, e.g. `naam;nummer;gemeente` (separated by `;`, `,` or tab)
session-csv-too-few-fields = this row has { $n } fields, too few: the header has { $header }
session-csv-too-many-fields = this row has { $n } fields, too many: the header has { $header }
session-csv-fields-help = fields are separated by { $separator } (as in the header); put a field that holds { $separator } between double quotes, and give every column a value or leave it empty
