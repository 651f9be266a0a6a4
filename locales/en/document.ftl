# Messages of crates/document: the user's templates, typst and the print packet.

# Templates: which there are (catalog.rs).
document-builtin-origin = built-in { $name }
document-template-too-large = template { $origin } is { $kib } KiB, more than a template may be ({ $max } KiB): split it into parts with {"{"}% include %{"}"}
document-template-too-deep = template { $origin } nests { $depth } levels deep (tags or brackets), more than { $max }: flatten it, or move parts into macros or included templates
document-templates-folder-unreadable = cannot read the templates folder { $path }
document-template-unknown-format = { $path }: unknown template format: name it <document>.md.tera, <document>.html.tera or <document>.typ.tera
document-template-no-markdown = template { $name } belongs to a document `{ $stem }` that has no Markdown template: add { $stem }.md.tera (every document has one; its HTML and PDF can be derived from it)
document-template-bad-name = template { $name }: a document name may contain only lowercase letters, digits and dashes, at most { $max } (it becomes a file name)
document-template-reserved-name = template { $name }: `{ $stem }` is taken by the site (each plan's folder has an index.html and a versies/ folder): rename the template, e.g. to { $stem }-document.md.tera

# Templates: loading and rendering (engine.rs, bounds.rs, filters.rs, templates.rs).
document-no-get-env = Function `get_env` is not available in toetsgen's templates: a document shows what its plan says, not the settings of the computer that builds it
document-tera-parse-failed = Failed to parse '{ $name }'
document-templates-of-format = the { $suffix } templates
document-template-does-not-compile = template { $origin } does not compile: { $message }
document-range-step-zero = template { $origin } calls { $call }: a step_by of 0 never ends
document-range-too-long = template { $origin } calls { $call }, which makes { $count } numbers, more than a template may loop over ({ $max }): loop over the plan's lists, or a smaller range
document-set-grows = template { $origin } sets `{ $key }` from itself more than once (`{"{"}% set { $key } = … %{"}"}`): such a value can double each time it is set and fill the memory; build it from the plan's values instead
document-range-not-number = Function `range` received { $name }={ $value } but `{ $said }` can only be a number
document-range-no-end = Function `range` was called without a `end` argument
document-range-start-after-end = Function `range` was called with a `start` argument greater than the `end` one
document-range-never-ends = Function `range` was called with step_by=0, which never ends
document-range-too-many = Function `range` would make { $count } numbers, more than a template may loop over ({ $max })
document-render-cannot-start = cannot start rendering template { $origin }
document-render-too-slow = template { $origin } did not finish within { $s } s: it loops too long (nested loops over large ranges or lists?)
document-render-no-answer = template { $origin } failed: its render stopped without an answer
document-render-too-much = template { $origin } made more than { $mb } MB, more than a document may be: it loops too long or repeats too much
document-render-failed = template { $origin } failed
document-render-not-utf8 = template { $origin } made invalid UTF-8
document-filter-wants-text = filter `{ $name }` expects a text, but got { $value }
document-context-plan = cannot pass the plan to the templates
document-context-session = cannot pass the session to the templates
document-rendering = rendering { $document } for plan { $code }
document-unknown-format = unknown format `{ $format }`: use md, html or pdf

# Templates that include, extend, import or call themselves (recursion/).
document-macro-in = macro `{ $name }` in { $origin }
document-macro-recursion = macro recursion: { $first } calls itself{ $through }: rewrite it without recursion
document-macro-through = { " " }(through { $names })
document-macro-then = { ", then " }
document-macro-more = { $n } more
document-template-recursion = template recursion: { $first } { $path }: a template may not { $verbs } itself, directly or through others
document-recursion-more = { ", … " }{ $n } more …
document-or = { " or " }
document-extends-itself = extends itself
document-includes-itself = includes itself
document-imports-itself = imports itself
document-calls-itself = calls itself
document-extends = extends { $next }
document-includes = includes { $next }
document-imports = imports { $next }
document-calls = calls { $next }
document-which-extends = , which extends { $next }
document-which-includes = , which includes { $next }
document-which-imports = , which imports { $next }
document-which-calls = , which calls { $next }
document-may-not-include = include
document-may-not-extend = extend
document-may-not-import = import

# The print packet (packet/).
document-packet-no-template = the document { $name } has no template
document-packet-candidate = rendering the documents of candidate { $nummer }
document-packet-rendering = rendering { $document } for the packet
document-packet-no-typst = { $document } has no Typst source

# The scan layer of a packet (packet/scan/).
document-scan-layout-unreadable = the positions of the packet's boxes cannot be read (typst gave something unexpected)
document-scan-layout-no-end = document { $deel } of the packet has no end in its layout (a template without the packet lines of _base.typ.tera?)

# typst (pdf/).
document-typst-install = install it with `cargo install typst-cli --locked` (about 7 minutes), or point the TYPST environment variable at the program; to build without PDFs, use `--format md,html`
document-typst-not-a-version = typst reported `{ $version }`, which is not a version
document-typst-too-old = typst { $version } is too old: toetsgen needs typst { $min } or newer; { $install }
document-typst-version-failed = `{ $program } --version` failed ({ $status }): { $stderr }
    { $install }
document-typst-cannot-run = the typst program is needed for PDFs but `{ $program }` could not be run ({ $error }): { $install }
document-typst-version-unreadable = `{ $program } --version` printed `{ $output }`, which is not a typst version
document-typst-no-scratch = cannot create a temporary folder for typst
document-typst-packages = note: the source imports a Typst package (`@…`); toetsgen lets typst use no packages and no network, so every template must be self-contained
document-typst-failed = typst failed on { $label } (from template { $template }):
document-typst-keep-hint = run again with --keep-typst DIR to keep the Typst source and typst's messages for inspection
document-typst-kept = the Typst source and typst's messages are kept in { $path } for inspection
document-typst-not-kept = the Typst source could not be kept: { $error }
document-cannot-copy = cannot copy { $path }
document-cannot-create = cannot create { $path }
document-cannot-run = cannot run { $path }
document-cannot-wait = cannot wait for typst
document-typst-pdf-unread = cannot read the PDF typst made
