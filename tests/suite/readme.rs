//! The user guide stays true: every command block of README.md is run here, in the order the
//! guide tells its story, in one scratch project prepared as the guide prepares it (the office's
//! V1 plan under `toetsplannen/`, as a clone of the repository has it).
//!
//! A command block is a fenced or indented code block in a shell language (`sh`, `bash`,
//! `shell`, `console`, `zsh`), without a language, or with a line that starts with `toetsgen` or
//! `cargo`. Each of its lines (in `console` blocks: each line after `$ `) must be a `toetsgen …`
//! command, or `cargo run --release -- …`, which is run as `toetsgen …`; a block that cannot run
//! here (it installs something, needs the network, does not end, or is the test command itself)
//! carries the comment `<!-- niet-uitvoeren: reason -->` right before it. A command block that
//! is neither runnable nor marked so fails this test, so a new command in the guide is either
//! tested or consciously left out.
//!
//! Each command must exit with 0, or with the code its trailing comment gives (`# afsluitcode 1`),
//! and every path its comment names after an arrow (`# → output/index.html`) must exist after it.
//! Files the guide assumes the office has at hand (a Word export, saved forms) and the edit it
//! describes in words (a changed toetsterm) are prepared by [`PREPARATIONS`], each before the
//! first block that needs it; a preparation no block asks for fails the test too. Messages are
//! not compared: they are being translated, and the other tests pin them. The README's links, too,
//! must name files of the repository that are there.

use std::io::{Read, Seek};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use crate::common::{change_v1_13, fixture, in_dutch, project, root, seed_v1, toetsgen};

/// The comment that keeps the next block from being run, with its reason after the colon.
const SKIP: &str = "niet-uitvoeren:";

/// How long one command may take before the test gives up on it (a command that does not end,
/// such as `toetsgen bekijk`, must be marked instead).
const COMMAND_LIMIT: Duration = Duration::from_secs(120);

/// A code block of the README.
struct Block {
    /// Its first line in README.md (1-based), for messages.
    line: usize,
    /// The first word of its info string (`sh`, `yaml`, …); empty for none.
    lang: String,
    /// Its text.
    text: String,
    /// The reason given in a `<!-- niet-uitvoeren: … -->` comment right before it.
    skip: Option<String>,
}

/// Something the guide's story takes as done before a block: a file the office has at hand, or
/// an edit the guide describes in words. Runs before the first block whose text contains
/// `block_with`.
struct Preparation {
    block_with: &'static str,
    prepare: fn(&Path, &[Block]),
}

