//! A user's template cannot run without bound (issue 20, item 12): a `range()` too large, a
//! text doubled in a loop, loops that never end in time and output past its limit are each
//! refused with a message naming the template (exit 1), in bounded time and memory; SIGTERM
//! during a slow render ends the build at once (exit 143) without leaving its staging folder;
//! and a render that timed out ends its thread, so `bekijk` does not gather them.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// A scratch project with the V1 plan and `templates/toetsplan.md.tera` holding `template`.
fn project_with(template: &str) -> tempfile::TempDir {
    let dir = project(&[&seed_v1()]);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("toetsplan.md.tera"), template).unwrap();
    dir
}

/// What a watched run gave: exit code, standard error, peak resident memory (KiB) and time.
struct Watched {
    code: Option<i32>,
    stderr: String,
    peak_kib: u64,
    took: Duration,
}

/// The child's peak resident memory so far (`VmHWM`), while it runs.
fn peak_kib(child: &Child) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `toetsgen args` in `dir`, reading its peak memory while it runs; kills it after 20 s.
fn watched(dir: &Path, args: &[&str]) -> Watched {
    let start = Instant::now();
    let mut child = toetsgen(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut peak = 0;
    let status = loop {
        peak = peak.max(peak_kib(&child).unwrap_or(0));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Watched {
        code: status.code(),
        stderr,
        peak_kib: peak,
        took: start.elapsed(),
    }
}

/// Asserts that `toetsgen check` refuses the template with exit 1, saying `said`, within
/// `seconds` and under 300 MiB.
#[track_caller]
fn check_refuses(template: &str, said: &str, seconds: u64) -> Watched {
    let dir = project_with(template);
    let run = watched(dir.path(), &["check"]);
    assert_eq!(run.code, Some(1), "exit code; stderr: {}", run.stderr);
    assert!(
        run.stderr.contains(said),
        "stderr lacks {said:?}: {}",
        run.stderr
    );
    assert!(run.stderr.contains("toetsplan.md.tera"), "{}", run.stderr);
    assert!(
        run.took < Duration::from_secs(seconds),
        "took {:?}",
        run.took
    );
    assert!(run.peak_kib < 300 * 1024, "peak {} KiB", run.peak_kib);
    run
}

/// `range(end=3000000000)` written out (2 GB and an abort before) is refused before rendering,
/// quickly and in little memory, with the pinned message.
#[test]
fn a_huge_literal_range_is_refused_before_rendering() {
    let run = check_refuses(
        "{% for i in range(end=3000000000) %}x{% endfor %}",
        "toetsplan.md.tera calls range(end=3000000000), which makes 3000000000 numbers, more than a template may loop over (100000): loop over the plan's lists, or a smaller range",
        5,
    );
    assert!(run.peak_kib < 100 * 1024, "peak {} KiB", run.peak_kib);
}

/// A range whose end is computed, which the check before rendering cannot see, is refused by
/// `range()` itself while rendering, before it makes its numbers.
#[test]
fn a_huge_computed_range_is_refused_while_rendering() {
    check_refuses(
        "{% set n = 3000 * 1000000 %}{% for i in range(end=n) %}x{% endfor %}",
        "Function `range` would make 3000000000 numbers, more than a template may loop over (100000)",
        5,
    );
}

/// A text doubled 28 times in a loop (256 MB, and 2 GB a few more) is refused before rendering.
#[test]
fn a_text_doubled_in_a_loop_is_refused() {
    check_refuses(
        r#"{% set s = "x" %}{% for i in range(end=28) %}{% set s = s ~ s %}{% endfor %}{{ s }}"#,
        "toetsplan.md.tera sets `s` from itself more than once (`{% set s = … %}`)",
        5,
    );
}

/// `get_env` cannot bring the builder's environment into a document: refused, with the value
/// nowhere in the message.
#[test]
fn get_env_is_refused() {
    let run = check_refuses(
        r#"{{ get_env(name="PATH") }}"#,
        "Function `get_env` is not available in toetsgen's templates",
        5,
    );
    let path = std::env::var("PATH").unwrap();
    assert!(!run.stderr.contains(&path), "{}", run.stderr);
}

/// Two nested loops of 100,000 (past 40 s before) end at the render's time limit, 10 s.
#[test]
fn nested_ranges_time_out() {
    let run = check_refuses(
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
        "toetsplan.md.tera did not finish within 10 s",
        14,
    );
    assert!(run.took >= Duration::from_secs(10), "took {:?}", run.took);
}

/// A render that writes more than 64 MB is stopped there.
#[test]
fn output_past_the_limit_is_refused() {
    let line = "x".repeat(1000);
    check_refuses(
        &format!("{{% for i in range(end=100000) %}}{line}{{% endfor %}}"),
        "toetsplan.md.tera made more than 64 MB",
        10,
    );
}

/// SIGTERM while a user's template loops ends the build within 2 s with 143, and its staging
/// folder is gone (before, the build ran on past 10 s and a second signal left the folder).
#[test]
fn sigterm_during_a_slow_render_stops_the_build() {
    let dir = project_with(
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    let mut child = toetsgen(dir.path())
        .args(["build", "--format", "md"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let staging = dir.path().join(".output.toetsgen-staging");
    let start = Instant::now();
    while !staging.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(8),
            "no staging folder"
        );
        assert!(child.try_wait().unwrap().is_none(), "the build ended");
        std::thread::sleep(Duration::from_millis(5));
    }
    // Well inside the render (it would take hours), well before its time limit.
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "the build ended");
    let sent = Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if sent.elapsed() > Duration::from_secs(5) {
            child.kill().unwrap();
            panic!("the build ran on 5 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = sent.elapsed();
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(143), "{stderr}");
    assert!(took < Duration::from_secs(2), "took {took:?} after SIGTERM");
    assert!(!staging.exists(), "staging left after SIGTERM");
}

/// `bekijk` with two nested loops that write nothing: every build's render times out (10 s), and
/// its thread ends, so serve's threads do not grow from one rebuild to the next (each used to
/// leave one more thread spinning for hours).
#[test]
fn timed_out_renders_do_not_pile_up_in_bekijk() {
    let template =
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}";
    let dir = project_with(template);
    let serve = crate::serve_hostile::Serve::start(dir.path(), None);
    let threads = || {
        let status = std::fs::read_to_string(format!("/proc/{}/status", serve.child.id()));
        let line = status
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("Threads:").map(str::to_owned));
        line.unwrap().trim().parse::<usize>().unwrap()
    };
    // Serve's own threads, once the first build's render has had a moment to end.
    std::thread::sleep(Duration::from_millis(500));
    let settled = threads();
    for build in 2..=3 {
        let file = dir.path().join("templates/toetsplan.md.tera");
        std::fs::write(&file, format!("{template}{{# edit {build} #}}")).unwrap();
        crate::common::wait_for("the rebuild", || {
            let (status, body) = serve.get("/__toetsgen/status");
            (status == 200 && body.contains(&format!("\"builds\":{build}"))).then_some(())
        });
        let start = Instant::now();
        while threads() > settled && start.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            threads() <= settled,
            "after build {build}: {} threads, {settled} after the first",
            threads()
        );
    }
}
