//! What the report says: the figures of a question exam or an observation exam as blocks of
//! [`report`](super::report), every word from the message catalogue. Flagged questions come
//! first; each chart is followed by its data.

use toetsgen_analyse::flags::{P_HIGH, P_LOW, RIR_LOW};
use toetsgen_base::msg;

use super::forms::ObservationExam;
use super::questions::{Groep, Maximum, QuestionExam, Vraag};
use super::report::{Block, Report, Table, made_on, number, percent, score};
use super::svg;

/// The report's language code, for `lang`.
fn lang() -> &'static str {
    toetsgen_base::lang::current().code()
}

/// The words of a question's flags.
fn signals(v: &Vraag) -> String {
    let words: Vec<String> = (v.signalen.iter())
        .map(|s| match *s {
            "moeilijk" => msg!("analyse-flag-hard", p = number(Some(P_LOW), 2)),
            "makkelijk" => msg!("analyse-flag-easy", p = number(Some(P_HIGH), 2)),
            "lage_rir" => msg!("analyse-flag-low-rir", rir = number(Some(RIR_LOW), 2)),
            "negatieve_rir" => msg!("analyse-flag-negative-rir"),
            _ => msg!("analyse-flag-no-rir"),
        })
        .collect();
    words.join("; ")
}

fn question_table(caption: String, vragen: &[&Vraag]) -> Table {
    let mut t = Table::new(
        caption,
        vec![
            msg!("analyse-col-vraag"),
            msg!("analyse-col-toetsterm"),
            msg!("analyse-col-kolom"),
            msg!("analyse-col-p"),
            msg!("analyse-col-rit"),
            msg!("analyse-col-rir"),
            msg!("analyse-col-alpha-zonder"),
            msg!("analyse-col-signaal"),
        ],
        2,
    );
    t.numeric[7] = false;
    t.numeric[1] = false;
    t.numeric[0] = true;
    for v in vragen {
        t.rows.push(vec![
            v.vraag.to_string(),
            v.toetsterm.clone(),
            super::scores::column_name(v.kolom),
            number(Some(v.p), 2),
            number(v.rit, 2),
            number(v.rir, 2),
            number(v.alpha_zonder, 2),
            signals(v),
        ]);
    }
    t
}

fn group_table(caption: String, first: String, groups: &[Groep]) -> Table {
    let mut t = Table::new(
        caption,
        vec![
            first,
            msg!("analyse-col-vragen"),
            msg!("analyse-col-p-mean"),
        ],
        1,
    );
    for g in groups {
        t.rows.push(vec![
            g.naam.clone(),
            g.aantal_vragen.to_string(),
            number(g.p, 2),
        ]);
    }
    t
}

