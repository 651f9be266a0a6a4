//! The reader of scanned forms (issue 23) on scans the test makes itself: a packet of 24
//! candidates, each form page rendered by pdftoppm at 150, 200 or 300 dpi, marked like a pen
//! would from ground truth drawn at random with a fixed seed (ticks, crosses, boxes filled in
//! to cancel, light pencil, a tick straying over the border, and ambiguous marks: both choices
//! ticked, none, a faint dot), then turned (0°, 90°, 180° or 270° and up to ±5° of skew), made
//! noisy, JPEG-compressed or black and white, some pages wrapped in a scanner's PDF; the stack
//! shuffled, one page scanned twice, one dropped, a foreign page, a filler page and a page of
//! the candidate's opdracht added. Every form page must be identified, every clear mark read
//! right, every ambiguous one doubtful (never guessed), and no value land on another candidate.

pub(crate) mod pen;
mod stack;

use std::collections::BTreeMap;
use std::path::PathBuf;

use toetsgen::document::packet::scan::Sidecar;
use toetsgen::document::packet::scan::layout::DocumentLayout;
use toetsgen::scan::values::Reading;
use toetsgen::scan::{PageProblem, PageReading};

use crate::common::{exits, seed_v1, toetsgen};
use pen::{Rng, Style};
use stack::{Kind, read_all, stack};

const SESSION: &str = "2026-12-10-utrecht";
const CANDIDATES: usize = 24;
const DPIS: [u32; 3] = [150, 200, 300];

/// The session: 24 candidates, one assessor.
fn session_yaml() -> String {
    let mut yaml = String::from(
        "plan: V1\ndatum: 2026-12-10\ntijd: \"13:00\"\nlocatie: Stadskantoor Utrecht\nbeoordelaars: [Karin Smit]\nkandidaten:\n",
    );
    for i in 0..CANDIDATES {
        yaml.push_str(&format!(
            "  - {{naam: Kandidaat {i}, nummer: \"2026-{:04}\"}}\n",
            100 + i
        ));
    }
    yaml
}

/// A project with the V1 plan and the session, its packet made: (project, packet, layout).
fn packet() -> (tempfile::TempDir, PathBuf, Sidecar) {
    let dir = crate::common::project(&[&seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    std::fs::write(sessies.join(format!("{SESSION}.yaml")), session_yaml()).unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &format!("sessies/{SESSION}.yaml")]),
        0,
        &[],
    );
    let pdf = dir.path().join(format!("pakketten/{SESSION}.pdf"));
    let json = std::fs::read(dir.path().join(format!("pakketten/{SESSION}.scan.json"))).unwrap();
    (dir, pdf, serde_json::from_slice(&json).unwrap())
}

/// What a field must read as.
#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// A clear mark (or a clearly empty box): this value.
    Clear(Reading),
    /// An ambiguous mark: doubtful.
    Ambiguous,
}

/// A tick in one of the pen styles (no pencil on black-and-white pages, which lose it).
fn pen_tick(rng: &mut Rng, bw: bool) -> Style {
    let styles = [Style::Tick, Style::Cross, Style::Stray, Style::Pencil];
    styles[rng.below(if bw { 3 } else { 4 })]
}

/// The marks of one observation box and what it must read as.
fn observation(rng: &mut Rng, bw: bool) -> (Style, Expect) {
    let r = rng.unit();
    let clear = |style, v| (style, Expect::Clear(Reading::Tick(v)));
    if r < 0.45 {
        clear(Style::Empty, false)
    } else if r < 0.88 {
        clear(pen_tick(rng, bw), true)
    } else if r < 0.95 {
        clear(Style::Filled, false)
    } else {
        (Style::Dot, Expect::Ambiguous)
    }
}

/// The marks of a choice's boxes and what it must read as.
fn choice(rng: &mut Rng, bw: bool, values: &[&str]) -> (Vec<Style>, Expect) {
    let n = values.len();
    let mut styles = vec![Style::Empty; n];
    let r = rng.unit();
    let pick = rng.below(n);
    let other = (pick + 1) % n;
    if r < 0.84 {
        styles[pick] = pen_tick(rng, bw);
        if rng.unit() < 0.15 {
            styles[other] = Style::Filled;
        }
        return (styles, Expect::Clear(Reading::Choice(values[pick].into())));
    }
    if r < 0.90 {
        styles[pick] = pen_tick(rng, bw);
        styles[other] = pen_tick(rng, bw);
    } else if r < 0.95 {
        styles[pick] = Style::Dot;
        if rng.unit() < 0.5 {
            styles[other] = pen_tick(rng, bw);
        }
    }
    (styles, Expect::Ambiguous)
}

