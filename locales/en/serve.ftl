# Messages of crates/serve: the live preview, its web server and the pages it shows.

# Starting (http.rs, watch.rs).
serve-port-in-use = port { $port } on { $ip } is already in use (by another `toetsgen serve`, or another program): stop that program, or choose another port, e.g. `toetsgen serve --port { $next }`
serve-cannot-listen = cannot listen on { $addr }: { $error }
serve-no-address = cannot read the server's address
serve-cannot-start = cannot start the web server on { $addr }
serve-no-thread = cannot start the web server's thread
serve-cannot-watch = cannot watch the folders for changes
serve-cannot-watch-folder = cannot watch { $path } for changes
serve-watch-ended = watching the folders stopped unexpectedly; start `toetsgen serve` again

# What the server answers a request it refuses (http/client.rs, http/head.rs): plain text.
serve-path-too-long = the request's path is too long for toetsgen serve
serve-headers-too-large = the request's headers are too large for toetsgen serve
serve-too-slow = the request came too slowly
serve-only-get = only GET and HEAD are served
serve-wrong-host = refused: the request's Host does not name this server; open http://{ $addr }/ (toetsgen serve answers only requests for its own address, so that no other web site can read the documents through your browser)
serve-refused-path = refused: { $why }; toetsgen serve only serves files inside the output folder
serve-refused-link = refused: { $path } is a symbolic link: toetsgen never reads, writes or removes through a link in the output folder (it could lead outside it); remove the link
serve-refused-special = refused: { $path } is not a plain file
serve-cannot-read-now = { $path } cannot be read just now: { $error }
serve-too-many-pages = too many pages are open; close some
serve-no-host = an HTTP/1.1 request names its Host
serve-bad-request-line = the request line is not `METHOD /path HTTP/1.1`
serve-request-line-not-text = the request line is not text
serve-bad-version = only HTTP/1.0 and HTTP/1.1 are served
serve-bad-header-line = a header line is not `Name: value`
serve-folded-header = folded header lines are not accepted
serve-header-no-colon = a header line has no `:`
serve-bad-header-name = a header's name is not a plain word
serve-header-control = a header's value holds a control character
serve-two-hosts = a request names one Host
serve-path-no-slash = a request path starts with /
serve-bad-percent = a `%` in the path is not followed by two hex digits
serve-path-not-utf8 = the path is not UTF-8

# The pages (page.rs): the panel with the last build's problems, and the page for a missing file.
serve-problems-title = toetsgen: the last build found problems
serve-problems-text = Fix them and save: this page reloads by itself. Until then it shows the documents of the last build that succeeded.
serve-not-found-title = Not found
# HTML: $path is the missing path, escaped.
serve-not-found-text = The output folder has no <code>{ $path }</code>.
serve-all-plans = All plans
serve-warnings-title = toetsgen: warnings from the last build
serve-warnings-text = The documents were made. Read the warnings: they do not stop publishing, but point at something worth improving (a text for the candidate that is too hard, say). This page reloads by itself when you save.
