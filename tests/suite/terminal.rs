//! Everything a command prints from its input is escaped (issue 20, item 13): a saved form, a
//! plan or a file name holding control characters can never set the terminal's title, move its
//! cursor or hide text. Each command's printed fields are fed an escape sequence.

use crate::common::{exits, fixture, project, toetsgen};

/// An OSC sequence that would set the window title, as a hostile file could hold it.
const ATTACK: &str = "\u{1b}]0;PWNED\u{7}";

/// No escape character or bell reaches the terminal; the escaped form (`\u{1b}`) does.
fn assert_escaped(text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "raw control characters in {text:?}"
    );
    assert!(text.contains("\\u{1b}"), "the escape is shown: {text:?}");
}

/// `uitslagen` prints a refused form's plan and version escaped.
#[test]
fn uitslagen_escapes_a_forms_fields() {
    let dir = project(&[&fixture("plans/F1-formulier.yaml")]);
    let form = std::fs::read_to_string(fixture("uitslagen/anna.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&form).unwrap();
    json["plan"] = serde_json::Value::String(ATTACK.to_owned());
    json["versie"] = serde_json::Value::String(ATTACK.to_owned());
    let path = dir.path().join("aanval.json");
    std::fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
    let mut cmd = toetsgen(dir.path());
    cmd.args(["uitslagen", "-o", "lijst"]).arg(&path);
    let (stdout, stderr) = exits(&mut cmd, 1, &[]);
    assert_escaped(&stderr);
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
}

/// A file name with an escape sequence, named by `check` and by `import`, is shown escaped.
#[test]
fn file_names_are_escaped() {
    let dir = project(&[]);
    let plans = dir.path().join("toetsplannen");
    std::fs::write(plans.join(format!("X{ATTACK}.yaml")), "code: [\n").unwrap();
    let (_, stderr) = exits(toetsgen(dir.path()).arg("check"), 1, &[]);
    assert_escaped(&stderr);
    let export = dir.path().join(format!("export{ATTACK}.txt"));
    std::fs::write(&export, "geen toetsplan\n").unwrap();
    let (_, stderr) = exits(toetsgen(dir.path()).arg("import").arg(&export), 1, &[]);
    assert_escaped(&stderr);
}