/// The marks planned for one form: a style per box, and what each field must read as. `bw`
/// says which pages are scanned black and white.
fn plan_marks(
    doc: &DocumentLayout,
    bw: &[bool],
    rng: &mut Rng,
) -> (Vec<Style>, BTreeMap<String, Expect>) {
    let mut styles = vec![Style::Empty; doc.vakjes.len()];
    let mut truth = BTreeMap::new();
    let mut i = 0;
    while i < doc.vakjes.len() {
        let b = &doc.vakjes[i];
        let page_bw = bw[(b.pagina - 1) as usize];
        let n = doc.vakjes[i..]
            .iter()
            .take_while(|o| o.veld == b.veld)
            .count();
        if b.waarde.is_none() && n == 1 {
            let (style, expect) = observation(rng, page_bw);
            styles[i] = style;
            truth.insert(b.veld.clone(), expect);
        } else {
            let values: Vec<&str> = (doc.vakjes[i..i + n].iter())
                .map(|o| o.waarde.as_deref().expect("a choice's boxes have values"))
                .collect();
            let (s, expect) = choice(rng, page_bw, &values);
            styles[i..i + n].copy_from_slice(&s);
            truth.insert(b.veld.clone(), expect);
        }
        i += n;
    }
    (styles, truth)
}

/// The figures of one resolution.
#[derive(Debug, Default, Clone, Copy)]
struct Figures {
    pages: usize,
    identified: usize,
    fields: usize,
    clear: usize,
    correct: usize,
    ambiguous: usize,
    doubtful: usize,
    clear_doubtful: usize,
    wrong: usize,
    misassigned: usize,
}

/// The figures of all resolutions together.
fn total(figures: &BTreeMap<u32, Figures>) -> Figures {
    figures.values().fold(Figures::default(), |a, f| Figures {
        pages: a.pages + f.pages,
        identified: a.identified + f.identified,
        fields: a.fields + f.fields,
        clear: a.clear + f.clear,
        correct: a.correct + f.correct,
        ambiguous: a.ambiguous + f.ambiguous,
        doubtful: a.doubtful + f.doubtful,
        clear_doubtful: a.clear_doubtful + f.clear_doubtful,
        wrong: a.wrong + f.wrong,
        misassigned: a.misassigned + f.misassigned,
    })
}

/// The figures as a table, for the README (`cargo test scan_read -- --nocapture`).
#[expect(
    clippy::print_stderr,
    reason = "the harness's figures are meant to be read"
)]
fn report(figures: &BTreeMap<u32, Figures>, all: &Figures) {
    eprintln!(
        "dpi | pages | identified | marks | clear | correct | ambiguous | doubtful | clear read doubtful | wrong | on another candidate"
    );
    let rows = (figures.iter().map(|(d, f)| (d.to_string(), f))).chain([("all".to_owned(), all)]);
    for (dpi, f) in rows {
        eprintln!(
            "{dpi} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}",
            f.pages,
            f.identified,
            f.fields,
            f.clear,
            f.correct,
            f.ambiguous,
            f.doubtful,
            f.clear_doubtful,
            f.wrong,
            f.misassigned
        );
    }
}

/// Compares the fields read on a form page with the truth, adding to the figures.
fn judge(
    fig: &mut Figures,
    reading: &PageReading,
    doc: usize,
    truth: &BTreeMap<String, Expect>,
    failures: &mut Vec<String>,
) {
    if reading.document != doc {
        fig.misassigned += reading.velden.len();
        failures.push(format!(
            "page of form {doc} read as form {}",
            reading.document
        ));
        return;
    }
    for field in &reading.velden {
        fig.fields += 1;
        let expect = &truth[&field.veld];
        let doubtful = field.waarde == Reading::Doubtful;
        fig.doubtful += usize::from(doubtful);
        match expect {
            Expect::Ambiguous => {
                fig.ambiguous += 1;
                if !doubtful {
                    fig.wrong += 1;
                    failures.push(format!(
                        "form {doc} {}: ambiguous, read {:?}",
                        field.veld, field.waarde
                    ));
                }
            }
            Expect::Clear(value) => {
                fig.clear += 1;
                if field.waarde == *value {
                    fig.correct += 1;
                } else if doubtful {
                    fig.clear_doubtful += 1;
                    failures.push(format!(
                        "form {doc} {}: clear {value:?}, read doubtful",
                        field.veld
                    ));
                } else {
                    fig.wrong += 1;
                    failures.push(format!(
                        "form {doc} {}: {value:?}, read {:?}",
                        field.veld, field.waarde
                    ));
                }
            }
        }
    }
}

