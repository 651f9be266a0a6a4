//! The messages of the input side in Dutch, the default language: a session file with errors and
//! a candidates' export with a broken row (each with its file and line), saved forms refused by
//! `uitslagen`, a damaged Word document and a text export with problems given to `importeer`.
//! The English texts are pinned by the other modules (`packet`, `sessions`, `uitslagen`,
//! `import`).

use std::path::Path;

use crate::common::{exits, fixture, in_dutch, project, seed_v1, toetsgen};

/// `stderr` without its warnings: the plans' readability warnings (V1's and F1's texts for the
/// candidate are above taalniveau 2F) come before the errors these tests pin.
fn without_warnings(stderr: &str) -> String {
    (stderr.split("\n\n"))
        .filter(|block| !block.starts_with("warning"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `dir`'s session folder with `name` holding `text`.
fn session(dir: &Path, name: &str, text: &str) {
    let sessies = dir.join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    std::fs::write(sessies.join(name), text).unwrap();
}

/// A session with a time that is no time and a candidate number given twice: each error at its
/// place in the session file, with its advice, and no packet.
#[test]
fn a_bad_session_file_in_dutch() {
    let dir = project(&[&seed_v1()]);
    session(
        dir.path(),
        "fout.yaml",
        "plan: V1\ndatum: 2026-12-03\ntijd: \"9.30\"\nlocatie: Stadhuis\nbeoordelaars: [A. de Vries]\nkandidaten:\n  - {naam: Jan Jansen, nummer: \"7\"}\n  - {naam: Piet Peters, nummer: \"7\"}\n",
    );
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["pakket", "sessies/fout.yaml"]),
        1,
        &["sessies/fout.yaml:3:7", "sessies/fout.yaml:8:"],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @r#"
    error: `9.30` is geen tijd
     --> sessies/fout.yaml:3:7
      |
    3 | tijd: "9.30"
      |       ^^^^^^
      |
      = help: schrijf de begintijd als uren en minuten, bijvoorbeeld "09:30" (met de aanhalingstekens)

    error: kandidaatnummer `7` staat er twee keer (eerst op regel 7)
     --> sessies/fout.yaml:8:33
      |
    8 |   - {naam: Piet Peters, nummer: "7"}
      |                                 ^^^
      |
      = help: elke kandidaat heeft een eigen nummer: controleer beide rijen

    no packet made for sessies/fout.yaml: 2 errors (see above)
    "#);
}

/// A session whose plan code does not exist, and one whose candidates' export has a row with a
/// field too many: the export's line is named.
#[test]
fn an_unknown_plan_and_a_broken_export_in_dutch() {
    let dir = project(&[&seed_v1()]);
    session(
        dir.path(),
        "onbekend.yaml",
        "plan: X9\ndatum: 2026-12-03\nlocatie: A\nbeoordelaars: [B]\nkandidaten: [{naam: C, nummer: \"1\"}]\n",
    );
    session(
        dir.path(),
        "lijst.yaml",
        "plan: V1\ndatum: 2026-12-03\nlocatie: A\nbeoordelaars: [B]\nkandidaten_bestand: lijst.csv\n",
    );
    session(
        dir.path(),
        "lijst.csv",
        "naam;nummer\nJan Jansen;1\nPiet Peters;2;Delft\n",
    );
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["pakket", "sessies/onbekend.yaml"]),
        1,
        &[],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @r"
    error: er is geen toetsplan met de code `X9`
     --> sessies/onbekend.yaml:1:7
      |
    1 | plan: X9
      |       ^^
      |
      = help: de gevonden toetsplannen zijn: V1; controleer de code, of geef de map met toetsplannen met --plans

    no packet made for sessies/onbekend.yaml: 1 error (see above)
    ");
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["pakket", "sessies/lijst.yaml"]),
        1,
        &[],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @r"
    error: deze rij heeft 3 velden, te veel: de kopregel heeft er 2
     --> sessies/lijst.csv:3:1
      |
    3 | Piet Peters;2;Delft
      | ^^^^^^^^^^^^^^^^^^^
      |
      = help: velden zijn gescheiden door `;` (zoals in de kopregel); zet een veld dat `;` bevat tussen dubbele aanhalingstekens, en geef elke kolom een waarde of laat hem leeg

    no packet made for sessies/lijst.yaml: 1 error (see above)
    ");
}