/// The report of a question exam made on `date`.
pub(crate) fn questions(q: &QuestionExam, date: &str) -> Report {
    let mut b = Vec::new();
    b.push(Block::Para(made_on(date)));
    b.push(Block::Para(msg!(
        "analyse-q-intro",
        plan = &q.plan,
        versie = &q.versie,
        kandidaten = q.aantal_kandidaten,
        vragen = q.aantal_vragen
    )));
    b.push(Block::Heading(2, msg!("analyse-h-test")));
    let mut t = Table::new(
        msg!("analyse-caption-test"),
        vec![
            msg!("analyse-col-figure"),
            msg!("analyse-col-value"),
            msg!("analyse-col-meaning"),
        ],
        1,
    );
    t.numeric[2] = false;
    let pass = |n: Option<usize>| match n {
        Some(n) => msg!(
            "analyse-passing",
            n = n,
            percent = percent(Some(n as f64 / q.aantal_kandidaten as f64))
        ),
        None => "–".to_owned(),
    };
    let rows = [
        (
            msg!("analyse-fig-kandidaten"),
            q.aantal_kandidaten.to_string(),
            String::new(),
        ),
        (
            msg!("analyse-fig-vragen"),
            q.aantal_vragen.to_string(),
            String::new(),
        ),
        (
            msg!("analyse-fig-max"),
            score(q.max_score),
            match q.maximum {
                Maximum::Goed => msg!("analyse-max-goed"),
                Maximum::HoogsteGegeven => msg!("analyse-max-hoogste"),
            },
        ),
        (
            msg!("analyse-fig-mean"),
            number(Some(q.gemiddelde), 2),
            String::new(),
        ),
        (
            msg!("analyse-fig-sd"),
            number(q.sd, 2),
            msg!("analyse-means-sd"),
        ),
        (
            msg!("analyse-fig-alpha"),
            number(q.alpha, 2),
            msg!("analyse-means-alpha"),
        ),
        (
            msg!("analyse-fig-sem"),
            number(q.sem, 2),
            msg!("analyse-means-sem"),
        ),
        (
            msg!("analyse-fig-cesuur"),
            q.cesuur.map_or_else(|| "–".to_owned(), score),
            match (&q.cesuur, &q.cesuur_tekst) {
                (Some(_), _) => pass(q.geslaagd),
                (None, Some(text)) => msg!("analyse-cesuur-text", text = text),
                (None, None) => msg!("analyse-cesuur-none"),
            },
        ),
        (
            msg!("analyse-fig-proposal"),
            number(q.cesuur_voorstel, 1),
            msg!(
                "analyse-means-proposal",
                reference = q
                    .cesuur_voorstel_referentie
                    .map_or_else(|| "–".to_owned(), score),
                passing = pass(q.geslaagd_bij_voorstel)
            ),
        ),
    ];
    for (a, v, m) in rows {
        t.rows.push(vec![a, v, m]);
    }
    b.push(Block::Table(t));

    let flagged: Vec<&Vraag> = q.vragen.iter().filter(|v| !v.signalen.is_empty()).collect();
    b.push(Block::Heading(2, msg!("analyse-h-flagged")));
    if flagged.is_empty() {
        b.push(Block::Para(msg!("analyse-none-flagged")));
    } else {
        b.push(Block::Para(msg!(
            "analyse-flagged-intro",
            n = flagged.len()
        )));
        b.push(Block::Table(question_table(
            msg!("analyse-caption-flagged"),
            &flagged,
        )));
    }

    b.push(Block::Heading(2, msg!("analyse-h-questions")));
    let all: Vec<&Vraag> = q.vragen.iter().collect();
    b.push(Block::Table(question_table(
        msg!("analyse-caption-questions"),
        &all,
    )));

    b.push(Block::Heading(2, msg!("analyse-h-groups")));
    b.push(Block::Para(msg!("analyse-groups-intro")));
    b.push(Block::Table(group_table(
        msg!("analyse-caption-toetstermen"),
        msg!("analyse-col-toetsterm"),
        &q.toetstermen,
    )));
    b.push(Block::Table(group_table(
        msg!("analyse-caption-onderdelen"),
        msg!("analyse-col-onderdeel"),
        &q.onderdelen,
    )));
    b.push(Block::Table(group_table(
        msg!("analyse-caption-niveaus"),
        msg!("analyse-col-niveau"),
        &q.niveaus,
    )));

    b.push(Block::Heading(2, msg!("analyse-h-distribution")));
    let counts: Vec<(f64, usize)> = q.verdeling.iter().map(|f| (f.score, f.aantal)).collect();
    let svg = svg::histogram(
        &msg!("analyse-chart-distribution"),
        &msg!("analyse-chart-distribution-desc"),
        (&msg!("analyse-col-score"), &msg!("analyse-col-kandidaten")),
        q.max_score,
        &counts,
    );
    let mut data = Table::new(
        msg!("analyse-caption-distribution"),
        vec![msg!("analyse-col-score"), msg!("analyse-col-kandidaten")],
        0,
    );
    for f in &q.verdeling {
        data.rows.push(vec![score(f.score), f.aantal.to_string()]);
    }
    b.push(Block::Chart { svg, data });

    b.push(Block::Heading(2, msg!("analyse-h-p-rir")));
    b.push(Block::Para(msg!(
        "analyse-p-rir-intro",
        low = number(Some(P_LOW), 2),
        high = number(Some(P_HIGH), 2),
        rir = number(Some(RIR_LOW), 2)
    )));
    let points: Vec<(usize, f64, Option<f64>)> =
        q.vragen.iter().map(|v| (v.vraag, v.p, v.rir)).collect();
    let svg = svg::p_rir(
        &msg!("analyse-chart-p-rir"),
        &msg!("analyse-chart-p-rir-desc"),
        (&msg!("analyse-col-p"), &msg!("analyse-col-rir")),
        &points,
        (P_LOW, P_HIGH, RIR_LOW),
    );
    let mut data = Table::new(
        msg!("analyse-caption-p-rir"),
        vec![
            msg!("analyse-col-vraag"),
            msg!("analyse-col-p"),
            msg!("analyse-col-rir"),
        ],
        0,
    );
    for v in &q.vragen {
        data.rows.push(vec![
            v.vraag.to_string(),
            number(Some(v.p), 2),
            number(v.rir, 2),
        ]);
    }
    b.push(Block::Chart { svg, data });
    b.push(Block::Heading(2, msg!("analyse-h-explain")));
    for id in [
        "analyse-explain-p",
        "analyse-explain-rit",
        "analyse-explain-alpha",
        "analyse-explain-sem",
        "analyse-explain-proposal",
        "analyse-explain-undefined",
    ] {
        b.push(Block::Para(toetsgen_base::lang::text(id, &[])));
    }
    Report {
        title: msg!("analyse-title", plan = &q.plan, naam = &q.naam),
        lang: lang(),
        blocks: b,
    }
}

