//! Every version usable (issue 18): `packet` makes a session's packet from the plan's version in
//! force on the session date, or from the one the session names with `versie:`, and the voorblad
//! says which (the real binary and typst, the PDF read back with pdftotext); `uitslagen` judges
//! each saved form by the version it was made under, from the plan archive when it is not the
//! current one, and lists each result with its version.

use std::path::Path;

use crate::common::*;

const V1: &str = "toetsplannen/V1-dienstverlening.yaml";
const OLD: &str = "Reageert professioneel op emoties";
const NEW: &str = "Reageert altijd professioneel op emoties";

/// Replaces the first `from` after `after` by `to` in the project's file `rel` (which must hold
/// both).
fn edit(dir: &Path, rel: &str, after: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(after).unwrap_or_else(|| panic!("{after}"));
    let at = start + text[start..].find(from).unwrap_or_else(|| panic!("{from}"));
    let changed = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
    std::fs::write(&path, changed).unwrap();
}

/// A project whose V1 has two versions: 2021-09-01, built and so in the plan archive, and
/// 2025-03-01, the current plan, in which V1.13's text changed.
fn v1_in_two_versions() -> tempfile::TempDir {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md"]);
    assert!(
        dir.path()
            .join("toetsplannen/archief/V1/2021-09-01.yaml")
            .is_file()
    );
    edit(dir.path(), V1, "code: V1.13", OLD, NEW);
    edit(
        dir.path(),
        V1,
        "code: V1.13",
        "gewijzigd: 2021-09-01",
        "gewijzigd: 2025-03-01",
    );
    dir
}

/// Writes `sessies/<name>.yaml` for one candidate on `datum`, with `extra` lines after the date.
fn session(dir: &Path, name: &str, datum: &str, extra: &str) -> String {
    let rel = format!("sessies/{name}.yaml");
    std::fs::create_dir_all(dir.join("sessies")).unwrap();
    std::fs::write(
        dir.join(&rel),
        format!(
            "plan: V1\ndatum: {datum}\n{extra}locatie: Stadhuis\nbeoordelaars: [A. de Vries]\nkandidaten:\n  - {{naam: Jan Jansen, nummer: \"1\"}}\n"
        ),
    )
    .unwrap();
    rel
}

