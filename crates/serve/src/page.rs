//! What `serve` adds to and reads from a request, as pure functions: the request path turned into
//! a [`RelPath`] of the output folder (or refused), the reload script and the problems panel put
//! into a served HTML page (never into the file), the content type of a file, HTML escaping.

use toetsgen_base::lang;

use toetsgen_base::msg;
use toetsgen_document::html::escape;
use toetsgen_output::path::RelPath;

/// The prefix of serve's own addresses; no file of the output folder can have it (hidden names).
pub(crate) const PREFIX: &str = "/__toetsgen/";

/// The script every served HTML page loads: reload when the documents are rebuilt.
pub(crate) const RELOAD_JS: &str = r#"// toetsgen serve: reload this page when the documents are rebuilt.
(function () {
  var events = new EventSource("/__toetsgen/events");
  events.addEventListener("reload", function () { window.location.reload(); });
})();
"#;

/// What a request path names in the output folder.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// A file (or, when it is a folder, the folder whose `index.html` to show); `/` is the
    /// site's start page, `index.html`.
    File(RelPath),
    /// A path that is not a plain path inside the output folder, with the reason.
    Refused(String),
}

/// Reads the path of a request (`/V1/toetsplan.html?x`) as a path inside the output folder. It is
/// percent-decoded first, so an encoded `..` (`%2e%2e`) or `/` (`%2f`) is judged like a plain
/// one; then the rules of [`RelPath`] apply (plain names, no `..`, no hidden names).
pub(crate) fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let Some(path) = path.strip_prefix('/') else {
        return Route::Refused(msg!("serve-path-no-slash"));
    };
    let decoded = match percent_decode(path) {
        Ok(decoded) => decoded,
        Err(why) => return Route::Refused(why),
    };
    let with_index = match decoded.is_empty() || decoded.ends_with('/') {
        true => format!("{decoded}index.html"),
        false => decoded,
    };
    match RelPath::new(&with_index) {
        Ok(rel) => Route::File(rel),
        Err(why) => Route::Refused(why),
    }
}

/// `%XX` escapes turned into their bytes, which must then be UTF-8.
fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
            let byte = byte.ok_or_else(|| msg!("serve-bad-percent"))?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| msg!("serve-path-not-utf8"))
}

/// The content type of a file, by its extension.
pub(crate) fn content_type(rel: &RelPath) -> &'static str {
    let ext = rel.file_name().rsplit_once('.').map(|(_, e)| e);
    match ext.map(str::to_ascii_lowercase).as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("json") => "application/json",
        Some("pdf") => "application/pdf",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => "application/octet-stream",
    }
}

/// A served HTML page: `html` with the reload script and, when the last build had problems,
/// the panel that shows them, both right after the `<body>` tag (or at the start). `stopped`:
/// whether they kept a plan from being built (errors), or are warnings only.
pub(crate) fn inject(html: &str, problems: &[String], stopped: bool) -> String {
    let at = insertion_point(html.as_bytes());
    let added = added(problems, stopped);
    let mut page = String::with_capacity(html.len() + added.len());
    page.push_str(&html[..at]);
    page.push_str(&added);
    page.push_str(&html[at..]);
    page
}

/// Where [`inject`] puts its additions in a page that starts with `start`: right after the
/// `<body …>` tag, or at the start when `start` has none. Always at a character boundary.
pub(crate) fn insertion_point(start: &[u8]) -> usize {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    find(start, b"<body")
        .and_then(|at| find(&start[at..], b">").map(|end| at + end + 1))
        .unwrap_or(0)
}