/// The report of an observation exam made on `date`.
pub(crate) fn observations(o: &ObservationExam, date: &str) -> Report {
    let mut b = Vec::new();
    b.push(Block::Para(made_on(date)));
    b.push(Block::Para(msg!(
        "analyse-o-intro",
        plan = &o.plan,
        versies = o.versies.join(", "),
        formulieren = o.aantal_formulieren,
        kandidaten = o.aantal_kandidaten,
        paren = o.aantal_paren
    )));
    b.push(Block::Heading(2, msg!("analyse-h-agreement")));
    if o.aantal_paren == 0 {
        b.push(Block::Para(msg!("analyse-no-pairs")));
    } else {
        let mut t = Table::new(
            msg!("analyse-caption-agreement"),
            vec![
                msg!("analyse-col-figure"),
                msg!("analyse-col-value"),
                msg!("analyse-col-meaning"),
            ],
            1,
        );
        t.numeric[2] = false;
        t.rows.push(vec![
            msg!("analyse-fig-agreement"),
            percent(o.overeenstemming),
            msg!("analyse-means-agreement"),
        ]);
        t.rows.push(vec![
            msg!("analyse-fig-kappa"),
            number(o.kappa, 2),
            msg!("analyse-means-kappa"),
        ]);
        t.rows.push(vec![
            msg!("analyse-fig-krippendorff"),
            number(o.krippendorff_alpha, 2),
            msg!("analyse-means-krippendorff"),
        ]);
        b.push(Block::Table(t));
    }
    b.push(Block::Heading(2, msg!("analyse-h-toetstermen")));
    let mut t = Table::new(
        msg!("analyse-caption-o-toetstermen"),
        vec![
            msg!("analyse-col-toetsterm"),
            msg!("analyse-col-oordelen"),
            msg!("analyse-col-voldoende"),
            msg!("analyse-col-aangevinkt"),
            msg!("analyse-col-paren"),
            msg!("analyse-col-agreement"),
            msg!("analyse-col-kappa"),
        ],
        1,
    );
    for term in &o.toetstermen {
        t.rows.push(vec![
            term.code.clone(),
            term.oordelen.to_string(),
            format!(
                "{} ({})",
                term.voldoende,
                percent((term.oordelen > 0).then(|| term.voldoende as f64 / term.oordelen as f64))
            ),
            format!("{} / {}", term.aangevinkt, term.waarnemingen),
            term.paren.to_string(),
            percent(term.overeenstemming),
            number(term.kappa, 2),
        ]);
    }
    b.push(Block::Table(t));
    b.push(Block::Heading(2, msg!("analyse-h-assessors")));
    b.push(Block::Para(msg!("analyse-assessors-intro")));
    let mut t = Table::new(
        msg!("analyse-caption-assessors"),
        vec![
            msg!("analyse-col-nummer"),
            msg!("analyse-col-naam"),
            msg!("analyse-col-formulieren"),
            msg!("analyse-col-paren"),
            msg!("analyse-col-own-rate"),
            msg!("analyse-col-other-rate"),
        ],
        2,
    );
    t.numeric[0] = true;
    for a in &o.beoordelaars {
        t.rows.push(vec![
            a.nummer.to_string(),
            a.naam.clone(),
            a.formulieren.to_string(),
            a.paren.to_string(),
            percent(a.voldoende),
            percent(a.voldoende_ander),
        ]);
    }
    b.push(Block::Table(t));
    b.push(Block::Heading(2, msg!("analyse-h-disagreements")));
    if o.verschillen.is_empty() {
        b.push(Block::Para(msg!("analyse-no-disagreements")));
    } else {
        let mut t = Table::new(
            msg!("analyse-caption-disagreements"),
            vec![
                msg!("analyse-col-kandidaat"),
                msg!("analyse-col-toetsterm"),
                msg!("analyse-col-first"),
                msg!("analyse-col-second"),
            ],
            4,
        );
        for d in &o.verschillen {
            let kandidaat = match (&d.kandidaatnummer, &d.naam) {
                (Some(nummer), Some(naam)) => format!("{nummer} ({naam})"),
                (Some(nummer), None) => nummer.clone(),
                (None, Some(naam)) => format!("{} ({naam})", d.kandidaat),
                (None, None) => d.kandidaat.to_string(),
            };
            t.rows.push(vec![
                kandidaat,
                d.toetsterm.clone(),
                msg!(
                    "analyse-judged-by",
                    n = d.beoordelaar_1,
                    oordeel = &d.oordeel_1
                ),
                msg!(
                    "analyse-judged-by",
                    n = d.beoordelaar_2,
                    oordeel = &d.oordeel_2
                ),
            ]);
        }
        b.push(Block::Table(t));
    }
    b.push(Block::Heading(2, msg!("analyse-h-explain")));
    for id in [
        "analyse-explain-agreement",
        "analyse-explain-kappa",
        "analyse-explain-matching",
        "analyse-explain-undefined",
    ] {
        b.push(Block::Para(toetsgen_base::lang::text(id, &[])));
    }
    Report {
        title: msg!("analyse-title", plan = &o.plan, naam = &o.naam),
        lang: lang(),
        blocks: b,
    }
}