/// Makes the packet of `rel`; returns stdout, stderr, the whole text and the voorblad's.
fn packet(dir: &Path, rel: &str) -> (String, String, String, String) {
    let out = run(toetsgen(dir).args(["packet", rel]));
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    let stem = Path::new(rel).file_stem().unwrap().to_str().unwrap();
    let pdf = dir.join(format!("pakketten/{stem}.pdf"));
    let first = run(std::process::Command::new("pdftotext")
        .args(["-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-"));
    let voorblad = collapse(&String::from_utf8_lossy(&first.stdout));
    (stdout, stderr, pdf_text(&pdf), voorblad)
}

/// A session dated before the change gets the old version: V1.13's old text on the forms and
/// the opdracht, the old version on the voorblad and in the summary; no warning.
#[test]
fn a_session_before_the_change_uses_the_old_version() {
    let dir = v1_in_two_versions();
    let rel = session(dir.path(), "voor", "2024-06-01", "");
    let (stdout, stderr, text, voorblad) = packet(dir.path(), &rel);
    assert!(text.contains(OLD), "the old text");
    assert!(!text.contains("altijd professioneel"), "not the new text");
    assert!(
        voorblad.contains("Toetsplan V1: Dienstverlening, versie 1 september 2021"),
        "{voorblad}"
    );
    assert!(
        !text.contains("1 maart 2025"),
        "no trace of the new version"
    );
    assert!(
        stdout.contains("1 candidate for V1 (version 2021-09-01) on 2024-06-01"),
        "{stdout}"
    );
    // No warning about the version (V1's readability warnings are not about it).
    assert!(!stderr.contains("version"), "{stderr}");
}

/// A packet made from an archived version is the same bytes as the packet of the same session
/// made while that version was the current plan.
#[test]
fn an_archived_version_gives_the_packet_of_its_time() {
    let dir = v1_in_two_versions();
    let rel = session(dir.path(), "voor", "2024-06-01", "");
    packet(dir.path(), &rel);
    let then = project(&[&seed_v1()]);
    session(then.path(), "voor", "2024-06-01", "");
    packet(then.path(), &rel);
    let read = |d: &Path| std::fs::read(d.join("pakketten/voor.pdf")).unwrap();
    assert!(read(dir.path()) == read(then.path()), "the packets differ");
}

/// A session dated after the change gets the new version, text and voorblad.
#[test]
fn a_session_after_the_change_uses_the_new_version() {
    let dir = v1_in_two_versions();
    let rel = session(dir.path(), "na", "2026-12-03", "");
    let (stdout, _, text, voorblad) = packet(dir.path(), &rel);
    assert!(text.contains(NEW), "the new text");
    assert!(!text.contains(OLD), "not the old text");
    assert!(
        voorblad.contains("Toetsplan V1: Dienstverlening, versie 1 maart 2025"),
        "{voorblad}"
    );
    assert!(stdout.contains("(version 2025-03-01)"), "{stdout}");
}

/// A session that names a version with `versie:` gets it, with a warning at that line that it
/// is not the version in force on the session date.
#[test]
fn an_explicit_version_is_used_with_a_warning() {
    let dir = v1_in_two_versions();
    let rel = session(
        dir.path(),
        "expliciet",
        "2026-12-03",
        "versie: 2021-09-01\n",
    );
    let (stdout, stderr, text, voorblad) = packet(dir.path(), &rel);
    assert!(text.contains(OLD) && !text.contains("altijd professioneel"));
    assert!(voorblad.contains("versie 1 september 2021"), "{voorblad}");
    assert!(stdout.contains("(version 2021-09-01)"), "{stdout}");
    assert!(
        stderr.contains(
            "warning: the session asks for version 2021-09-01 of plan V1, but version 2025-03-01 was in force on the session date (3 december 2026)\n --> sessies/expliciet.yaml:3:9"
        ),
        "{stderr}"
    );
}

/// A session that names a version that does not exist is refused at the `versie` line, with
/// the versions that do; nothing is made.
#[test]
fn an_unknown_explicit_version_is_refused() {
    let dir = v1_in_two_versions();
    let rel = session(dir.path(), "onbekend", "2026-12-03", "versie: 2023-01-01\n");
    let out = run(toetsgen(dir.path()).args(["packet", &rel]));
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // The error, after V1's readability warnings.
    let first = stderr
        .split("\n\n")
        .find(|b| b.starts_with("error"))
        .unwrap();
    assert_eq!(
        first,
        "error: plan V1 has no version 2023-01-01
 --> sessies/onbekend.yaml:3:9
  |
3 | versie: 2023-01-01
  |         ^^^^^^^^^^
  |
  = help: the versions of V1 (the plan and its archive, `archief/V1/` in the plans folder) are 2021-09-01 and 2025-03-01 (the current one); name one of them, or leave `versie` out to use the one in force on the session date (2025-03-01)"
    );
    assert!(!dir.path().join("pakketten").exists());
}

/// A session dated before every version is refused at its date (not given a version that was
/// not in force), saying how to go on.
#[test]
fn a_session_before_every_version_is_refused() {
    let dir = v1_in_two_versions();
    let rel = session(dir.path(), "vroeg", "2020-01-15", "");
    let out = run(toetsgen(dir.path()).args(["packet", &rel]));
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: plan V1 had no version in force on the session date (15 januari 2020): its oldest version dates from 1 september 2021\n --> sessies/vroeg.yaml:2:8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("The versions of V1 are 2021-09-01 and 2025-03-01 (the current one)"),
        "{stderr}"
    );
    assert!(stderr.contains("`versie: 2021-09-01`"), "{stderr}");
    assert!(!dir.path().join("pakketten").exists());
}

/// An archived version edited by hand so that it no longer passes check makes no packet: the
/// refusal names the archived file and its error.
#[test]
fn a_broken_archived_version_makes_no_packet() {
    let dir = v1_in_two_versions();
    let archived = "toetsplannen/archief/V1/2021-09-01.yaml";
    let rel = session(dir.path(), "voor", "2024-06-01", "");
    let refusal = format!(
        "error: version 2021-09-01 of plan V1, which the session uses, does not pass check in the plan archive ({archived})"
    );
    let broken = [
        (
            "code: V1.13",
            "code: X1.13",
            "toetsterm code `X1.13` does not start with the plan code `V1`",
        ),
        ("niveaus: [PV]", "niveaus: [XX]", "unknown level `XX`"),
    ];
    let original = std::fs::read_to_string(dir.path().join(archived)).unwrap();
    for (from, to, error) in broken {
        std::fs::write(dir.path().join(archived), &original).unwrap();
        edit(dir.path(), archived, "code: V1.13", from, to);
        let out = run(toetsgen(dir.path()).args(["packet", &rel]));
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(&refusal), "{stderr}");
        assert!(stderr.contains(error), "{stderr}");
        assert!(stderr.contains(&format!("--> {archived}:")), "{stderr}");
    }
    assert!(!dir.path().join("pakketten").exists());
}

const F1: &str = "toetsplannen/F1-formulier.yaml";

