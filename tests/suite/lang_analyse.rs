//! `toetsgen analyse` in Dutch, the default: a refused score export with its place, and the
//! summary of an analysis (the English texts are pinned in `analyse.rs`).

use crate::common::{exits, fixture, in_dutch, project, stable, toetsgen};

/// A cell that is not a score: the Dutch message, with the file, line, column and the line.
#[test]
fn a_cell_that_is_not_a_score_in_dutch() {
    let dir = project(&[&fixture("analyse/plans/L6-lsat.yaml")]);
    std::fs::copy(
        fixture("analyse/invalid/geen-getal/scores.csv"),
        dir.path().join("scores.csv"),
    )
    .unwrap();
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["analyse", "scores.csv", "--plan", "L6"]),
        1,
        &[],
    );
    insta::assert_snapshot!(stderr, @r#"
    fout: "ja" in kolom D (toetsterm L6.03) is geen score
     --> scores.csv:3:7
      |
    3 | 2;0;1;ja;0;1
      |       ^^^^^^
      |
      = tip: een score is een getal van 0 of hoger, zoals 0, 1 of 2,5; een vraag die niet beantwoord is, krijgt 0
    "#);
}

/// A duplicate candidate: named, with the line it first appeared on.
#[test]
fn a_duplicate_candidate_in_dutch() {
    let dir = project(&[&fixture("analyse/plans/L6-lsat.yaml")]);
    std::fs::copy(
        fixture("analyse/invalid/dubbele-kandidaat/scores.csv"),
        dir.path().join("scores.csv"),
    )
    .unwrap();
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["analyse", "scores.csv", "--plan", "L6"]),
        1,
        &[],
    );
    stable(dir.path()).bind(|| insta::assert_snapshot!(stderr, @"
    fout: kandidaat 1 staat er twee keer in (ook op regel 2)
     --> scores.csv:4:1
      |
    4 |  1 ;1;1;1;1;0
      | ^^^^^^^^^^^^^
      |
      = tip: elke kandidaat staat op één regel; haal de dubbele regel weg, of geef de twee kandidaten elk een eigen nummer
    "));
}