/// What [`inject`] adds: the reload script and, when there are problems, their panel.
pub(crate) fn added(problems: &[String], stopped: bool) -> String {
    let mut added = format!(r#"<script src="{PREFIX}reload.js"></script>"#);
    if !problems.is_empty() {
        added.push_str(&panel(problems, stopped));
    }
    added
}

/// The problems of the last build as an HTML section, every text escaped: errors as an alert in
/// red, warnings only (the documents were made; the readability of a candidate's text, say) as a
/// calmer note in amber.
fn panel(problems: &[String], stopped: bool) -> String {
    let mut text = String::new();
    for p in problems {
        text.push_str(&escape(p));
        text.push_str("\n\n");
    }
    let (role, colour, title, help) = match stopped {
        true => (
            "alert",
            "#b00020",
            msg!("serve-problems-title"),
            msg!("serve-problems-text"),
        ),
        false => (
            "status",
            "#7a4a00",
            msg!("serve-warnings-title"),
            msg!("serve-warnings-text"),
        ),
    };
    let (lang, title, help) = (lang_code(), escape(&title), escape(&help));
    format!(
        r#"<section lang="{lang}" role="{role}" aria-labelledby="toetsgen-problemen" style="border:3px solid {colour};background:#fff;color:#000;padding:1em;margin:1em;font-family:sans-serif"><h2 id="toetsgen-problemen" style="color:{colour};margin-top:0">{title}</h2><p>{help}</p><pre style="white-space:pre-wrap;overflow-wrap:anywhere">{text}</pre></section>"#
    )
}

/// The language of serve's own texts, as the `lang` attribute names it.
fn lang_code() -> &'static str {
    lang::current().code()
}

/// The page for a path with no file: what was asked for, and the problems if there are any.
pub(crate) fn not_found(rel: &str, problems: &[String], stopped: bool) -> String {
    let (lang, title) = (lang_code(), escape(&msg!("serve-not-found-title")));
    // The catalogue's text is HTML (it puts the path in `<code>`); the path is escaped.
    let missing = msg!("serve-not-found-text", path = escape(rel));
    let all_plans = escape(&msg!("serve-all-plans"));
    let body =
        format!("<main><h1>{title}</h1><p>{missing} <a href=\"/\">{all_plans}</a></p></main>");
    inject(
        &format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>"
        ),
        problems,
        stopped,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Route {
        Route::File(RelPath::new(text).unwrap())
    }

    /// Plain paths name files; folders their index; the query is left out.
    #[test]
    fn plain_paths_are_files() {
        assert_eq!(route("/"), file("index.html"));
        assert_eq!(route("/V1/toetsplan.html?x=1"), file("V1/toetsplan.html"));
        assert_eq!(route("/V1/"), file("V1/index.html"));
        assert_eq!(route("/V1/t%C3%A9st.md"), file("V1/tést.md"));
    }

    /// `..`, encoded or not, absolute and hidden paths and bad escapes are refused.
    #[test]
    fn paths_that_lead_out_are_refused() {
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2FCargo.toml",
            "/..%2fCargo.toml",
            "/V1/..%5c..%5cCargo.toml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/.toetsgen.json",
            "/V1/%00",
            "/%zz",
            "/%c0%ae%c0%ae/Cargo.toml",
            "V1/index.html",
        ] {
            assert!(
                matches!(route(bad), Route::Refused(_)),
                "{bad:?} must be refused"
            );
        }
    }

    /// The script and the escaped problems go right after `<body>`; the page is otherwise kept.
    #[test]
    fn injects_after_body() {
        let page = inject(
            "<html><body class=\"a\"><p>x</p></body></html>",
            &["error: <script>alert(1)</script> & \"q\"".to_owned()],
            true,
        );
        assert!(page.starts_with("<html><body class=\"a\"><script src=\"/__toetsgen/reload.js\">"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
        assert!(page.ends_with("<p>x</p></body></html>"));
        assert!(page.contains(r#"role="alert""#));
        assert!(!inject("<body>x</body>", &[], false).contains("<section"));
    }

    /// Warnings alone (the documents were made) get a calmer panel: a status, not an alert.
    #[test]
    fn warnings_alone_are_a_status() {
        let page = inject(
            "<body>x</body>",
            &["warning: long sentence".to_owned()],
            false,
        );
        assert!(page.contains(r#"role="status""#), "{page}");
        assert!(page.contains("long sentence"));
        assert!(!page.contains(r#"role="alert""#));
    }
}