/// A project whose F1 has two versions: 2024-01-01, built and so archived, and 2025-03-01, the
/// current plan, which adds toetsterm F1.06 and makes F1.03 verplicht.
fn f1_in_two_versions() -> tempfile::TempDir {
    let dir = project(&[&fixture("plans/F1-formulier.yaml")]);
    build_ok(dir.path(), &["--format", "md"]);
    edit(
        dir.path(),
        F1,
        "",
        "verplicht: [F1.02]",
        "verplicht: [F1.02, F1.03]",
    );
    let text = std::fs::read_to_string(dir.path().join(F1)).unwrap();
    let added = "      - code: F1.06\n        tekst: Controleert of de klant alles heeft begrepen.\n        gewijzigd: 2025-03-01\n        niveaus: [RV]\n";
    std::fs::write(dir.path().join(F1), format!("{text}{added}")).unwrap();
    dir
}

/// A saved form of F1 of `versie` with these judgements, as the HTML form writes it.
fn form(dir: &Path, name: &str, versie: &str, oordelen: &[(&str, &str)]) -> String {
    let waarden: serde_json::Map<String, serde_json::Value> = (oordelen.iter())
        .map(|(code, o)| (format!("t.{code}.oordeel"), (*o).into()))
        .collect();
    let json = serde_json::json!({
        "formaat": "toetsgen-beoordelingsformulier",
        "formaatversie": 1,
        "plan": "F1",
        "versie": versie,
        "kandidaat": {"naam": name, "gemeente": "Utrecht", "beoordelaar": "C. Pieters", "datum": "2026-11-20"},
        "waarden": waarden,
    });
    let file = format!("{name}.json");
    std::fs::write(dir.join(&file), json.to_string()).unwrap();
    file
}

/// One form of each version, with the same judgements where both versions have the toetsterm:
/// F1.03 onvoldoende passes under version 1 (4 of 5, only F1.02 verplicht) and fails under
/// version 2 (F1.03 verplicht); each row names its version, and the summary and the Markdown
/// list say that two versions judged. A version-2 form without F1.06 is refused for it, and a
/// form of a version that never existed is refused naming the versions that do.
#[test]
fn each_form_is_judged_by_its_own_version() {
    let dir = f1_in_two_versions();
    let same = [
        ("F1.01", "voldoende"),
        ("F1.02", "voldoende"),
        ("F1.03", "onvoldoende"),
        ("F1.04", "voldoende"),
        ("F1.05", "voldoende"),
    ];
    let with_06: Vec<(&str, &str)> = same
        .iter()
        .copied()
        .chain([("F1.06", "voldoende")])
        .collect();
    let files = [
        form(dir.path(), "Oud", "2024-01-01", &same),
        form(dir.path(), "Nieuw", "2025-03-01", &with_06),
        form(dir.path(), "Onvolledig", "2025-03-01", &same),
        form(dir.path(), "Vreemd", "2023-06-01", &same),
    ];
    let out = run(toetsgen(dir.path())
        .args(["uitslagen", "-o", "lijst"])
        .args(&files));
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let csv = std::fs::read_to_string(dir.path().join("lijst.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(
        rows,
        [
            "F1;2024-01-01;;Oud;Utrecht;geslaagd;;C. Pieters;2026-11-20;geslaagd;geslaagd: 4 van 5 toetstermen voldoende (minimaal 4), alle verplichte voldoende;Oud.json;;;;;",
            "F1;2025-03-01;;Nieuw;Utrecht;niet geslaagd;;C. Pieters;2026-11-20;niet geslaagd;niet geslaagd: F1.03 is verplicht en onvoldoende;Nieuw.json;;;;;",
        ]
    );
    assert!(
        stdout.contains("F1: forms of 2 versions, each judged by its own (2024-01-01: 1 form, 2025-03-01: 1 form); the column `versie` says which"),
        "{stdout}"
    );
    let md = std::fs::read_to_string(dir.path().join("lijst.md")).unwrap();
    assert!(
        md.contains("- F1: versie 1 januari 2024 (1 formulier), versie 1 maart 2025 (1 formulier)"),
        "{md}"
    );
    assert!(
        stderr.contains("Onvolledig.json: no judgement for F1.06"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Vreemd.json: it was saved against version 2023-06-01 of plan F1, which is neither the plan's current version nor in its plan archive; the versions of F1 are 2024-01-01 and 2025-03-01 (the current one)"),
        "{stderr}"
    );
}

/// Forms of a single version say nothing about versions beyond their column.
#[test]
fn forms_of_one_version_need_no_note() {
    let dir = f1_in_two_versions();
    let same = [
        ("F1.01", "voldoende"),
        ("F1.02", "voldoende"),
        ("F1.03", "voldoende"),
        ("F1.04", "voldoende"),
        ("F1.05", "voldoende"),
    ];
    let file = form(dir.path(), "Oud", "2024-01-01", &same);
    let out = run(toetsgen(dir.path()).args(["uitslagen", &file]));
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(!stdout.contains("versions"), "{stdout}");
    let md = std::fs::read_to_string(dir.path().join("uitslagen/uitslagen.md")).unwrap();
    assert!(!md.contains("Beoordeeld volgens"), "{md}");
    assert!(md.contains("| 2024-01-01 |"), "{md}");
}
