//! The Tera filters templates use, per target format, registered in one place. The same
//! filter name means the same thing in every format, converted for that format:
//!
//! | filter | Markdown | HTML | Typst |
//! |---|---|---|---|
//! | `tekst` | paragraphs | `<p>` paragraphs with `<br>` | paragraphs with line breaks |
//! | `tekst_inline` | one line | `<br>` between lines | `#linebreak()` between lines |
//! | `typst_str` | – | – | a Typst string literal |
//! | `css_str` | – | a CSS string literal (for `content:` in a `<style>`) | – |
//!
//! Both print a plan's text literally (see `text`); a value without a filter is escaped by the
//! format's autoescaping, on one line.

use std::collections::HashMap;

use tera::{Filter, Tera, Value};

use crate::text::Style;
use crate::{Format, html, typst};
use toetsgen_base::msg;

/// A filter that writes a plan's text in one format, as paragraphs or inline.
struct TextFilter {
    name: &'static str,
    style: Style,
    inline: bool,
}

impl TextFilter {
    fn convert(&self, text: &str) -> String {
        if self.inline {
            self.style.inline(text)
        } else {
            self.style.block(text)
        }
    }
}

impl Filter for TextFilter {
    fn filter(&self, value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        string_arg(self.name, value).map(|s| Value::String(self.convert(&s)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// A filter that writes a value as a string literal of the target language.
struct LiteralFilter {
    name: &'static str,
    convert: fn(&str) -> String,
}

impl Filter for LiteralFilter {
    fn filter(&self, value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        string_arg(self.name, value).map(|s| Value::String((self.convert)(&s)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The text of a filter's input: a string, a number, or nothing (an absent field). Fails once
/// the render has been stopped from outside (see `bounds`), so that a loop over our filters ends.
fn string_arg(name: &str, value: &Value) -> tera::Result<String> {
    crate::bounds::stopped()?;
    match value {
        Value::Null => Ok(String::new()),
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(tera::Error::msg(msg!(
            "document-filter-wants-text",
            name = name,
            value = other.to_string()
        ))),
    }
}

/// Registers the filters of `format`'s templates on an engine.
pub(crate) fn register(tera: &mut Tera, format: Format) {
    let style = format.style();
    tera.register_filter(
        "tekst",
        TextFilter {
            name: "tekst",
            style,
            inline: false,
        },
    );
    tera.register_filter(
        "tekst_inline",
        TextFilter {
            name: "tekst_inline",
            style,
            inline: true,
        },
    );
    match format {
        Format::Pdf => tera.register_filter(
            "typst_str",
            LiteralFilter {
                name: "typst_str",
                convert: typst::string,
            },
        ),
        Format::Html => tera.register_filter(
            "css_str",
            LiteralFilter {
                name: "css_str",
                convert: html::css_string,
            },
        ),
        Format::Md => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(format: Format, name: &str, value: Value) -> tera::Result<Value> {
        let mut tera = Tera::default();
        register(&mut tera, format);
        let mut ctx = tera::Context::new();
        ctx.insert("v", &value);
        tera.render_str(&format!("{{{{ v | {name} }}}}"), &ctx)
            .map(Value::String)
    }

    /// Each format's `tekst` filter makes the text literal in that format.
    #[test]
    fn tekst_per_format() {
        let v = Value::String("*a* <b>".into());
        assert_eq!(
            apply(Format::Md, "tekst", v.clone()).unwrap(),
            "\\*a\\* \\<b\\>"
        );
        assert_eq!(
            apply(Format::Html, "tekst_inline", v.clone()).unwrap(),
            "*a* &lt;b&gt;"
        );
        assert_eq!(apply(Format::Pdf, "tekst", v).unwrap(), "\\*a\\* \\<b\\>");
    }

    /// An absent optional field renders as nothing; a list is an error naming the filter.
    #[test]
    fn null_is_empty_and_lists_are_refused() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        assert_eq!(apply(Format::Html, "tekst", Value::Null).unwrap(), "");
        let err = apply(Format::Pdf, "typst_str", Value::Array(vec![])).unwrap_err();
        let chain = format!("{:?}", std::error::Error::source(&err));
        assert!(
            chain.contains("filter `typst_str` expects a text"),
            "{chain}"
        );
    }
}
