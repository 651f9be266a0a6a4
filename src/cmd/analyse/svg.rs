//! The report's two charts as inline SVG: a histogram of the total scores and the p-waarde
//! against the Rir per question, with the flags' thresholds drawn in. Each has `role="img"`, a
//! `<title>` and a `<desc>` (the report puts the data as a table under it); every text in it is
//! escaped.

use toetsgen_document::html::escape;

use super::report::{number, score};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 48.0;

/// The opening of a chart with its accessible name and description.
fn open(id: &str, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-uitleg\">\n<title id=\"{id}-titel\">{}</title>\n<desc id=\"{id}-uitleg\">{}</desc>\n",
        escape(title),
        escape(desc)
    )
}

/// An axis label.
fn text(x: f64, y: f64, anchor: &str, s: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\">{}</text>\n",
        escape(s)
    )
}

/// A histogram: one bar per total score from 0 to `max` (whole scores; other totals in the bar
/// of their whole part), height the number of kandidaten.
pub(crate) fn histogram(
    title: &str,
    desc: &str,
    axes: (&str, &str),
    max: f64,
    counts: &[(f64, usize)],
) -> String {
    let bins = (max.ceil().max(1.0) as usize).min(500) + 1;
    let mut heights = vec![0usize; bins];
    for &(s, n) in counts {
        let bin = (s.floor().max(0.0) as usize).min(bins - 1);
        heights[bin] += n;
    }
    let top = heights.iter().copied().max().unwrap_or(0).max(1);
    let (w, h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let bar = w / bins as f64;
    let mut out = open("verdeling", title, desc);
    out.push_str(&format!(
        "<g fill=\"#1f5f99\">\n{}</g>\n",
        (heights.iter().enumerate())
            .filter(|(_, n)| **n > 0)
            .map(|(i, &n)| {
                let bh = h * n as f64 / top as f64;
                format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\"/>\n",
                    LEFT + bar * i as f64 + bar * 0.1,
                    TOP + h - bh,
                    bar * 0.8
                )
            })
            .collect::<String>()
    ));
    out.push_str(&axes_lines());
    let step = (bins / 10).max(1);
    for i in (0..bins).step_by(step) {
        out.push_str(&text(
            LEFT + bar * (i as f64 + 0.5),
            TOP + h + 16.0,
            "middle",
            &score(i as f64),
        ));
    }
    out.push_str(&text(LEFT - 6.0, TOP + 4.0, "end", &top.to_string()));
    out.push_str(&text(LEFT - 6.0, TOP + h, "end", "0"));
    out.push_str(&text(LEFT + w / 2.0, HEIGHT - 8.0, "middle", axes.0));
    out.push_str(&format!(
        "<text transform=\"translate(14 {:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
        TOP + h / 2.0,
        escape(axes.1)
    ));
    out.push_str("</svg>");
    out
}

fn axes_lines() -> String {
    let (w, h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    format!(
        "<path d=\"M{LEFT} {TOP}V{:.1}H{:.1}\" fill=\"none\" stroke=\"#1a1a1a\"/>\n",
        TOP + h,
        LEFT + w
    )
}

/// p-waarde (0 to 1, across) against Rir (−1 to 1, up) per question; a question without a Rir
/// is not drawn (the table says so). Dashed lines at the flags' thresholds.
pub(crate) fn p_rir(
    title: &str,
    desc: &str,
    axes: (&str, &str),
    points: &[(usize, f64, Option<f64>)],
    thresholds: (f64, f64, f64),
) -> String {
    let (w, h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let x = |p: f64| LEFT + w * p.clamp(0.0, 1.0);
    let y = |r: f64| TOP + h * (1.0 - (r.clamp(-1.0, 1.0) + 1.0) / 2.0);
    let mut out = open("p-rir", title, desc);
    let dashed = |d: String| {
        format!("<path d=\"{d}\" fill=\"none\" stroke=\"#767676\" stroke-dasharray=\"4 4\"/>\n")
    };
    let (p_low, p_high, rir_low) = thresholds;
    for p in [p_low, p_high] {
        out.push_str(&dashed(format!("M{:.1} {TOP}V{:.1}", x(p), TOP + h)));
    }
    for r in [rir_low, 0.0] {
        out.push_str(&dashed(format!("M{LEFT} {:.1}H{:.1}", y(r), LEFT + w)));
    }
    out.push_str("<g fill=\"#1f5f99\">\n");
    for &(vraag, p, rir) in points {
        if let Some(r) = rir {
            out.push_str(&format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"><title>{vraag}</title></circle>\n",
                x(p),
                y(r)
            ));
        }
    }
    out.push_str("</g>\n");
    out.push_str(&axes_lines());
    for p in [0.0, 0.25, 0.5, 0.75, 1.0] {
        out.push_str(&text(x(p), TOP + h + 16.0, "middle", &number(Some(p), 2)));
    }
    for r in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        out.push_str(&text(LEFT - 6.0, y(r) + 4.0, "end", &number(Some(r), 1)));
    }
    out.push_str(&text(LEFT + w / 2.0, HEIGHT - 8.0, "middle", axes.0));
    out.push_str(&format!(
        "<text transform=\"translate(14 {:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
        TOP + h / 2.0,
        escape(axes.1)
    ));
    out.push_str("</svg>");
    out
}
