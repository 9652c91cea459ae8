//! What Fluent messages refer to: other messages, terms and variables, found
//! by walking the parsed syntax; and a message's literal text.

use fluent_syntax::ast;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reference {
    Message(String),
    Term(String),
    Variable(String),
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reference::Message(id) => write!(f, "message `{id}`"),
            Reference::Term(id) => write!(f, "term `-{id}`"),
            Reference::Variable(id) => write!(f, "variable `${id}`"),
        }
    }
}

pub(super) fn collect_references(pattern: &ast::Pattern<&str>, out: &mut Vec<Reference>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut Vec<Reference>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for variant in variants {
                collect_references(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, out),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut Vec<Reference>) {
    match inline {
        ast::InlineExpression::MessageReference { id, .. } => {
            out.push(Reference::Message(id.name.to_owned()))
        }
        ast::InlineExpression::TermReference { id, .. } => {
            out.push(Reference::Term(id.name.to_owned()))
        }
        ast::InlineExpression::VariableReference { id } => {
            out.push(Reference::Variable(id.name.to_owned()))
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in arguments
                .positional
                .iter()
                .chain(arguments.named.iter().map(|n| &n.value))
            {
                collect_inline(argument, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

pub(super) fn collect_literal_text(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        if let ast::PatternElement::TextElement { value } = element {
            out.push_str(value);
            out.push(' ');
        }
    }
}
