# The command line (src/cli.rs): what `--help` says, and what a wrong command line is told.
# Ids: cli-<command>-about, cli-<command>-<option> (the option of one command), cli-arg-<option>
# (an option that means the same in every command), cli-value-<name> (the name of a value).

cli-about = Generate the documents of an exam (toetsplan, beoordelingsformulier, instructie voor de beoordelaar, opdracht voor de kandidaat) as Markdown, HTML and PDF from toetsplannen in YAML.
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-usage-options = [OPTIONS]
cli-value-command = COMMAND
cli-default = [default: { $value }]
cli-possible = [possible values: { $values }]
cli-lang-unknown = toetsgen speaks nl (Nederlands) and en (English)

cli-bouw-about = Build every document of every plan into the output folder.
cli-controleer-about = Check the plans and templates without writing anything.
cli-wijzigingen-about = List, per plan, the toetstermen changed on or after a date.
cli-importeer-about = Turn a toetsplan from a text export (.txt) or Word document (.docx) into YAML.
cli-bekijk-about = Build, serve the output folder on this computer, and rebuild and reload on every save.
cli-schema-about = Print the JSON Schema of a toetsplan (for editors such as VS Code).
cli-nieuw-about = Write a new toetsplan to start from: toetsplannen/<CODE>-<naam>.yaml.
cli-uitslagen-about = Collect saved beoordelingsformulieren (JSON) into a results list (CSV and Markdown).
cli-pakket-about = Make the print packet of an exam session: one PDF in pakketten/.
cli-analyse-about = Make the toetsanalyse of a question exam (its scores as CSV) or of saved beoordelingsformulieren (JSON): a report in analyse/, or the figures as JSON.

cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-taal = The language of messages and help: nl (Nederlands, the default) or en (English). Without it, the locale variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) choose.
cli-arg-plans = Folder with the toetsplannen (*.yaml, searched recursively).
cli-arg-templates = Folder whose templates override the built-in ones by name; a template there with a new name adds a document. Default: `templates` when that folder exists.
cli-bouw-force = Rebuild and rewrite every file, even those that are up to date.

cli-bouw-output = Folder the documents are written to, one subfolder per plan code.
cli-bouw-format = Formats to write, comma-separated. Markdown and HTML need no typst.
cli-bouw-jobs = Number of typst processes run at a time. Default: the number of cores.
cli-bouw-no_batch = Run typst once per PDF, rather than many PDFs per process (the PDFs are the same).
cli-bouw-since = Build only the plans with a toetsterm changed on or after this date (YYYY-MM-DD).
cli-bouw-keep_typst = Also write the Typst source of every PDF into DIR, as <CODE>/<document>.typ (to inspect a template's output, or to time typst on its own).

cli-importeer-file = The text export (tab-separated, UTF-8) or Word document (.docx) of a toetsplan.
cli-importeer-output = The YAML file to write. Default: <CODE>-<naam>.yaml in the plans folder.
cli-importeer-plans = Folder with the toetsplannen (*.yaml, searched recursively): an import of a plan code that a plan there has is refused, unless --force.
cli-importeer-force = Replace the plan in the plans folder that has the imported plan's code (its file is written over, so there is still one plan with that code), or overwrite the YAML file if it exists.

cli-wijzigingen-since = List the toetstermen changed on or after this date (YYYY-MM-DD).
cli-wijzigingen-format = How to print the list: a table for people, or JSON for programs.

cli-bekijk-output = Folder the documents are written to and served from.
cli-bekijk-port = Port to serve on.
cli-bekijk-bind = Address to listen on. Default: 127.0.0.1, this computer only. Any other address lets other computers on the network read the documents.
cli-bekijk-open = Open the site in the web browser once it is built.
cli-bekijk-pdf = Also make the PDFs (needs typst; each rebuild takes longer). Without it, a plan changed since its PDFs were made links no PDF until they are made again.

cli-nieuw-code = The plan's code: letters and digits, e.g. V2.
cli-nieuw-naam = The module's name, e.g. "Publiekszaken". The file is named after it.
cli-nieuw-plans = Folder to write the plan into.

cli-uitslagen-files = The saved forms: JSON files written by the form's "Opslaan".
cli-uitslagen-output = Where to write the list: NAME.csv and NAME.md. It holds personal data: it stays out of the published output folder and, by default, in the folder uitslagen/ (keep that folder out of version control).

cli-pakket-file = The session file, e.g. sessies/2026-12-03-den-haag.yaml.
cli-pakket-all = Make the packet of every session file in the sessions folder.
cli-pakket-sessies = The sessions folder that --all reads.
cli-pakket-output = Where to write the packet. Default: pakketten/<session file name>.pdf.
cli-pakket-force = Replace a file at the packet's place that is not a packet toetsgen made.
cli-pakket-keep_typst = Keep the Typst source and typst's messages of a packet typst fails on in DIR (it holds the candidates' names: a folder of your own, not a shared one).