/// What the guide assumes, in the order of its story.
const PREPARATIONS: &[Preparation] = &[
    // "Importeren uit Word": the office's text export of plan B2 (Word: Opslaan als → Tekst).
    Preparation {
        block_with: "toetsgen importeer B2.txt",
        prepare: |dir, _| {
            copy(
                &fixture("import/ok-theorie-aantal-vragen/source.txt"),
                &dir.join("B2.txt"),
            );
        },
    },
    // "Een toetsterm verandert": the office changes V1.13's text and sets its `gewijzigd`.
    Preparation {
        block_with: "toetsgen wijzigingen",
        prepare: |dir, _| change_v1_13(dir, "2026-11-30"),
    },
    // "Een sessie": the session file is the guide's own example (its only YAML block with
    // `beoordelaars:`), saved where the guide says.
    Preparation {
        block_with: "toetsgen pakket",
        prepare: |dir, blocks| {
            let examples: Vec<&Block> = blocks
                .iter()
                .filter(|b| b.lang == "yaml" && b.text.contains("beoordelaars:"))
                .collect();
            assert_eq!(
                examples.len(),
                1,
                "README should have one example of a session file (a yaml block with `beoordelaars:`)"
            );
            std::fs::create_dir_all(dir.join("sessies")).unwrap();
            std::fs::write(
                dir.join("sessies/2026-12-03-den-haag.yaml"),
                &examples[0].text,
            )
            .unwrap();
        },
    },
    // "Uitslagen": forms the assessors filled in on screen and saved, collected in
    // uitslagen/formulieren/, with the plan they were filled in on (F1, a plan with a structured
    // cesuur).
    Preparation {
        block_with: "toetsgen uitslagen",
        prepare: |dir, _| {
            copy(
                &fixture("plans/F1-formulier.yaml"),
                &dir.join("toetsplannen/F1-formulier.yaml"),
            );
            std::fs::create_dir_all(dir.join("uitslagen/formulieren")).unwrap();
            for form in ["anna", "bram", "formule"] {
                copy(
                    &fixture(&format!("uitslagen/{form}.json")),
                    &dir.join(format!("uitslagen/formulieren/{form}.json")),
                );
            }
        },
    },
    // "Toetsanalyse": a question exam B3 (`beoordeling: soort: vragen`: the test fixture's B2 with
    // its 40 questions, under code B3), and the exam platform's score export of 30 candidates,
    // made up here (a candidate's chance of a right answer rises with their number and falls with
    // the question's).
    Preparation {
        block_with: "toetsgen analyse scores.csv",
        prepare: |dir, _| {
            let plan = std::fs::read_to_string(fixture("plans/B2-theorie.yaml"))
                .unwrap()
                .replace("B2", "B3");
            std::fs::write(dir.join("toetsplannen/B3-theorie.yaml"), &plan).unwrap();
            let mut header = vec!["kandidaat".to_owned()];
            let (mut code, mut seed) = (String::new(), 12345u64);
            for line in plan.lines().map(str::trim) {
                if let Some(c) = line.strip_prefix("- code: ") {
                    code = c.to_owned();
                } else if let Some(n) = line.strip_prefix("aantal_opdrachten: ") {
                    let n: usize = n.parse().unwrap();
                    header.extend(std::iter::repeat_n(code.clone(), n));
                }
            }
            let mut csv = header.join(";") + "\n";
            for i in 1..=30u64 {
                let mut row = vec![format!("2026-{i:03}")];
                for j in 1..header.len() as u64 {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let chance = 40 + i * 2 - j / 2;
                    row.push(u64::from((seed >> 33) % 100 < chance).to_string());
                }
                csv += &(row.join(";") + "\n");
            }
            std::fs::write(dir.join("scores.csv"), csv).unwrap();
        },
    },
];

/// Every command block of the README runs in the guide's order and does what it says, or is
/// marked as not run, with a reason.
#[test]
fn every_command_block_runs_or_says_why_not() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks = code_blocks(&readme);
    let dir = project(&[&seed_v1()]);
    let mut prepared = vec![false; PREPARATIONS.len()];
    let mut ran = 0;
    for block in blocks.iter().filter(|b| is_command_block(b)) {
        if block.skip.is_some() {
            continue;
        }
        for (i, prep) in PREPARATIONS.iter().enumerate() {
            if !prepared[i] && block.text.contains(prep.block_with) {
                (prep.prepare)(dir.path(), &blocks);
                prepared[i] = true;
            }
        }
        for (line, command) in commands(block) {
            run_line(dir.path(), line, &command);
            ran += 1;
        }
    }
    for (prep, done) in PREPARATIONS.iter().zip(&prepared) {
        assert!(
            done,
            "no command block of README.md contains {:?}: update PREPARATIONS in tests/suite/readme.rs",
            prep.block_with
        );
    }
    assert!(ran > 0, "no command of README.md was run");
}

