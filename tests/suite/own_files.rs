//! toetsgen's own files in the output folder are never opened through a symbolic link (issue 20,
//! item 14): a lock file or build record linked elsewhere is refused, with a message saying so,
//! and the file the link points at is neither created nor read nor changed.

use crate::common::{exits, project, seed_v1, toetsgen};

/// `output/.toetsgen.lock` linked to a file outside: refused, the outside file never created.
#[test]
fn a_linked_lock_file_is_refused() {
    let dir = project(&[&seed_v1()]);
    let out = dir.path().join("output");
    std::fs::create_dir_all(&out).unwrap();
    let outside = dir.path().join("elders.txt");
    std::os::unix::fs::symlink(&outside, out.join(".toetsgen.lock")).unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        3,
        &["the lock file output/.toetsgen.lock is a symbolic link"],
    );
    assert!(!outside.exists(), "the link's target was created: {stderr}");
}

/// `output/.toetsgen.json` linked to a file outside: refused, the outside file left as it was.
#[test]
fn a_linked_build_record_is_refused() {
    let dir = project(&[&seed_v1()]);
    let out = dir.path().join("output");
    std::fs::create_dir_all(&out).unwrap();
    let outside = dir.path().join("elders.json");
    std::fs::write(&outside, "{}").unwrap();
    std::os::unix::fs::symlink(&outside, out.join(".toetsgen.json")).unwrap();
    exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        3,
        &[
            "the build record output/.toetsgen.json cannot be read; if it is a symbolic link, remove it",
        ],
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "{}");
    assert!(
        !out.join("V1").exists(),
        "nothing was built on a linked record"
    );
}
