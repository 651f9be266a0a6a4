# Messages of crates/build: a build from plans to the output folder, and a session's packet.

build-output-overlaps = the output folder { $output } { $relation ->
    [is] is
    [inside] lies inside
   *[holds] holds
} the { $what ->
    [plans] plans
   *[templates] templates
} folder { $folder }: the build writes and removes files in its output folder, so give it a folder of its own with --output (for example `--output output`)
build-cannot-read-to-archive = cannot read { $path } to archive it: { $error }
build-not-archived = version { $version } of { $code } was not archived
build-kept-not-rebuildable = { $code }: version { $version } is kept in the output folder as documents only; the plan archive cannot rebuild it. To keep it rebuildable, put that version's plan file (from version control) in { $file }
build-index-not-written = the site's index was not written
build-schema-not-written = the plans' JSON Schema was not written
build-not-made = no { $format } was made for { $file }
build-typst-wrote-no-pdf = typst wrote no PDF at { $path } ({ $error })
build-cannot-name-file = cannot name the file of { $document }: { $why }
build-concept = { $file } is a concept (concept: true): it is checked but not published; remove that line when the plan is ready
build-changed-while-building = { $file } changed while the build ran, so it was not built: run the build again
build-stopped = the build stopped
build-plan-not-written = plan { $code } was not written
build-archived-version = version { $version } of { $code } from the plan archive
build-version-of = version { $version } of { $code }

# A session's print packet (packet.rs).
build-packet-plan-gone = the session's plan is gone
build-packet-making = making the packet of { $file }
build-packet-archive-fails = version { $version } of plan { $code }, which the session uses, does not pass check in the plan archive ({ $file })
    .help = restore the archived file from version control: `toetsgen build` wrote it from a plan that passed check
build-packet-foreign = { $path } exists and is not a print packet toetsgen made, so it is left alone: name another file with -o, or replace it with --force
build-packet-none = typst made no packet