/// The parser finds what the test relies on: a marked block is skipped, an unmarked command block
/// is one, a YAML block is not, and lines are split as a shell would.
#[test]
fn the_reader_splits_blocks_and_lines_as_documented() {
    let md = "Tekst.\n\n<!-- niet-uitvoeren: installeert iets -->\n```sh\ncargo install x\n```\n\n\
              ```yaml\ncode: V1\n```\n\n- punt\n\n  ```sh\n  toetsgen bouw   # → output/index.html\n  ```\n\n\
              ```console\n$ toetsgen controleer\nGecontroleerd\n```\n";
    let blocks = code_blocks(md);
    assert_eq!(blocks.len(), 4);
    assert_eq!(blocks[0].skip.as_deref(), Some("installeert iets"));
    assert_eq!(blocks[0].line, 4);
    assert!(is_command_block(&blocks[0]) && !is_command_block(&blocks[1]));
    assert_eq!(blocks[2].skip, None);
    assert_eq!(
        commands(&blocks[2]),
        vec![(
            blocks[2].line + 1,
            "toetsgen bouw   # → output/index.html".to_owned()
        )]
    );
    assert_eq!(
        commands(&blocks[3]),
        vec![(19, "toetsgen controleer".to_owned())]
    );
    let (words, comment) =
        split(r#"toetsgen nieuw V2 "Publiekszaken en Burgerzaken" # afsluitcode 1"#).unwrap();
    let words: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(
        words,
        ["toetsgen", "nieuw", "V2", "Publiekszaken en Burgerzaken"]
    );
    assert_eq!(expected_code(comment.as_deref()), 1);
    assert!(split("toetsgen bouw | head").is_err());
    assert!(split("toetsgen bouw > log.txt").is_err());
    let (words, _) = split("toetsgen uitslagen formulieren/*.json 'a*b'").unwrap();
    assert!(words[2].glob && !words[3].glob);
    let parsed = parse_command("cargo run --release -- bouw --format md,html").unwrap();
    let args: Vec<&str> = parsed.args.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(args, ["bouw", "--format", "md,html"]);
    let parsed = parse_command("LANG=en_US.UTF-8 toetsgen controleer").unwrap();
    assert_eq!(parsed.env, [("LANG".to_owned(), "en_US.UTF-8".to_owned())]);
    assert!(parse_command("cargo build --release").is_err());
    assert!(parse_command("lp pakketten/x.pdf").is_err());
    assert!(wildcard("*.json", "anna.json") && !wildcard("*.json", "anna.yaml"));
}

/// Every link of the README to a file points at a file of the repository that is there (a clone
/// has nothing outside it), and a link to a heading (`docs/internals.md#limits`) at a heading that
/// is there; inline code naming a path outside the repository (`../…`) is refused too.
#[test]
fn the_readme_links_only_files_of_the_repository() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut links = 0;
    for event in Parser::new(&readme) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.to_string();
                if url.contains("://") || url.starts_with("mailto:") {
                    continue;
                }
                let (path, anchor) = url.split_once('#').unwrap_or((&url, ""));
                let path = if path.is_empty() { "README.md" } else { path };
                assert!(
                    !path.starts_with('/')
                        && !Path::new(path)
                            .components()
                            .any(|c| c == std::path::Component::ParentDir),
                    "README.md links {url}, outside the repository"
                );
                let target = root().join(path);
                assert!(target.exists(), "README.md links {url}, which is not there");
                if !anchor.is_empty() {
                    let text = std::fs::read_to_string(&target).unwrap();
                    let headings: Vec<String> = text
                        .lines()
                        .filter_map(|l| l.strip_prefix('#'))
                        .map(|h| slug(h.trim_start_matches('#')))
                        .collect();
                    assert!(
                        headings.iter().any(|h| h == anchor),
                        "README.md links {url}: {path} has no heading #{anchor}"
                    );
                }
                links += 1;
            }
            Event::Code(code) => assert!(
                !code.starts_with("../"),
                "README.md names `{code}`, outside the repository"
            ),
            _ => {}
        }
    }
    assert!(links > 0, "README.md links no file of the repository");
}

