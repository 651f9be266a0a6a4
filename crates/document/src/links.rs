//! Where a link in a document may point: the web, e-mail, a place in the document, or another
//! file of the output folder — never a script (`javascript:`) or any other scheme. A relative link
//! to a Markdown document is pointed at the same document in the format being written.

/// Links may point to the web, to e-mail, within the document, or to a relative path (another
/// document of the output folder); no other scheme (such as `javascript:`).
pub(crate) fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        Some(s) => matches!(s, "https" | "http" | "mailto"),
        None => true,
    }
}

/// A relative link to a Markdown document, pointed at the same document in `extension`
/// (`versies/2021-09-01/toetsplan.md` → `….html`); other links stay as they are.
pub(crate) fn retarget_markdown_link(url: &str, extension: &str) -> String {
    let (path, anchor) = url
        .split_once('#')
        .map_or((url, None), |(p, a)| (p, Some(a)));
    match path.strip_suffix(".md") {
        Some(stem) if !url.contains(':') => match anchor {
            Some(a) => format!("{stem}.{extension}#{a}"),
            None => format!("{stem}.{extension}"),
        },
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only web, mail and relative links are safe.
    #[test]
    fn safe_schemes() {
        assert!(is_safe_url("https://x.nl/a"));
        assert!(is_safe_url("mailto:a@b.nl"));
        assert!(is_safe_url("versies/2021-09-01/toetsplan.md"));
        assert!(is_safe_url("#kop"));
        assert!(!is_safe_url(" JavaScript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
    }

    /// Markdown links follow the format; others stay.
    #[test]
    fn retargets_markdown_links() {
        assert_eq!(retarget_markdown_link("a/b.md#x", "pdf"), "a/b.pdf#x");
        assert_eq!(
            retarget_markdown_link("https://x.nl/b.md", "pdf"),
            "https://x.nl/b.md"
        );
    }
}
