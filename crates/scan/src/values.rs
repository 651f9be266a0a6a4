//! From boxes to the saved form's values. A box without `waarde` is an observation: ticked is
//! `true`; empty or filled in completely (a cancelled mark) is `false`. Boxes sharing a `veld`
//! with a `waarde` each are one choice (onvoldoende / voldoende, ja / nee): exactly one box
//! ticked gives its value; none, two, or any box doubtful gives a doubtful reading, never a
//! guess; a cancelled box counts as not chosen. Every value carries how sure it is: the least
//! sure of its boxes.

use crate::ink::Mark;

/// One box as read.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxReading {
    /// The saved form's key.
    pub veld: String,
    /// The value ticking it gives, for one of several boxes of a choice.
    pub waarde: Option<String>,
    /// The share of its inside inked.
    pub ink: f64,
    /// What it holds.
    pub mark: Mark,
    /// How sure that is, from 0 to 1.
    pub zekerheid: f64,
}

/// What a field reads as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// An observation: ticked or not.
    Tick(bool),
    /// A choice: the value of the one box ticked.
    Choice(String),
    /// A person must decide.
    Doubtful,
}

/// One field of the saved form as read.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldReading {
    /// The saved form's key.
    pub veld: String,
    /// What it reads as.
    pub waarde: Reading,
    /// How sure that is, from 0 to 1 (0 when doubtful).
    pub zekerheid: f64,
}

/// The fields of `boxes`, in the order their first box comes.
pub fn fields(boxes: &[BoxReading]) -> Vec<FieldReading> {
    let mut order: Vec<&str> = Vec::new();
    for b in boxes {
        if !order.contains(&b.veld.as_str()) {
            order.push(&b.veld);
        }
    }
    (order.into_iter())
        .map(|veld| {
            let group: Vec<&BoxReading> = boxes.iter().filter(|b| b.veld == veld).collect();
            field(veld, &group)
        })
        .collect()
}

/// The reading of the boxes of one field.
fn field(veld: &str, group: &[&BoxReading]) -> FieldReading {
    let least_sure = group.iter().map(|b| b.zekerheid).fold(1.0, f64::min);
    let waarde = if group.iter().any(|b| b.mark == Mark::Doubtful) {
        Reading::Doubtful
    } else if group.iter().all(|b| b.waarde.is_some()) {
        choice(group)
    } else if let [single] = group {
        Reading::Tick(single.mark == Mark::Ticked)
    } else {
        Reading::Doubtful
    };
    let zekerheid = if waarde == Reading::Doubtful {
        0.0
    } else {
        least_sure
    };
    FieldReading {
        veld: veld.to_owned(),
        waarde,
        zekerheid,
    }
}

/// The value of the one box ticked, or doubtful.
fn choice(group: &[&BoxReading]) -> Reading {
    let mut ticked = group.iter().filter(|b| b.mark == Mark::Ticked);
    match (ticked.next(), ticked.next()) {
        (Some(one), None) => Reading::Choice(one.waarde.clone().unwrap_or_default()),
        _ => Reading::Doubtful,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(veld: &str, waarde: Option<&str>, mark: Mark) -> BoxReading {
        BoxReading {
            veld: veld.to_owned(),
            waarde: waarde.map(str::to_owned),
            ink: 0.0,
            mark,
            zekerheid: if mark == Mark::Doubtful { 0.0 } else { 0.9 },
        }
    }

    fn read(boxes: &[BoxReading]) -> Vec<Reading> {
        fields(boxes).into_iter().map(|f| f.waarde).collect()
    }

    /// Observations: ticked is true, empty and cancelled are false, doubtful stays doubtful.
    #[test]
    fn observations() {
        let boxes = [
            b("w1", None, Mark::Ticked),
            b("w2", None, Mark::Empty),
            b("w3", None, Mark::Filled),
            b("w4", None, Mark::Doubtful),
        ];
        assert_eq!(
            read(&boxes),
            [
                Reading::Tick(true),
                Reading::Tick(false),
                Reading::Tick(false),
                Reading::Doubtful
            ]
        );
        assert_eq!(fields(&boxes)[0].zekerheid, 0.9);
        assert_eq!(fields(&boxes)[3].zekerheid, 0.0);
    }

    /// A choice: one ticked gives its value (a cancelled other box is not chosen); none, both,
    /// or a doubtful box is doubtful.
    #[test]
    fn choices() {
        let (on, vo) = (Some("onvoldoende"), Some("voldoende"));
        let case = |a: Mark, c: Mark| read(&[b("o", on, a), b("o", vo, c)]);
        use Mark::*;
        assert_eq!(case(Empty, Ticked), [Reading::Choice("voldoende".into())]);
        assert_eq!(
            case(Ticked, Filled),
            [Reading::Choice("onvoldoende".into())]
        );
        for (a, c) in [
            (Empty, Empty),
            (Ticked, Ticked),
            (Filled, Empty),
            (Filled, Filled),
            (Doubtful, Ticked),
            (Empty, Doubtful),
        ] {
            assert_eq!(case(a, c), [Reading::Doubtful], "{a:?} {c:?}");
        }
    }
}
