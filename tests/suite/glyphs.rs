//! `check` finds every character the PDF fonts cannot show before typst fails on it (issue 20,
//! item 11): in a plan's texts (pinned, with file, line and column) and in a session's candidate
//! names; a build of Markdown and HTML only still makes the plan.

use crate::common::{exits, fixture, project, seed_v1, toetsgen};

/// Chinese, Japanese, Korean, Thai, Tamil and a private-use character in a toetsterm: each named
/// with its code point, at the toetsterm's line.
#[test]
fn check_names_characters_the_fonts_lack() {
    let dir = project(&[]);
    let plan = std::fs::read_to_string(seed_v1()).unwrap().replacen(
        "Kan actief hulp bieden aan de klant.",
        "Kan actief hulp bieden aan de klant 李明 ひらがな 한국어 ไทย தமிழ் \u{E000}.",
        1,
    );
    std::fs::write(dir.path().join("toetsplannen/V1.yaml"), &plan).unwrap();
    let (_, stderr) = exits(toetsgen(dir.path()).arg("check"), 1, &[]);
    // The error, after V1's readability warnings.
    let error = &stderr[stderr.find("error: ").expect("an error")..];
    let first = error.lines().take(2).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(first, @r"
    error: `tekst` holds 李 (U+674E), 明 (U+660E), ひ (U+3072), ら (U+3089), が (U+304C) and 13 more, which the fonts of the PDFs cannot show
      --> toetsplannen/V1.yaml:25:11
    ");
    exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        0,
        &[],
    );
}

/// A candidate whose name the fonts cannot show stops the packet with the session's line.
#[test]
fn a_session_names_characters_the_fonts_lack() {
    let dir = project(&[&seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    let session =
        std::fs::read_to_string(fixture("sessions/pakket/2026-12-03-den-haag.yaml")).unwrap();
    std::fs::write(
        sessies.join("s.yaml"),
        session.replacen("Jan Jansen", "李明", 1),
    )
    .unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", "sessies/s.yaml"]),
        1,
        &[
            "`naam` holds 李 (U+674E), which the fonts of the packet cannot show",
            "sessies/s.yaml:",
        ],
    );
}
