//! The floors of the pipeline hold by construction: each crate of the workspace can use only the
//! crates it names in its manifest, and this test refuses a manifest that names a crate on its
//! own floor or above (a crate that climbs). `cargo metadata` reads the manifests as cargo does.

use std::collections::BTreeMap;
use std::process::Command;

/// Every crate of the workspace and its floor: a crate may depend only on crates of a lower
/// floor. A new crate must be given its floor here.
const FLOORS: &[(&str, u8)] = &[
    ("toetsgen-base", 0),
    ("toetsgen-plan", 1),
    ("toetsgen-session", 2),
    ("toetsgen-document", 3),
    ("toetsgen-output", 4),
    ("toetsgen-import", 4),
    ("toetsgen-uitslagen", 4),
    ("toetsgen-build", 5),
    ("toetsgen-analyse", 5),
    ("toetsgen-scan", 5),
    ("toetsgen-serve", 6),
    ("toetsgen", 7),
];

/// Each workspace crate → the workspace crates it depends on (normal, dev and build).
fn workspace_dependencies() -> BTreeMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let names: Vec<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    packages
        .iter()
        .map(|p| {
            let deps = (p["dependencies"].as_array().expect("dependencies").iter())
                .filter_map(|d| d["name"].as_str())
                .filter(|d| names.contains(d))
                .map(str::to_owned)
                .collect();
            (p["name"].as_str().expect("name").to_owned(), deps)
        })
        .collect()
}

fn floor(name: &str) -> u8 {
    match FLOORS.iter().find(|(n, _)| *n == name) {
        Some((_, f)) => *f,
        None => panic!("{name} has no floor: give it one in tests/suite/floors.rs"),
    }
}

/// The dependencies in `deps` that go to a crate on the same floor or above.
fn climbs(deps: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    (deps.iter())
        .flat_map(|(krate, deps)| deps.iter().map(move |d| (krate, d)))
        .filter(|(krate, dep)| floor(dep) >= floor(krate))
        .map(|(krate, dep)| {
            format!(
                "{krate} (floor {}) uses {dep} (floor {})",
                floor(krate),
                floor(dep)
            )
        })
        .collect()
}

/// No crate depends on a crate of its own floor or above, and every crate has a floor.
#[test]
fn no_crate_depends_on_its_floor_or_above() {
    let deps = workspace_dependencies();
    assert_eq!(deps.len(), FLOORS.len(), "crates: {:?}", deps.keys());
    let climbs = climbs(&deps);
    assert!(
        climbs.is_empty(),
        "imports that climb a floor:\n{}",
        climbs.join("\n")
    );
}

/// The check finds a climb in the real manifests when one is added: plan using document, and
/// document using output.
#[test]
fn a_climbing_dependency_is_found() {
    for (krate, dep) in [
        ("toetsgen-plan", "toetsgen-document"),
        ("toetsgen-document", "toetsgen-output"),
    ] {
        let mut deps = workspace_dependencies();
        deps.get_mut(krate).expect("crate").push(dep.to_owned());
        assert_eq!(
            climbs(&deps),
            [format!(
                "{krate} (floor {}) uses {dep} (floor {})",
                floor(krate),
                floor(dep)
            )]
        );
    }
}
