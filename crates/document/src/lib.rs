//! Floor 2, from a checked plan to its documents in memory: the [`view`] templates see, the
//! [`templates`] with their [`filters`], and per [`Format`] the escaping and Markdown conversion
//! ([`markdown`], [`html`], [`typst`], sharing [`text`] layout and the [`links`] policy); [`pdf`]
//! runs the typst program over the Typst sources; [`packet`] composes an exam session's print
//! packet. Depends only on the input floor (`toetsgen-plan`, `toetsgen-session`) and the base crate.

mod bounds;
mod catalog;
pub mod context;
mod engine;
mod filters;
mod format;
pub mod html;
pub mod hyphenate;
mod links;
pub mod markdown;
mod matrijs;
pub mod packet;
pub mod pdf;
mod recursion;
pub mod templates;
pub mod text;
pub mod typst;
pub mod view;

pub use format::Format;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::context::Context;
use crate::templates::{RenderedDocument, Templates};
use crate::view::PlanView;
use toetsgen_base::msg;

/// Renders every document of one plan in Markdown and each of `formats`.
pub fn render_plan(
    templates: &Templates,
    plan: &PlanView,
    formats: &[Format],
) -> Result<Vec<RenderedDocument>> {
    templates.warm(formats);
    let docs = templates.documents();
    // Side by side: a build of one plan waits for its documents before typst can start. The
    // first document that fails, in order, is reported, whichever thread failed first.
    let rendered: Vec<Result<RenderedDocument>> = (docs.par_iter())
        .map(|doc| {
            let ctx = Context::new(plan, doc, docs);
            templates.render(&ctx, formats).with_context(|| {
                msg!(
                    "document-rendering",
                    document = &doc.naam,
                    code = plan.code.to_string()
                )
            })
        })
        .collect();
    rendered.into_iter().collect()
}