/// The whole stack read: every form page identified, every clear mark right, every ambiguous
/// one doubtful, nothing on the wrong candidate; the doubled, dropped and foreign pages told.
#[test]
fn a_stack_of_scans_is_read_back() {
    toetsgen::base::lang::set(toetsgen::base::lang::Lang::En);
    let (dir, pdf, sidecar) = packet();
    let forms: Vec<usize> = (0..sidecar.documenten.len())
        .filter(|&d| sidecar.documenten[d].document == "beoordelingsformulier")
        .collect();
    assert_eq!(forms.len(), CANDIDATES);
    let mut rng = Rng::new(23);
    let (specs, dropped, twice) = stack(&sidecar, &forms, &mut rng);
    let mut marks = vec![Vec::new(); sidecar.documenten.len()];
    let mut truth = vec![BTreeMap::new(); sidecar.documenten.len()];
    for &doc in &forms {
        let d = &sidecar.documenten[doc];
        let bw: Vec<bool> = (1..=d.paginas)
            .map(|p| {
                specs.iter().any(|s| {
                    s.bw && matches!(s.kind, Kind::Form { doc: sd, page } if sd == doc && page == p)
                })
            })
            .collect();
        (marks[doc], truth[doc]) = plan_marks(d, &bw, &mut rng);
    }
    let mut figures: BTreeMap<u32, Figures> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut seen: BTreeMap<(usize, u32), usize> = BTreeMap::new();
    let mut fillers = 0;
    let results = read_all(&specs, &pdf, &sidecar, &marks, dir.path());
    for (spec, result) in specs.iter().zip(results) {
        match spec.kind {
            Kind::Form { doc, page } => {
                let fig = figures.entry(spec.dpi).or_default();
                fig.pages += 1;
                match result {
                    Ok(reading) => {
                        fig.identified += 1;
                        *seen
                            .entry((reading.document, reading.code.pagina))
                            .or_default() += 1;
                        assert_eq!(reading.code.pagina, page);
                        judge(fig, &reading, doc, &truth[doc], &mut failures);
                    }
                    Err(problem) => failures.push(format!("{spec:?}: {problem}")),
                }
            }
            Kind::Foreign => assert_eq!(result.unwrap_err(), PageProblem::NotOurs),
            Kind::Packet { page } => {
                // A filler page (in no document) is blank; a page of an opdracht is identified
                // and has no boxes.
                let filler = !(sidecar.documenten.iter())
                    .any(|d| page >= d.eerste_pagina && page < d.eerste_pagina + d.paginas);
                fillers += usize::from(filler);
                let fine = match &result {
                    Err(problem) => filler && problem.is_blank(),
                    Ok(reading) => !filler && reading.vakjes.is_empty(),
                };
                if !fine {
                    failures.push(format!("packet page {page} (filler: {filler}): {result:?}"));
                }
            }
        }
    }
    let all = total(&figures);
    report(&figures, &all);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(all.identified, all.pages);
    assert_eq!((all.correct, all.wrong, all.misassigned), (all.clear, 0, 0));
    assert!(
        all.ambiguous > 20 && all.fields > 2000,
        "the stack tests something"
    );
    let doubled: Vec<_> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(k, _)| *k)
        .collect();
    assert_eq!(doubled, [twice]);
    assert_eq!(fillers, 1, "the stack holds a filler page");
    let missing: Vec<_> = (forms.iter())
        .flat_map(|&doc| (1..=sidecar.documenten[doc].paginas).map(move |p| (doc, p)))
        .filter(|k| !seen.contains_key(k))
        .collect();
    assert_eq!(missing, [dropped]);
}