cli-analyse-files = The score export of a question exam (one CSV: a column kandidaat, then per question the code of its toetsterm), or the saved beoordelingsformulieren of a proeve (JSON files).
cli-analyse-plan = The plan of the question exam (its code, e.g. B2); saved forms name their own plan.
cli-analyse-plans = Folder with the toetsplannen (*.yaml, searched recursively).
cli-analyse-output = Folder for the report (<plan>-<date>.md and .html). It holds personal data: it never goes into the published output folder (keep the folder out of version control).
cli-analyse-json = Print the figures as JSON instead of writing a report.
cli-analyse-namen = Show candidates' names in the report and the JSON (otherwise numbers only).

cli-value-dir = DIR
cli-value-file = FILE
cli-value-file-json = FILE.json
cli-value-date = DATE
cli-value-list = LIST
cli-value-n = N
cli-value-name = NAME
cli-value-format = FORMAT
cli-value-port = PORT
cli-value-address = ADDRESS
cli-value-taal = LANGUAGE
cli-value-code = CODE
cli-value-naam = NAME

# A wrong command line.
cli-error = error:
cli-error-tip = tip:
cli-error-did-you-mean = a similar one exists: '{ $value }'
cli-error-more = For more information, try '--help'.
cli-error-value-missing = a value is required for '{ $arg }' but none was supplied
cli-error-value-invalid = invalid value '{ $value }' for '{ $arg }'
cli-error-value-rejected = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-missing = the following required arguments were not provided: { $args }
cli-error-missing-command = a command is needed: { $commands }
cli-error-twice = the argument '{ $arg }' cannot be used multiple times
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other arguments given
cli-error-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-number = wrong number of values for '{ $arg }'
cli-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-error-utf8 = the command line is not valid UTF-8
cli-error-unknown = the command line cannot be read