/// A heading's anchor as GitHub makes it: lowercase, spaces as dashes, other punctuation left out.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The README's code blocks, each with the skip reason of a comment right before it.
fn code_blocks(readme: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (event, range) in Parser::new(readme).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                open = Some(Block {
                    line: readme[..range.start].matches('\n').count() + 1,
                    lang,
                    text: String::new(),
                    skip: skip_reason(&readme[..range.start]),
                });
            }
            Event::Text(text) => {
                if let Some(block) = &mut open {
                    block.text.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// The reason of a `<!-- niet-uitvoeren: … -->` comment at the end of `before` (only blank space
/// after it); a mark without a reason is a mistake.
fn skip_reason(before: &str) -> Option<String> {
    let comment = before.trim_end().strip_suffix("-->")?;
    let text = comment[comment.rfind("<!--")? + 4..].trim();
    let reason = text.strip_prefix(SKIP)?.trim();
    assert!(
        !reason.is_empty(),
        "README.md: `<!-- {SKIP} -->` needs a reason after the colon"
    );
    Some(reason.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether a block holds commands: a shell language, no language, or a line that starts with
/// `toetsgen` or `cargo`.
fn is_command_block(block: &Block) -> bool {
    matches!(
        block.lang.as_str(),
        "" | "sh" | "bash" | "shell" | "console" | "zsh"
    ) || block.text.lines().any(|l| {
        let l = l.trim_start();
        let l = l.strip_prefix("$ ").unwrap_or(l);
        l.starts_with("toetsgen") || l.starts_with("cargo")
    })
}

/// A block's command lines with their line numbers in README.md: lines ending in `\` joined with
/// the next, blank lines and comment lines left out; in a `console` block only the lines after a
/// `$ ` prompt (the others are what the command printed).
fn commands(block: &Block) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in block.text.lines().enumerate() {
        let line_no = block.line + 1 + i;
        let (start, mut text) = match pending.take() {
            Some((start, text)) => (start, text + " " + raw.trim()),
            None => {
                let line = raw.trim();
                let line = if block.lang == "console" {
                    match line.strip_prefix("$ ") {
                        Some(command) => command,
                        None => continue,
                    }
                } else {
                    line
                };
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                (line_no, line.to_owned())
            }
        };
        if let Some(head) = text.strip_suffix('\\') {
            text = head.trim_end().to_owned();
            pending = Some((start, text));
        } else {
            out.push((start, text));
        }
    }
    out.extend(pending);
    out
}

/// A word of a command line, and whether it holds an unquoted `*` to expand.
struct Word {
    text: String,
    glob: bool,
}

/// Splits a command line as a shell would, for the little the guide uses: words, '…' and "…"
/// quotes, backslash escapes, `*` in a file name and a trailing `# comment`. Pipes, redirections,
/// `&&`, `;` and `$` are refused (a block that needs them is not run here and must be marked).
fn split(line: &str) -> Result<(Vec<Word>, Option<String>), String> {
    let mut words = Vec::new();
    let mut word: Option<Word> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            ' ' | '\t' => words.extend(word.take()),
            '#' if word.is_none() => return Ok((words, Some(line[at + 1..].trim().to_owned()))),
            '\'' | '"' => {
                let w = word.get_or_insert_with(|| Word {
                    text: String::new(),
                    glob: false,
                });
                loop {
                    match chars.next() {
                        Some((_, q)) if q == c => break,
                        Some((_, '\\')) if c == '"' => w.text.extend(chars.next().map(|(_, e)| e)),
                        Some((_, '$' | '`')) if c == '"' => {
                            return Err("a shell would expand `$` or `` ` ``".to_owned());
                        }
                        Some((_, other)) => w.text.push(other),
                        None => return Err("a quote is not closed".to_owned()),
                    }
                }
            }
            '\\' => {
                let w = word.get_or_insert_with(|| Word {
                    text: String::new(),
                    glob: false,
                });
                w.text.extend(chars.next().map(|(_, e)| e));
            }
            '|' | '&' | ';' | '<' | '>' | '$' | '`' | '(' | ')' | '?' | '[' | '~' => {
                return Err(format!(
                    "`{c}` needs a shell; this test runs toetsgen commands only"
                ));
            }
            c => {
                let w = word.get_or_insert_with(|| Word {
                    text: String::new(),
                    glob: false,
                });
                w.glob |= c == '*';
                w.text.push(c);
            }
        }
    }
    words.extend(word);
    Ok((words, None))
}

/// The exit code a command's comment promises (`afsluitcode N`), else 0.
fn expected_code(comment: Option<&str>) -> i32 {
    let Some(comment) = comment else { return 0 };
    let words: Vec<&str> = comment.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[0] == "afsluitcode")
        .map(|w| {
            w[1].trim_end_matches([',', '.', ';', ':', ')'])
                .parse()
                .unwrap_or_else(|_| panic!("`afsluitcode {}` is no exit code", w[1]))
        })
        .unwrap_or(0)
}

/// The paths a command's comment says it makes (each word after an arrow `→`).
fn made_paths(comment: Option<&str>) -> Vec<String> {
    let Some(comment) = comment else {
        return Vec::new();
    };
    let words: Vec<&str> = comment.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| w[0] == "→")
        .map(|w| w[1].trim_end_matches([',', ';', ')']).to_owned())
        .collect()
}

/// A README line read as a toetsgen command: the variables it sets, toetsgen's arguments and
/// the trailing comment.
struct Parsed {
    env: Vec<(String, String)>,
    args: Vec<Word>,
    comment: Option<String>,
}

