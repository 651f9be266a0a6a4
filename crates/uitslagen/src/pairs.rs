//! Which forms are of the same candidate, and by which assessor. A candidate is matched across
//! forms of one plan by number (`kandidaatnummer`, formaatversie 2), else by name: a form without
//! a number joins the numbered candidate of the same name, or the forms of that name without a
//! number. An assessor is told by the form's `beoordelaar` (1 or 2) where both forms have it,
//! else by the assessor's name. Two forms of one candidate by one assessor are refused, each
//! naming the others; forms by two assessors are a pair; more than two are left to the command to
//! refuse ([`Kandidaat::forms`]).

use std::collections::BTreeMap;

use toetsgen_base::msg;

use crate::Row;

/// The forms of one candidate, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kandidaat {
    /// Indexes into the rows: one form, a pair, or more (which no list can hold).
    pub forms: Vec<usize>,
    /// For one form or a pair: the form of assessor 1 and of assessor 2. A form of
    /// `beoordelaar` 2 alone stands in the second place; forms of formaatversie 1 take the free
    /// places in the order given.
    pub beoordelaars: [Option<usize>; 2],
}

impl Kandidaat {
    /// The forms of both assessors, where there are two.
    pub fn pair(&self) -> Option<(usize, usize)> {
        match self.beoordelaars {
            [Some(a), Some(b)] => Some((a, b)),
            _ => None,
        }
    }
}

/// Folds a name for matching: spaces collapsed, lower case.
pub(crate) fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How a form names its candidate in a message: "Anna de Vries, number 2026-0012".
pub(crate) fn who(row: &Row) -> String {
    let naam = row.form.kandidaat.naam.trim();
    match row.form.nummer() {
        Some(nummer) => msg!("uitslagen-candidate-numbered", name = naam, nummer = nummer),
        None => naam.to_owned(),
    }
}

/// The rows grouped by candidate, in the order of each candidate's first form, and the rows
/// refused because their candidate is not clear (a form without a number whose name is that of
/// two numbered candidates), with the message.
pub(crate) fn group(rows: &[Row]) -> (Vec<Vec<usize>>, Vec<(usize, String)>) {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_number: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut at = vec![None; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        if let Some(n) = row.form.nummer() {
            let g = *by_number.entry((&row.form.plan, n)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
            at[i] = Some(g);
        }
    }
    let mut refused = Vec::new();
    let mut by_name: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        if at[i].is_some() {
            continue;
        }
        let name = fold(&row.form.kandidaat.naam);
        if name.is_empty() {
            groups.push(vec![i]);
            at[i] = Some(groups.len() - 1);
            continue;
        }
        let mut numbered: Vec<usize> = (by_number.iter())
            .filter(|((plan, _), g)| {
                *plan == row.form.plan
                    && (groups[**g].iter()).any(|&j| fold(&rows[j].form.kandidaat.naam) == name)
            })
            .map(|(_, g)| *g)
            .collect();
        numbered.sort_unstable();
        let g = match numbered.as_slice() {
            [g] => *g,
            [] => *by_name.entry((&row.form.plan, name)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            }),
            several => {
                let numbers: Vec<&str> = (several.iter())
                    .filter_map(|&g| rows[groups[g][0]].form.nummer())
                    .collect();
                refused.push((
                    i,
                    msg!(
                        "uitslagen-ambiguous",
                        file = &row.file,
                        name = row.form.kandidaat.naam.trim(),
                        numbers = numbers.join(", ")
                    ),
                ));
                continue;
            }
        };
        groups[g].push(i);
        at[i] = Some(g);
    }
    // In the order of each candidate's first form.
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.retain(|g| !g.is_empty());
    groups.sort_by_key(|g| g[0]);
    (groups, refused)
}

/// Whether two forms of one candidate are by the same assessor: both say the same `beoordelaar`,
/// or the same assessor's name is on both (an empty name counts, except between two forms that
/// each say which assessor they are).
fn same_assessor(a: &Row, b: &Row) -> bool {
    let (na, nb) = (a.form.beoordelaar, b.form.beoordelaar);
    if na.is_some() && na == nb {
        return true;
    }
    let (x, y) = (
        fold(&a.form.kandidaat.beoordelaar),
        fold(&b.form.kandidaat.beoordelaar),
    );
    x == y && !(na.is_some() && nb.is_some() && x.is_empty())
}

/// The forms of a group that another form of the group repeats (same assessor), each with the
/// message naming the others.
pub(crate) fn doubles(rows: &[Row], groups: &[Vec<usize>]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for g in groups {
        for &i in g {
            let others: Vec<&str> = (g.iter())
                .filter(|&&j| j != i && same_assessor(&rows[i], &rows[j]))
                .map(|&j| rows[j].file.as_str())
                .collect();
            if !others.is_empty() {
                out.push((
                    i,
                    msg!(
                        "uitslagen-double",
                        file = &rows[i].file,
                        name = who(&rows[i]),
                        plan = &rows[i].form.plan,
                        others = others.join(", ")
                    ),
                ));
            }
        }
    }
    out
}

/// A group as a candidate: its forms and, for one or two, which assessor's each is.
pub(crate) fn kandidaat(rows: &[Row], forms: Vec<usize>) -> Kandidaat {
    let mut beoordelaars = [None, None];
    if forms.len() <= 2 {
        for &i in &forms {
            if let Some(n @ (1 | 2)) = rows[i].form.beoordelaar {
                beoordelaars[usize::from(n) - 1] = Some(i);
            }
        }
        for &i in &forms {
            if !beoordelaars.contains(&Some(i))
                && let Some(free) = beoordelaars.iter_mut().find(|b| b.is_none())
            {
                *free = Some(i);
            }
        }
    }
    Kandidaat {
        forms,
        beoordelaars,
    }
}
