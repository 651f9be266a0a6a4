# Messages of crates/output: the output folder, its files and the build record.

# The output folder (dir.rs, batch.rs).
output-lock-is-link = the lock file { $path } is a symbolic link: toetsgen follows no links to its own files; remove the link
output-cannot-open-lock = cannot open the lock file { $path }
output-waiting = Another toetsgen build is writing to { $path }; waiting for it to finish…
output-cannot-lock = cannot lock { $path }
output-cannot-protect = cannot protect { $path }
output-cannot-remove = cannot remove { $path }
output-is-link = { $path } is a symbolic link: toetsgen never reads, writes or removes through a link in the output folder (it could lead outside it); remove the link
output-cannot-flush = cannot flush { $path } to disk
output-flush-thread-failed = a thread flushing files to disk failed

# Paths in the output folder (path.rs).
output-path-length = a path must have 1 to { $max } bytes
output-path-absolute = an absolute path leads outside the output folder
output-path-empty-name = a path may not hold an empty name (`//` or a trailing `/`)
output-path-leads-outside = `{ $name }` leads outside the output folder
output-path-hidden = `{ $name }` is a hidden name, not a document
output-path-name-length = a name may have at most { $max } bytes
output-path-windows = `{ $name }` holds `\` or `:` (a Windows path or drive)
output-path-control = `{ $name }` holds a control character
output-path-not-plan-code = `{ $code }` is not a plan code
output-path-not-document-name = `{ $name }` is not a document name
output-path-not-document = not a document's path (<CODE>/<document>.<format>)
output-path-no-extension = `{ $file }` has no format extension
output-path-not-format = `.{ $ext }` is not a format
output-path-not-site-page = not a page of the site (index.html, { $wijzigingen }, { $zoekindex }, <CODE>/index.html or { $schema })

# The search index (overview.rs).
output-search-not-kept = no search entries were kept
output-search-unreadable = the search index could not be read back: { $error }
output-search-scratch = cannot write the search index's scratch file: { $error }
output-search-gone = the search entries are gone

# Personal data (personal.rs).
output-personal-published = { $path } lies inside { $folder }, a published output folder (it holds toetsgen's build record): { $what ->
    [packets] packets
    [analyses] analyses
   *[results] the results
} are personal data and never go on the site; write them elsewhere

# Writing (write/).
output-plan-not-recorded = plan { $code } is not in the build record
output-not-ours = { $path } was not written by toetsgen (the build record { $record } does not list it), so it is left alone: move it elsewhere, or run `toetsgen build --force` to overwrite it

# The build record (record/).
output-record-unreadable = the build record { $path } cannot be read; if it is a symbolic link, remove it: toetsgen follows no links to its own files
output-record-damaged = the build record { $path } is damaged ({ $error }); it is ignored, so no file is removed on its word and files already in the folder are only replaced where they hold exactly what this build writes
output-record-cannot-save = cannot save the build record
output-record-bad-version = its version is not a version such as 0.15.1
output-record-bad-program = its path or time is not one
output-record-plan = plan `{ $code }`: { $why }
output-record-site-page = site page `{ $page }`: { $why }
output-record-typst = typst_programma: { $why }
output-record-not-plan-code = not a plan code
output-record-not-version-date = not a version date (YYYY-MM-DD)
output-record-other-plan = it is not a file of this plan
output-record-not-earlier = it is a file of version { $version }, not of an earlier one
output-record-not-own = it is not a file of this plan (or of this version)
output-record-bad-hash = its hash is not a SHA-256
output-record-entry = plan { $code }, entry `{ $entry }`: { $why }