/// A file that is not a saved form, and a form of a version of F1 that is neither current nor
/// archived: each refused by name with the reason, nothing written.
#[test]
fn refused_forms_in_dutch() {
    let dir = project(&[&fixture("plans/F1-formulier.yaml")]);
    std::fs::write(
        dir.path().join("ander.json"),
        "{\"formaat\": \"iets anders\"}",
    )
    .unwrap();
    std::fs::copy(fixture("uitslagen/oud.json"), dir.path().join("oud.json")).unwrap();
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["uitslagen", "ander.json", "oud.json"]),
        1,
        &[],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @"
    error: ander.json: geen opgeslagen beoordelingsformulier: missing field `formaatversie` at line 1 column 26 (sla het formulier opnieuw op met Opslaan)

    error: oud.json: het is opgeslagen met versie 2023-06-01 van plan F1; dat is niet de huidige versie van het toetsplan en die versie staat ook niet in het archief; de versies van F1 zijn 2024-01-01 (de huidige). Is die versie gepubliceerd voordat het archief werd bijgehouden, zet dan het toetsplan van die versie (uit het versiebeheer) in toetsplannen/archief/F1/2023-06-01.yaml en verzamel opnieuw; open anders het bestand in het huidige formulier, controleer elke waarde aan de hand van de huidige toetstermen en sla het opnieuw op

    Nothing written: every form was refused (see above); uitslagen/uitslagen.csv and uitslagen/uitslagen.md are left as they were
    ");
}

/// A Word document that is no zip archive, and one whose XML breaks off: refused with what is
/// wrong and how to fix it, nothing written.
#[test]
fn a_damaged_word_document_in_dutch() {
    let dir = project(&[]);
    std::fs::write(dir.path().join("kapot.docx"), b"PK\x03\x04 geen zip").unwrap();
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["importeer", "kapot.docx"]),
        1,
        &[],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @r#"fout: kan het Word-document kapot.docx niet lezen: het bestand is geen Word-document (geen zip-archief): sla het in Word op als "Word-document (.docx)"; haal bij een document met een wachtwoord eerst het wachtwoord weg: invalid Zip archive: Could not find EOCD"#);
    let mut docx = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    docx.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(
        &mut docx,
        br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>"#,
    )
    .unwrap();
    let bytes = docx.finish().unwrap().into_inner();
    std::fs::write(dir.path().join("afgebroken.docx"), bytes).unwrap();
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["importeer", "afgebroken.docx"]),
        1,
        &[],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @"fout: kan het Word-document afgebroken.docx niet lezen: word/document.xml is geen geldige XML (the root node was opened but never closed): het document is beschadigd; open het in Word en sla het opnieuw op");
}

/// A text export with control characters in two rows: each problem with its line, nothing
/// written.
#[test]
fn import_problems_in_dutch() {
    let dir = project(&[]);
    let source = fixture("import/problem-control-characters/source.txt");
    std::fs::copy(&source, dir.path().join("plan.txt")).unwrap();
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["importeer", "plan.txt"]),
        1,
        &["plan.txt: regel 14"],
    );
    insta::assert_snapshot!(without_warnings(&stderr), @"
    error: cel 2 bevat de stuurtekens U+0007, U+0000, en die kunnen niet in een toetsplan staan (Word toont ze niet): typ de tekst van die cel opnieuw en sla het document dan opnieuw op of exporteer het opnieuw
      --> plan.txt: regel 14

    error: cel 2 bevat het stuurteken U+001B, en dat kan niet in een toetsplan staan (Word toont het niet): typ de tekst van die cel opnieuw en sla het document dan opnieuw op of exporteer het opnieuw
      --> plan.txt: regel 23

    Nothing written: 2 problems to fix in plan.txt
    ");
}