/// Reads a line as `[NAME=value …] toetsgen ARGS [# comment]`, or `cargo run --release -- ARGS`
/// for `toetsgen ARGS`; anything else is not run here, and the error says why.
fn parse_command(text: &str) -> Result<Parsed, String> {
    let (words, comment) = split(text)?;
    let mut words = words.into_iter().peekable();
    let mut env = Vec::new();
    while let Some(w) = words.next_if(|w| is_assignment(&w.text)) {
        let (name, value) = w.text.split_once('=').unwrap();
        env.push((name.to_owned(), value.to_owned()));
    }
    match words.next().map(|w| w.text).as_deref() {
        Some("toetsgen") => {}
        Some("cargo") => {
            let rest: Vec<String> = words.by_ref().take(3).map(|w| w.text).collect();
            if rest != ["run", "--release", "--"] {
                return Err(
                    "of cargo only `cargo run --release -- …` is run here (as `toetsgen …`)"
                        .to_owned(),
                );
            }
        }
        _ => return Err("not a toetsgen command".to_owned()),
    }
    Ok(Parsed {
        env,
        args: words.collect(),
        comment,
    })
}

/// Runs one command line of the README in the project and checks its exit code and the files its
/// comment names.
fn run_line(dir: &Path, line: usize, text: &str) {
    let at = format!("README.md:{line}: `{text}`");
    let Parsed { env, args, comment } = parse_command(text).unwrap_or_else(|e| {
        panic!("{at}: {e}; mark the block with <!-- {SKIP} reason --> if it cannot run here")
    });
    // As a user runs it: in Dutch, the default, unless the line itself sets a locale variable.
    let mut cmd = toetsgen(dir);
    in_dutch(&mut cmd).envs(env);
    for word in args {
        if word.glob {
            cmd.args(expand(dir, &word.text, &at));
        } else {
            cmd.arg(word.text);
        }
    }
    let (code, stdout, stderr) = run_limited(cmd, &at);
    let want = expected_code(comment.as_deref());
    assert_eq!(
        code,
        Some(want),
        "{at} should exit with {want}\nstdout: {stdout}\nstderr: {stderr}"
    );
    for path in made_paths(comment.as_deref()) {
        assert!(
            dir.join(&path).exists(),
            "{at} says it makes {path}, which is not there\nstdout: {stdout}\nstderr: {stderr}"
        );
    }
}

/// Whether a word is a variable set for the command (`LANGUAGE=en`).
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    })
}

/// The files a word with `*` in its last part names in the project, sorted, as a shell gives
/// them; a pattern that names none fails.
fn expand(dir: &Path, pattern: &str, at: &str) -> Vec<String> {
    let (folder, name) = pattern.rsplit_once('/').unwrap_or(("", pattern));
    assert!(
        !folder.contains('*'),
        "{at}: `*` only in the last part of a path"
    );
    let mut found: Vec<String> = std::fs::read_dir(dir.join(folder))
        .unwrap_or_else(|e| panic!("{at}: {folder}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && wildcard(name, n))
        .map(|n| {
            if folder.is_empty() {
                n
            } else {
                format!("{folder}/{n}")
            }
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "{at}: `{pattern}` names no file");
    found
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters.
fn wildcard(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return name == pattern;
    }
    if !name.starts_with(first) || name.len() < first.len() + last.len() || !name.ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// Runs a command with no input, its output in scratch files, for at most [`COMMAND_LIMIT`];
/// returns its exit code and output.
fn run_limited(mut cmd: Command, at: &str) -> (Option<i32>, String, String) {
    let (mut out, mut err) = (tempfile::tempfile().unwrap(), tempfile::tempfile().unwrap());
    cmd.stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap());
    let mut child = cmd.spawn().expect("the program could not be started");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > COMMAND_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "{at} did not end within {COMMAND_LIMIT:?}; a command that does not end must be \
                 marked with <!-- {SKIP} reason -->"
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |f: &mut std::fs::File| {
        let mut bytes = Vec::new();
        f.rewind().unwrap();
        f.read_to_end(&mut bytes).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    (status.code(), read(&mut out), read(&mut err))
}

/// Copies a fixture into the project.
fn copy(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
}
