//! What both targets check once rows are read: the plan reader never panics, and a plan it reads
//! is written as YAML free of control characters that reads back to the same plan.

use toetsgen::import::{Row, plan, yaml};
use toetsgen::plan::model::Toetsplan;

pub fn read_and_write(rows: &[Row]) {
    let Ok(imported) = plan::read(rows) else {
        return;
    };
    let text = yaml::to_yaml(&imported.plan, "fuzz");
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        panic!(
            "control character U+{:04X} in the YAML:\n{text}",
            u32::from(c)
        );
    }
    let back: Toetsplan = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("the YAML does not read back: {e}\n{text}"));
    assert_eq!(
        back, imported.plan,
        "the YAML reads back to another plan:\n{text}"
    );
}