# What the commands say (src/cmd/).
cmd-note = note:
cmd-warning = warning:
cmd-seconds = { $s } s
cmd-no-templates-folder = the templates folder { $path } does not exist: create it, or leave out --templates to use the built-in templates
cmd-record-ignored = ignored in the build record: { $entry }
cmd-plans-not-built = { $n ->
    [one] 1 plan
   *[other] { $n } plans
} not built because of the errors above
cmd-plans-with-errors = { $n ->
    [one] 1 plan
   *[other] { $n } plans
} with errors (see above)
cmd-archived = Archived version { $version } of { $code } in { $file }
cmd-archived-correction = Archived the correction of version { $version } of { $code } in { $file }
cmd-build-left-alone = ; { $n ->
    [one] 1 plan
   *[other] { $n } plans
} without changes since { $since } left alone
cmd-build-nothing = Nothing to do: all { $files ->
    [one] 1 file
   *[other] { $files } files
} of { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
} in { $output } are up to date{ $skipped } ({ $time })
cmd-build-written = { $n ->
    [one] 1 file
   *[other] { $n } files
} written
cmd-build-up-to-date = { $n } up to date
cmd-build-removed = { $n } removed
cmd-build-kept = { $n ->
    [one] 1 earlier version
   *[other] { $n } earlier versions
} kept
cmd-build-done = Built { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
}: { $documents ->
    [one] 1 document
   *[other] { $documents } documents
} ({ $formats }); { $parts } in { $output }{ $skipped } ({ $time })
cmd-checked = Checked { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
}: { $valid } valid, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
cmd-checked-errors = Checked { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
}: { $valid } valid, { $failed } with errors; { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
cmd-and = { " and " }

# Progress (src/cmd/report.rs): the name on the bar, the line when work begins and when it ends.
cmd-progress-pdfs = PDFs
cmd-progress-candidates = candidates
cmd-progress-packet = packet PDF
cmd-progress-scans = scanned pages
cmd-making-scans = { $n ->
    [one] Reading 1 scanned page…
   *[other] Reading { $n } scanned pages…
}
cmd-made-scans = Read { $n ->
    [one] 1 scanned page
   *[other] { $n } scanned pages
} in { $s } s
cmd-making-pdfs = { $n ->
    [0] Making PDFs…
    [one] Making 1 PDF…
   *[other] Making { $n } PDFs…
}
cmd-making-candidates = { $n ->
    [0] Making candidates…
    [one] Making 1 candidate…
   *[other] Making { $n } candidates…
}
cmd-making-packet = { $n ->
    [0] Making packet PDFs…
    [one] Making 1 packet PDF…
   *[other] Making { $n } packet PDFs…
}
cmd-made-pdfs = Made { $n ->
    [one] 1 PDF
   *[other] { $n } PDFs
} in { $s } s
cmd-made-candidates = Made { $n ->
    [one] 1 candidate
   *[other] { $n } candidates
} in { $s } s
cmd-made-packet = Made { $n ->
    [one] 1 packet PDF
   *[other] { $n } packet PDFs
} in { $s } s

# toetsgen changes.
cmd-changes-no-json = cannot write the list as JSON
cmd-changes-none = No toetstermen changed on or after { $since }.

# toetsgen import.
cmd-import-more = … and { $n ->
    [one] 1 problem
   *[other] { $n } problems
} more, not shown (the first { $shown } are)
cmd-import-nothing = Nothing written: { $n ->
    [one] 1 problem
   *[other] { $n } problems
} to fix in { $source }
cmd-import-would-fail = Nothing written: the imported plan would not pass `toetsgen check` (the lines above are those of the YAML it would write)
cmd-import-exists = { $path } already exists: give another file with -o, or overwrite it with --force
cmd-imported = Imported { $source } into { $path }: plan { $code }, { $onderdelen ->
    [one] 1 onderdeel
   *[other] { $onderdelen } onderdelen
}, { $terms ->
    [one] 1 toetsterm
   *[other] { $terms } toetstermen
}
cmd-imported-replacing = Imported { $source } into { $path }, replacing the plan { $code } that was there: { $onderdelen ->
    [one] 1 onderdeel
   *[other] { $onderdelen } onderdelen
}, { $terms ->
    [one] 1 toetsterm
   *[other] { $terms } toetstermen
}; { $version }
cmd-import-date-unchanged = the imported plan { $code } differs from the one it replaced, but its latest change date did not change ({ $now }): the next `toetsgen build` makes no new version of it. If the text of a toetsterm changed, set that toetsterm's `gewijzigd` date in { $path } to the day of the change
cmd-import-date-earlier = the imported plan's latest change date ({ $now }) is before that of the plan it replaced ({ $was }): check that { $source } is the newest text of plan { $code }
cmd-import-version-same = its latest change date is still { $now }, so the next `toetsgen build` makes no new version of it
cmd-import-version-new = its latest change date is now { $now } (was { $was }), so the next `toetsgen build` makes it a new version of { $code }
cmd-import-code-used-twice = plan code { $code } is already used by { $first } and { $rest }, so nothing was written: keep one plan with code { $code } (`toetsgen check` shows them), then import again
cmd-import-code-used = plan code { $code } is already used by { $path }, so nothing was written: to replace that plan with the import, run again with --force (the next `toetsgen build` then makes it a new version of { $code } when its dates changed); to keep both, give one of them another code
cmd-import-force-other = with --force the import replaces { $path }, the plan with code { $code }, but -o names { $output }: two files would then have code { $code }, so nothing was written. Leave out -o to replace { $path }

# toetsgen new.
cmd-new-bad-code = `{ $code }` is not a plan code: use 1 to { $max } capital letters and digits, e.g. V2 (it becomes a folder name)
cmd-new-exists = { $path } already exists: toetsgen new never writes over a plan. Choose another code or name, or move that file away first
cmd-new-code-used = plan code { $code } is already used by { $path }: choose another code
cmd-new-nothing = Nothing written: correct the code or the name given
cmd-new-wrote = Wrote { $path }: plan { $code } with one onderdeel and one toetsterm to start from. Fill it in and run `toetsgen check`; `toetsgen build` writes output/{ $schema }, which lets your editor check the plan as you type.

# toetsgen packet.
cmd-packet-refused = no packet made for { $file }: { $n ->
    [one] 1 error
   *[other] { $n } errors
} (see above)
cmd-packet-wrote = Wrote { $path }: { $n ->
    [one] 1 candidate
   *[other] { $n } candidates
} for { $code } (version { $version }) on { $date }
cmd-packet-unchanged = Unchanged { $path }: { $n ->
    [one] 1 candidate
   *[other] { $n } candidates
} for { $code } (version { $version }) on { $date }

# toetsgen serve.
cmd-serve-open-to-network = serving on { $addr }: every computer that can reach this one over the network can read the documents. Leave out --bind to serve on this computer only.
cmd-serving = Serving { $output } at { $url } (Ctrl-C stops); watching { $folders }
cmd-serve-no-pdfs = PDFs are not made while serving (add --pdf to make them): a plan's page links its PDFs only while they are of the plan as it is, so a plan changed since its PDFs were made shows none until `toetsgen build` makes them again
cmd-serve-no-browser = cannot start the web browser ({ $error }): open { $url } yourself
cmd-serve-changed = Changed: { $files }; building…
cmd-serve-and-more = { $names } and { $n } more
cmd-serve-stopped = Stopped serving { $url }

# Signals (src/cmd/signals.rs).
cmd-no-signal-handler = cannot install the handler for SIGINT and SIGTERM

# toetsgen uitslagen.
cmd-uitslagen-nothing = Nothing written: every form was refused (see above); { $csv } and { $md } are left as they were
cmd-uitslagen-written = { $n ->
    [one] 1 result
   *[other] { $n } results
}{ $pairs } in { $csv } and { $md }{ $refused }
cmd-uitslagen-pairs = { " " }({ $n } judged by two assessors)
cmd-uitslagen-refused = ; { $n ->
    [one] 1 file
   *[other] { $n } files
} refused (see above)
cmd-uitslagen-versions = { $plan }: forms of { $n } versions, each judged by its own ({ $each }); the column `versie` says which
cmd-uitslagen-version-forms = { $version }: { $n ->
    [one] 1 form
   *[other] { $n } forms
}

# toetsgen scan.
cli-scan-about = Read filled-in forms of a print packet back from scans: saved forms (JSON) in uitslagen/scans/.
cli-scan-files = The scans: PDF files of scanned pages, or PNG, JPEG or TIFF images, pages in any order.
cli-scan-pakketten = The folder with the packets and their layouts (*.scan.json) the scans come from.
cli-scan-site = The published output folder: blank forms printed from the site are read with the layouts published beside their PDFs (<CODE>/beoordelingsformulier.scan.json, and under versies/).
cli-scan-sessies = The folder with the session files: the names of the candidates and assessors of a packet come from its session file there, when it is.
cli-scan-output = Where to write the forms read, one JSON file per candidate and assessor. They hold personal data: never in the published output folder.
cmd-scan-done = { $pages ->
    [one] Read 1 page
   *[other] Read { $pages } pages
}: { $forms ->
    [one] 1 form
   *[other] { $forms } forms
} written in { $dir }; { $doubtful ->
    [0] no doubtful boxes
    [one] 1 doubtful field (left empty, under `twijfel`)
   *[other] { $doubtful } doubtful fields (left empty, under `twijfel`)
}{ $blank ->
    [0] {""}
    [one] ; 1 blank page skipped
   *[other] ; { $blank } blank pages skipped
}
cmd-scan-no-layouts = no layout (*.scan.json) in { $dir } or { $site }: `toetsgen pakket` writes one beside each packet (<session>.scan.json) and `toetsgen bouw` one beside each published beoordelingsformulier PDF; name their folders with --pakketten and --site
cmd-scan-who-blank = blank form ({ $at })
cmd-scan-blank-out-of-order = { $at }: page { $pagina } of { $paginas } of a blank beoordelingsformulier (printed from the site, without a candidate) is not in its place: a blank form is put together only from its pages 1 to { $paginas }, scanned one right after the other; scan its pages in order and run `toetsgen scan` again
cmd-scan-bad-layout = { $path } is not a packet layout toetsgen wrote
cmd-scan-at = { $path }, page { $page }
cmd-scan-twice = { $at }: this page was scanned twice (also { $first }); both readings agree
cmd-scan-twice-differ = { $at }: this page was scanned twice (also { $first }) and the readings differ: those fields are doubtful
cmd-scan-missing = page { $pagina } of { $paginas } of the { $document } of candidate { $kandidaat } is missing from the scans (layout { $layout })
cmd-scan-json = the form read cannot be written as JSON
cmd-scan-who-assessor = { $who }, assessor { $n }
cmd-scan-bad-decisions = { $path } is not a decisions file saved by toetsgen's review page
cmd-scan-inzage = { $count ->
    [one] 1 inspection PDF
   *[other] { $count } inspection PDFs
} (each candidate's scanned pages, with what was read) in { $dir }
cmd-scan-inzage-no-typst = the inspection PDFs were not made ({ $why }); the forms read were
cmd-scan-inzage-source = a candidate's inspection PDF
cmd-scan-review = Decide the doubtful fields on { $page }, then run `toetsgen scan` again.
