//! The Tera filters templates use, per target format, registered in one place. The same
//! filter name means the same thing in every format, converted for that format:
//!
//! | filter | Markdown | HTML | Typst |
//! |---|---|---|---|
//! | `markdown` | kept | safe HTML | Typst markup |
//! | `markdown_inline` | one line, pipes escaped | HTML without `<p>` | markup, no paragraph breaks |
//! | `typst_str` | – | – | a Typst string literal |
//! | `css_str` | – | a CSS string literal (for `content:` in a `<style>`) | – |
//!
//! Plain values need no filter: each format's autoescaping makes them print literally.

use std::collections::HashMap;

use tera::{Filter, Tera, Value};

use crate::markdown;
use crate::render::{html, typst};

/// A filter from text to text in one format.
struct TextFilter {
    name: &'static str,
    convert: fn(&str) -> String,
}

impl Filter for TextFilter {
    fn filter(&self, value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        match value {
            Value::Null => Ok(Value::String(String::new())),
            Value::String(s) => Ok(Value::String((self.convert)(s))),
            Value::Number(n) => Ok(Value::String((self.convert)(&n.to_string()))),
            other => Err(tera::Error::msg(format!(
                "filter `{}` expects a text, but got {other}",
                self.name
            ))),
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The formats a template can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// `.md.tera`
    Markdown,
    /// `.html.tera`
    Html,
    /// `.typ.tera`
    Typst,
}

fn keep(text: &str) -> String {
    text.trim().to_owned()
}

/// Registers the filters of `target` on an engine.
pub fn register(tera: &mut Tera, target: Target) {
    let filters: [(&'static str, fn(&str) -> String); 2] = match target {
        Target::Markdown => [("markdown", keep), ("markdown_inline", markdown::inline)],
        Target::Html => [("markdown", html::from_markdown), ("markdown_inline", html::from_markdown_inline)],
        Target::Typst => [("markdown", typst::from_markdown), ("markdown_inline", typst::from_markdown_inline)],
    };
    for (name, convert) in filters {
        tera.register_filter(name, TextFilter { name, convert });
    }
    match target {
        Target::Typst => tera.register_filter("typst_str", TextFilter { name: "typst_str", convert: typst::string }),
        Target::Html => tera.register_filter("css_str", TextFilter { name: "css_str", convert: html::css_string }),
        Target::Markdown => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(target: Target, name: &str, value: Value) -> tera::Result<Value> {
        let mut tera = Tera::default();
        register(&mut tera, target);
        let mut ctx = tera::Context::new();
        ctx.insert("v", &value);
        tera.render_str(&format!("{{{{ v | {name} }}}}"), &ctx).map(Value::String)
    }

    /// Each format's `markdown` filter converts for that format.
    #[test]
    fn markdown_per_format() {
        let v = Value::String("*a*".into());
        assert_eq!(apply(Target::Markdown, "markdown", v.clone()).unwrap(), "*a*");
        assert_eq!(apply(Target::Html, "markdown_inline", v.clone()).unwrap(), "<em>a</em>");
        assert_eq!(apply(Target::Typst, "markdown", v).unwrap(), "#emph[a];");
    }

    /// An absent optional field renders as nothing; a list is an error naming the filter.
    #[test]
    fn null_is_empty_and_lists_are_refused() {
        assert_eq!(apply(Target::Html, "markdown", Value::Null).unwrap(), "");
        let err = apply(Target::Typst, "typst_str", Value::Array(vec![])).unwrap_err();
        let chain = format!("{:?}", std::error::Error::source(&err));
        assert!(chain.contains("filter `typst_str` expects a text"), "{chain}");
    }
}
