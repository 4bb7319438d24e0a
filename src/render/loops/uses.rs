//! What a template or macro uses as it renders, found by walking Tera's
//! syntax tree: the templates it includes and the macros it calls.

use tera::ast::{Expr, ExprVal, FunctionCall, Node};

/// Something a template or macro uses as it renders.
pub(super) enum Use<'a> {
    /// `{% include [names] %}`: the first of them that exists.
    Include(&'a [String]),
    Call(&'a str, &'a str),
}

pub(super) fn walk_nodes<'a>(nodes: &'a [Node], uses: &mut Vec<Use<'a>>) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => walk_expr(expr, uses),
            Node::Include(_, names, _) => uses.push(Use::Include(names)),
            Node::Set(_, set) => walk_expr(&set.value, uses),
            Node::FilterSection(_, section, _) => {
                walk_call(&section.filter, uses);
                walk_nodes(&section.body, uses);
            }
            Node::Block(_, block, _) => walk_nodes(&block.body, uses),
            Node::Forloop(_, forloop, _) => {
                walk_expr(&forloop.container, uses);
                walk_nodes(&forloop.body, uses);
                walk_nodes(forloop.empty_body.as_deref().unwrap_or_default(), uses);
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    walk_expr(condition, uses);
                    walk_nodes(body, uses);
                }
                if let Some((_, body)) = &branches.otherwise {
                    walk_nodes(body, uses);
                }
            }
            // A macro's body is a unit of its own, walked by `check`.
            Node::MacroDefinition(..)
            | Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
}

pub(super) fn walk_expr<'a>(expr: &'a Expr, uses: &mut Vec<Use<'a>>) {
    walk_value(&expr.val, uses);
    for filter in &expr.filters {
        walk_call(filter, uses);
    }
}

fn walk_call<'a>(call: &'a FunctionCall, uses: &mut Vec<Use<'a>>) {
    for arg in call.args.values() {
        walk_expr(arg, uses);
    }
}

fn walk_value<'a>(value: &'a ExprVal, uses: &mut Vec<Use<'a>>) {
    match value {
        ExprVal::MacroCall(call) => {
            uses.push(Use::Call(&call.namespace, &call.name));
            for arg in call.args.values() {
                walk_expr(arg, uses);
            }
        }
        ExprVal::Math(math) => {
            walk_expr(&math.lhs, uses);
            walk_expr(&math.rhs, uses);
        }
        ExprVal::Logic(logic) => {
            walk_expr(&logic.lhs, uses);
            walk_expr(&logic.rhs, uses);
        }
        ExprVal::In(within) => {
            walk_expr(&within.lhs, uses);
            walk_expr(&within.rhs, uses);
        }
        ExprVal::Test(test) => test.args.iter().for_each(|arg| walk_expr(arg, uses)),
        ExprVal::FunctionCall(call) => walk_call(call, uses),
        ExprVal::Array(items) => items.iter().for_each(|item| walk_expr(item, uses)),
        ExprVal::StringConcat(concat) => {
            concat.values.iter().for_each(|v| walk_value(v, uses));
        }
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}
