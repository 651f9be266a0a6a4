//! `toetsgen import` as the office uses it: the seed (as text export and as Word document) gives
//! the repository's V1 plan; other exports import as pinned; every problem is reported with its
//! place, and nothing is written then; an existing file is never overwritten without --force.

use std::path::Path;

use crate::common::*;

/// Imports `source` in a scratch folder; returns (exit code, stderr, written YAML if any).
fn import(source: &Path, extra: &[&str]) -> (i32, String, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = run(toetsgen(dir.path())
        .arg("import")
        .arg(source)
        .args(["-o", "plan.yaml"])
        .args(extra));
    let (_, stderr) = texts(&out);
    let yaml = std::fs::read_to_string(dir.path().join("plan.yaml")).ok();
    (out.status.code().unwrap_or(-1), stderr, yaml)
}

fn parse(yaml: &str) -> toetsgen::plan::model::Toetsplan {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

/// The repository's V1 plan, read from its fixture copy.
fn repository_v1() -> toetsgen::plan::model::Toetsplan {
    toetsgen::plan::load::load(&seed_v1()).unwrap().plan
}

/// The seed's text export imports to a plan equal, field by field, to the repository's V1.
#[test]
fn seed_text_export_gives_the_v1_plan() {
    let (code, stderr, yaml) = import(&fixture("seed-V1.txt"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(parse(&yaml.unwrap()), repository_v1());
    assert!(
        stderr.contains("note: beoordeling: 5 waarnemingen \"Klantgesprek\""),
        "the derived beoordeling is said: {stderr}"
    );
}

/// A Word document holding the seed's tables imports to the same plan.
#[test]
fn seed_word_document_gives_the_v1_plan() {
    let (code, stderr, yaml) = import(&fixture("import/seed-V1.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(parse(&yaml.unwrap()), repository_v1());
}

/// Building the imported plan gives the same documents as building the repository's plan.
#[test]
fn imported_plan_builds_identical_documents() {
    let dir = project(&[]);
    exits(
        toetsgen(dir.path())
            .arg("import")
            .arg(fixture("seed-V1.txt")),
        0,
        &[],
    );
    assert!(
        dir.path()
            .join("toetsplannen/V1-dienstverlening.yaml")
            .is_file(),
        "default file name"
    );
    build_ok(dir.path(), &[]);
    let reference = project(&[&seed_v1()]);
    build_ok(reference.path(), &[]);
    for doc in [
        "toetsplan",
        "beoordelingsformulier",
        "instructie-beoordelaar",
        "opdracht-kandidaat",
    ] {
        for ext in ["md", "html", "pdf"] {
            let name = format!("output/V1/{doc}.{ext}");
            assert!(
                std::fs::read(dir.path().join(&name)).unwrap()
                    == std::fs::read(reference.path().join(&name)).unwrap(),
                "{name} differs"
            );
        }
    }
}

/// Every case under tests/fixtures/import/: a source that imports gives exactly its expected
/// YAML (which passes `toetsgen check`); a source with problems gives exactly its expected messages,
/// places included, exit code 1, and writes nothing.
#[test]
fn import_cases_give_their_pinned_outcome() {
    let mut cases: Vec<_> = std::fs::read_dir(fixture("import"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let source = ["source.txt", "source.docx"]
            .iter()
            .map(|f| case.join(f))
            .find(|p| p.exists())
            .expect("a source");
        let dir = tempfile::tempdir().unwrap();
        let out = run(toetsgen(dir.path())
            .arg("import")
            .arg(&source)
            .args(["-o", "plan.yaml"]));
        let (_, stderr) = texts(&out);
        let stderr = stderr.replace(&source.display().to_string(), "source");
        let written = std::fs::read_to_string(dir.path().join("plan.yaml")).ok();
        let actual = match (name.starts_with("ok-"), &written) {
            (true, Some(yaml)) => yaml.replace(&source.display().to_string(), "source"),
            (true, None) => {
                failures.push(format!("{name}: did not import: {stderr}"));
                continue;
            }
            (false, Some(_)) => {
                failures.push(format!("{name}: wrote a plan despite its problems"));
                continue;
            }
            (false, None) => format!("exit code: {}\n{stderr}", out.status.code().unwrap_or(-1)),
        };
        if name.starts_with("ok-") {
            let check = run(toetsgen(dir.path()).args(["check", "--plans", "."]));
            if !check.status.success() {
                failures.push(format!(
                    "{name}: the imported plan fails check: {:?}",
                    texts(&check)
                ));
            }
        }
        insta::with_settings!({
            snapshot_path => &case,
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("toetsgen import {} (the YAML written, or the problems)", source.file_name().unwrap().to_string_lossy()),
        }, {
            insta::assert_snapshot!("expected", actual);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An existing file is not overwritten unless --force is given.
#[test]
fn existing_file_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), "van iemand anders").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path())
            .arg("import")
            .arg(fixture("seed-V1.txt"))
            .args(["-o", "plan.yaml"]),
        1,
        &[],
    );
    insta::assert_snapshot!(stderr, @"error: plan.yaml already exists: give another file with -o, or overwrite it with --force");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        "van iemand anders"
    );
    exits(
        toetsgen(dir.path())
            .arg("import")
            .arg(fixture("seed-V1.txt"))
            .args(["-o", "plan.yaml", "--force"]),
        0,
        &[],
    );
    assert_eq!(
        parse(&std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap()),
        repository_v1()
    );
}

/// A .docx holding `xml` as its word/document.xml, stored uncompressed.
fn docx_with(dir: &Path, name: &str, xml: &str) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    path
}

fn document(body: &str) -> String {
    format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

/// Imports a hostile source; asserts exit code 1 and that no YAML was written; returns stderr
/// with the source's path replaced by "source".
fn refused(source: &Path) -> String {
    let (code, stderr, yaml) = import(source, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(yaml.is_none(), "nothing may be written: {stderr}");
    stderr.replace(&source.display().to_string(), "source")
}

/// A cell claiming to span two thousand million columns is refused with its table and row (it
/// once sized a loop pushing that many cells).
#[test]
fn docx_huge_grid_span_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cell = |props: &str, text: &str| {
        format!("<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    };
    let xml = document(&format!(
        "<w:tbl><w:tblGrid>{}</w:tblGrid><w:tr>{}</w:tr><w:tr>{}</w:tr></w:tbl>",
        "<w:gridCol/>".repeat(8),
        cell("", "a"),
        cell(r#"<w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>"#, "b")
    ));
    let source = docx_with(dir.path(), "gridspan.docx", &xml);
    assert_eq!(
        refused(&source),
        "error: cannot read the Word document source: table 1, row 2: a cell spans \"2000000000\" columns (w:gridSpan), but the table has 8 (w:tblGrid): the document is damaged or was not made by Word; open it in Word and save it again\n"
    );
}

/// 50,000 content controls nested in each other are refused with a message (walking them once
/// recursed and overflowed the stack: an abort without any message).
#[test]
fn docx_deeply_nested_content_controls_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let n = 50_000;
    let xml = document(&format!(
        "{}<w:p><w:r><w:t>diep</w:t></w:r></w:p>{}",
        "<w:sdt><w:sdtContent>".repeat(n),
        "</w:sdtContent></w:sdt>".repeat(n)
    ));
    let source = docx_with(dir.path(), "nested.docx", &xml);
    assert_eq!(
        refused(&source),
        "error: cannot read the Word document source: the body of the document: content controls (w:sdt) are nested more than 64 deep, the limit (Word documents nest a few): remove the content controls (Developer → Design Mode, or save a copy as a Word document without them)\n"
    );
}

/// A .docx whose word/document.xml unpacks to 1 GiB of zeros (6.5 MB on disk) is refused after
/// reading the 8 MiB allowed, whatever size the archive states.
#[test]
fn docx_decompression_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("zeros.docx");
    std::fs::write(&source, zip_of_zeros(1 << 30)).unwrap();
    assert_eq!(
        refused(&source),
        "error: cannot read the Word document source: word/document.xml unpacks to more than 8 MiB, the limit (a toetsplan's is about 0.2 MiB): save the document again from Word, or split it into one document per toetsplan\n"
    );
}

/// A zip archive whose only entry, word/document.xml, deflates to about `len` zero bytes: one
/// fixed-Huffman block of a literal zero and matches of 258 bytes at distance 1, written bit by
/// bit (compressing a gigabyte in a test would take too long).
fn zip_of_zeros(len: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first (deflate's order for header fields).
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, count: u32) {
            let reversed = (0..count).fold(0, |r, i| r | ((code >> i) & 1) << (count - 1 - i));
            self.put(reversed, count);
        }
    }
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the final block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0b0011_0000, 8); // the literal 0
    let matches = (len - 1) / 258;
    for _ in 0..matches {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1 (code 0)
    }
    bits.code(0, 7); // end of block (code 256)
    bits.put(0, 7); // to a whole byte
    let data = bits.out;
    let size = (1 + matches * 258) as u32;
    let name = b"word/document.xml";
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    // The checksum is never reached: reading stops at the limit.
    let fields = |out: &mut Vec<u8>| {
        for part in [
            &le16(20)[..],
            &le16(0),
            &le16(8),
            &le16(0),
            &le16(0x21),
            &le32(0),
        ] {
            out.extend_from_slice(part);
        }
        out.extend_from_slice(&le32(data.len() as u32));
        out.extend_from_slice(&le32(size));
        out.extend_from_slice(&le16(name.len() as u16));
        out.extend_from_slice(&le16(0));
    };
    let mut zip = le32(0x0403_4b50).to_vec();
    fields(&mut zip);
    zip.extend_from_slice(name);
    zip.extend_from_slice(&data);
    let central = zip.len() as u32;
    zip.extend_from_slice(&le32(0x0201_4b50));
    zip.extend_from_slice(&le16(20));
    fields(&mut zip);
    for part in [&le16(0)[..], &le16(0), &le16(0), &le32(0), &le32(0)] {
        zip.extend_from_slice(part);
    }
    zip.extend_from_slice(name);
    let central_len = zip.len() as u32 - central;
    zip.extend_from_slice(&le32(0x0605_4b50));
    for part in [&le16(0)[..], &le16(0), &le16(1), &le16(1)] {
        zip.extend_from_slice(part);
    }
    zip.extend_from_slice(&le32(central_len));
    zip.extend_from_slice(&le32(central));
    zip.extend_from_slice(&le16(0));
    zip
}

/// A text export over 8 MiB is refused before it is read whole.
#[test]
fn text_export_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("groot.txt");
    std::fs::write(&source, "a\n".repeat(4 * 1024 * 1024 + 1)).unwrap();
    assert_eq!(
        refused(&source),
        "error: cannot read the text export source: it is larger than 8 MiB, the limit for a text export (a toetsplan's export is about 10 KB): check that it is the export of one toetsplan, or split it into one file per toetsplan\n"
    );
}

/// The V1 plan (its fixture copy) and every fixture plan, written back by the import's YAML
/// writer, reads back equal to itself: no field of the model is lost.
#[test]
fn yaml_writer_round_trips_every_plan_fixture() {
    let mut files: Vec<_> = ["tests/fixtures/seed", "tests/fixtures/plans"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root().join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let plan = parse(&std::fs::read_to_string(&file).unwrap());
        let written = toetsgen::import::yaml::to_yaml(&plan, "fixture");
        assert_eq!(parse(&written), plan, "{}:\n{written}", file.display());
    }
}

/// A plan using every optional field with values other than the defaults, and texts that
/// plain YAML cannot hold as they are, reads back equal to itself.
#[test]
fn yaml_writer_round_trips_every_field() {
    use toetsgen::plan::model::*;
    let date = |s: &str| Datum(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    let term = |code: &str, tekst: &str, niveaus: Vec<Niveau>, aantal: Option<u32>| Toetsterm {
        code: code.to_owned(),
        tekst: tekst.to_owned(),
        gewijzigd: date("2022-03-04"),
        niveaus,
        aantal_opdrachten: aantal,
    };
    let mut plan = Toetsplan {
        code: "X1".to_owned(),
        naam: "Naam: met #hekje en 'quotes'".to_owned(),
        omschrijving: Some("Eerste regel\n  ingesprongen\n\nNa een lege regel".to_owned()),
        ingangsdatum: date("2021-09-01"),
        toetsvorm: Some("Rollenspel op basis van drie rollenspellen".to_owned()),
        toegestane_tijd: Some("eindigt op een regeleinde\n".to_owned()),
        aantal_vragen: Some(AantalVragen::Tekst("40".to_owned())),
        cesuur: Some("  begint met spaties, eindigt met een tab\t".to_owned()),
        scoringsregels: Some("true".to_owned()),
        hulpmiddelen: Some("- geen".to_owned()),
        instructies: Some("regel\u{2028}scheiding en \"aanhalingstekens\" en \\".to_owned()),
        taalniveau: None,
        totaal_opdrachten: Some(3),
        beoordeling: Some(Beoordeling {
            waarnemingen: 3,
            waarneming: "Rollenspel".to_owned(),
            schaal: vec![
                "onvoldoende".to_owned(),
                "voldoende, met opmerkingen".to_owned(),
                "goed".to_owned(),
            ],
            minimaal_voldoende: Some(2),
            verplicht: vec!["X1.02".to_owned()],
            ..Beoordeling::default()
        }),
        concept: true,
        gewijzigd: Some(date("2022-03-04")),
        correcties: vec![Correctie {
            datum: date("2022-05-01"),
            reden: "typefout: \"zo'n\" # geen commentaar".to_owned(),
        }],
        onderdelen: vec![
            Onderdeel {
                naam: "Een onderdeel met een naam die langer is dan zestig tekens, dus gevouwen"
                    .to_owned(),
                toetstermen: vec![
                    term("X1.01", "Kan iets.", vec![Niveau::K, Niveau::PV], Some(1)),
                    term(
                        "X1.02",
                        "Regel\n\n#geen commentaar",
                        vec![Niveau::B],
                        Some(2),
                    ),
                ],
            },
            Onderdeel {
                naam: "Leeg".to_owned(),
                toetstermen: Vec::new(),
            },
        ],
    };
    let written = toetsgen::import::yaml::to_yaml(&plan, "hand");
    assert_eq!(parse(&written), plan, "{written}");
    assert!(
        written.contains("  minimaal_voldoende: 2\n  verplicht: [X1.02]\n"),
        "{written}"
    );
    plan.aantal_vragen = Some(AantalVragen::Aantal(40));
    plan.beoordeling.as_mut().unwrap().schaal = vec!["slecht".to_owned(), "goed".to_owned()];
    let written = toetsgen::import::yaml::to_yaml(&plan, "hand");
    assert_eq!(parse(&written), plan, "{written}");
    assert!(written.contains("  schaal: [slecht, goed]\n"), "{written}");
    plan.beoordeling = Some(Beoordeling {
        soort: Soort::Vragen,
        minimaal_goed: Some(2),
        ..Beoordeling::default()
    });
    let written = toetsgen::import::yaml::to_yaml(&plan, "hand");
    assert_eq!(parse(&written), plan, "{written}");
    assert!(
        written.contains("beoordeling:\n  soort: vragen\n  minimaal_goed: 2\n"),
        "{written}"
    );
}
