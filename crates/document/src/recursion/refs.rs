//! What a template's body refers to — its includes and its macro calls, and for the bounds on
//! rendering its `range()` calls and `set`s — read from Tera's syntax tree with a stack of its
//! own, so a deeply nested template cannot overflow the thread's.

use tera::ast::{Expr, ExprVal, FunctionCall, Node, Set};

/// What one body refers to: each `include` (its list of names) and each macro call
/// (namespace and name); and each call of the function `range` and each `set` in it.
#[derive(Default)]
pub(crate) struct Refs<'a> {
    pub(super) includes: Vec<&'a [String]>,
    pub(super) calls: Vec<(&'a str, &'a str)>,
    pub(crate) ranges: Vec<&'a FunctionCall>,
    pub(crate) sets: Vec<&'a Set>,
}

/// One piece of the syntax tree still to visit.
enum Item<'a> {
    Node(&'a Node),
    Expr(&'a Expr),
    Val(&'a ExprVal),
}

/// What a body refers to, nested macro definitions left out (they are units of their own).
pub(crate) fn refs(body: &[Node]) -> Refs<'_> {
    refs_with(body, std::iter::empty())
}

/// What a body and some expressions refer to, walked with a stack of their own.
pub(super) fn refs_with<'a>(body: &'a [Node], exprs: impl Iterator<Item = &'a Expr>) -> Refs<'a> {
    let mut refs = Refs::default();
    let mut stack: Vec<Item<'a>> = body.iter().map(Item::Node).collect();
    stack.extend(exprs.map(Item::Expr));
    while let Some(item) = stack.pop() {
        match item {
            Item::Node(node) => visit_node(node, &mut stack, &mut refs),
            Item::Expr(expr) => {
                stack.push(Item::Val(&expr.val));
                for filter in &expr.filters {
                    stack.extend(filter.args.values().map(Item::Expr));
                }
            }
            Item::Val(val) => visit_val(val, &mut stack, &mut refs),
        }
    }
    refs
}

/// Notes a node's include and stacks its children.
fn visit_node<'a>(node: &'a Node, stack: &mut Vec<Item<'a>>, refs: &mut Refs<'a>) {
    let nodes = |body: &'a [Node]| body.iter().map(Item::Node);
    match node {
        Node::VariableBlock(_, expr) => stack.push(Item::Expr(expr)),
        Node::Include(_, names, _) => refs.includes.push(names),
        Node::Set(_, set) => {
            refs.sets.push(set);
            stack.push(Item::Expr(&set.value));
        }
        Node::FilterSection(_, section, _) => {
            stack.extend(section.filter.args.values().map(Item::Expr));
            stack.extend(nodes(&section.body));
        }
        Node::Block(_, block, _) => stack.extend(nodes(&block.body)),
        Node::Forloop(_, each, _) => {
            stack.push(Item::Expr(&each.container));
            stack.extend(nodes(&each.body));
            stack.extend(each.empty_body.iter().flat_map(|b| nodes(b)));
        }
        Node::If(branches, _) => {
            for (_, condition, body) in &branches.conditions {
                stack.push(Item::Expr(condition));
                stack.extend(nodes(body));
            }
            stack.extend(branches.otherwise.iter().flat_map(|(_, b)| nodes(b)));
        }
        // Macros are units of their own; parents and imports come from the template.
        Node::MacroDefinition(..) | Node::Extends(..) | Node::ImportMacro(..) => {}
        Node::Super
        | Node::Text(_)
        | Node::Raw(..)
        | Node::Break(_)
        | Node::Continue(_)
        | Node::Comment(..) => {}
    }
}

/// Notes a value's macro call and stacks its parts.
fn visit_val<'a>(val: &'a ExprVal, stack: &mut Vec<Item<'a>>, refs: &mut Refs<'a>) {
    match val {
        ExprVal::Math(math) => stack.extend([Item::Expr(&math.lhs), Item::Expr(&math.rhs)]),
        ExprVal::Logic(logic) => {
            stack.extend([Item::Expr(&logic.lhs), Item::Expr(&logic.rhs)]);
        }
        ExprVal::In(within) => {
            stack.extend([Item::Expr(&within.lhs), Item::Expr(&within.rhs)]);
        }
        ExprVal::Test(test) => stack.extend(test.args.iter().map(Item::Expr)),
        ExprVal::MacroCall(call) => {
            refs.calls.push((&call.namespace, &call.name));
            stack.extend(call.args.values().map(Item::Expr));
        }
        ExprVal::FunctionCall(call) => {
            if call.name == "range" {
                refs.ranges.push(call);
            }
            stack.extend(call.args.values().map(Item::Expr));
        }
        ExprVal::Array(items) => stack.extend(items.iter().map(Item::Expr)),
        ExprVal::StringConcat(concat) => stack.extend(concat.values.iter().map(Item::Val)),
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}
