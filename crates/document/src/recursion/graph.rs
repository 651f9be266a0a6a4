//! The search for a cycle in the graph of what renders what, with a stack of its own.

use std::collections::{BTreeMap, BTreeSet};

use super::{Step, Unit};

/// Each unit and where it leads.
pub(super) type Graph = BTreeMap<Unit, BTreeSet<(Step, Unit)>>;

/// A cycle: each unit with the step it takes to the next, the last leading back to the first.
pub(super) type Cycle = Vec<(Unit, Step)>;

/// A depth-first search: every unit, each after all it leads to, or the first cycle found.
pub(super) fn search(graph: &Graph) -> Result<Vec<&Unit>, Cycle> {
    #[derive(PartialEq)]
    enum State {
        Open,
        Done,
    }
    let edges = |unit: &Unit| graph.get(unit).map(BTreeSet::iter).unwrap_or_default();
    let mut state: BTreeMap<&Unit, State> = BTreeMap::new();
    let mut order = Vec::new();
    for start in graph.keys() {
        if state.contains_key(start) {
            continue;
        }
        // The path from `start`, each unit with the edges it has yet to follow.
        let mut path = vec![(start, edges(start))];
        state.insert(start, State::Open);
        while let Some((unit, next)) = path.last_mut() {
            let unit = *unit;
            let Some((_, target)) = next.next() else {
                state.insert(unit, State::Done);
                order.push(unit);
                path.pop();
                continue;
            };
            match state.get(target) {
                None => {
                    state.insert(target, State::Open);
                    path.push((target, edges(target)));
                }
                Some(State::Open) => {
                    let units: Vec<&Unit> = path.iter().map(|(u, _)| *u).collect();
                    return Err(cycle(graph, &units, target));
                }
                Some(State::Done) => {}
            }
        }
    }
    Ok(order)
}

/// The cycle closed by an edge back to `target` from the end of `path`, starting at its least
/// unit (a template before any macro), so the same loop is always told the same way.
pub(super) fn cycle(graph: &Graph, path: &[&Unit], target: &Unit) -> Cycle {
    let at = path.iter().position(|u| *u == target).unwrap_or(0);
    let units = &path[at..];
    let mut cycle: Cycle = (units.iter().enumerate())
        .map(|(i, unit)| {
            let next = units.get(i + 1).copied().unwrap_or(target);
            let step = (graph[*unit].iter())
                .find(|(_, t)| t == next)
                .map_or(Step::Includes, |(s, _)| *s);
            ((*unit).clone(), step)
        })
        .collect();
    let least = (cycle.iter().enumerate())
        .min_by(|a, b| a.1.0.cmp(&b.1.0))
        .map_or(0, |(i, _)| i);
    cycle.rotate_left(least);
    cycle
}
