//! The JSON Schema of a toetsplan, for editors: draft-07 (the widest supported, by the YAML
//! language server of VS Code among others), generated from the [`model`](crate::model)
//! with `schemars`, each field described in Dutch, unknown fields refused
//! (`additionalProperties: false`), required fields, the levels and the date form spelled out.
//!
//! The schema checks what one field can say about itself; the rules between fields (codes unique,
//! toetsterm codes starting with the plan code, dates not in the future, sums) stay with
//! `toetsgen check`. Whatever the schema refuses, `check` refuses too.

use std::borrow::Cow;
use std::path::{Component, Path};

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::limits::MAX_TEXT_CHARS;
use crate::model::{AantalVragen, Datum, Niveau, Toetsplan};

/// The schema's file name, in the output folder.
pub const FILE_NAME: &str = "toetsplan.schema.json";

/// The schema as pretty-printed JSON, ending in a line break.
pub fn json() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Toetsplan>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The first line of a plan at `plan_file` that points the YAML language server at the schema in
/// `output`: `# yaml-language-server: $schema=../output/toetsplan.schema.json`. The path is
/// relative to the plan's folder where both are relative paths without `..`, absolute otherwise.
pub fn modeline(plan_file: &Path, output: &Path) -> String {
    let folder = plan_file.parent().unwrap_or(Path::new(""));
    let plain = |p: &Path| p.components().all(|c| matches!(c, Component::Normal(_)));
    let target = output.join(FILE_NAME);
    let reference = if plain(folder) && plain(output) {
        let ups = "../".repeat(folder.components().count());
        format!("{ups}{}", slashes(&target))
    } else {
        let absolute = std::path::absolute(&target).unwrap_or(target);
        slashes(&absolute)
    };
    format!("# yaml-language-server: $schema={reference}")
}

/// A path with `/` between its names, as the language server expects on every system.
fn slashes(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl JsonSchema for Datum {
    fn schema_name() -> Cow<'static, str> {
        "Datum".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "Een datum als JJJJ-MM-DD, bijvoorbeeld 2021-09-01 voor 1 september 2021; een bestaande dag, niet vóór 1970-01-01." // document text
        })
    }
}

impl JsonSchema for Niveau {
    fn schema_name() -> Cow<'static, str> {
        "Niveau".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = Niveau::ALL.iter().map(|n| n.code()).collect();
        json_schema!({
            "type": "string",
            "enum": codes,
            "description": "Een taxonomieniveau: K (kennis), B (begrip), RV (reproductieve vaardigheden) of PV (productieve vaardigheden)." // document text
        })
    }
}

impl JsonSchema for AantalVragen {
    fn schema_name() -> Cow<'static, str> {
        "AantalVragen".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS }
            ],
            "description": "Een heel getal (bijvoorbeeld 40) of een tekst (bijvoorbeeld \"Niet van toepassing\")." // document text
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema is draft-07, closed to unknown fields, and names the levels and date form.
    #[test]
    fn schema_is_draft_07_and_closed() {
        let schema: serde_json::Value = serde_json::from_str(&json()).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        let defs = &schema["definitions"];
        for def in ["Onderdeel", "Toetsterm", "Beoordeling"] {
            assert_eq!(defs[def]["additionalProperties"], false, "{def}");
        }
        assert_eq!(
            defs["Niveau"]["enum"],
            serde_json::json!(["K", "B", "RV", "PV"])
        );
        assert_eq!(defs["Datum"]["format"], "date");
        let required = schema["required"].as_array().unwrap();
        for field in ["code", "naam", "ingangsdatum", "onderdelen"] {
            assert!(required.contains(&field.into()), "{field} must be required");
        }
    }

    /// Every field of every object has a description (the office reads them in the editor).
    #[test]
    fn every_field_is_described() {
        let schema: serde_json::Value = serde_json::from_str(&json()).unwrap();
        let mut objects = vec![&schema];
        objects.extend(schema["definitions"].as_object().unwrap().values());
        for object in objects {
            for (name, field) in object["properties"].as_object().into_iter().flatten() {
                let text = field["description"].as_str().unwrap_or_default();
                assert!(text.len() > 10, "{name} has no description");
            }
        }
    }

    /// The modeline points from the plan's folder to the schema in the output folder.
    #[test]
    fn modeline_is_relative_to_the_plan() {
        let line = |plan: &str, out: &str| modeline(Path::new(plan), Path::new(out));
        assert_eq!(
            line("toetsplannen/V1-a.yaml", "output"),
            "# yaml-language-server: $schema=../output/toetsplan.schema.json"
        );
        assert_eq!(
            line("V1.yaml", "output"),
            "# yaml-language-server: $schema=output/toetsplan.schema.json"
        );
        assert!(line("../x/V1.yaml", "output").contains("$schema=/"));
    }
}
