//! rehearse-syntax: the syntax errors in a candidate's code, found in-process by tree-sitter
//! grammars for the library's seven languages. Instant, free, offline, and never invented:
//! the code observer reports these, not a model's guesses.

use rehearse_core::observer::{SyntaxIssue, MAX_SYNTAX_ISSUES};
use rehearse_core::Language;
use tree_sitter::{Node, Parser, Tree};

fn grammar(language: Language) -> tree_sitter::Language {
    match language {
        Language::Python => tree_sitter_python::LANGUAGE.into(),
        Language::Javascript => tree_sitter_javascript::LANGUAGE.into(),
        Language::Typescript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
        Language::Java => tree_sitter_java::LANGUAGE.into(),
        Language::Cpp => tree_sitter_cpp::LANGUAGE.into(),
        Language::Go => tree_sitter_go::LANGUAGE.into(),
        Language::Rust => tree_sitter_rust::LANGUAGE.into(),
    }
}

fn parse(language: Language, code: &str) -> Option<Tree> {
    let mut parser = Parser::new();
    // The grammars are built with the crate; one that does not load is a build fault.
    if let Err(e) = parser.set_language(&grammar(language)) {
        tracing::error!(language = language.id(), error = %e, "a grammar did not load");
        return None;
    }
    parser.parse(code, None)
}

/// The first syntax errors in `code` (at most [`MAX_SYNTAX_ISSUES`]), in reading order;
/// empty when it parses.
pub fn check(language: Language, code: &str) -> Vec<SyntaxIssue> {
    let Some(tree) = parse(language, code) else {
        return Vec::new();
    };
    let root = tree.root_node();
    if !root.has_error() {
        return Vec::new();
    }
    let mut found = Vec::new();
    collect(root, code, &mut found);
    found
}

/// The code's tokens without its comments and layout, one space apart: two versions of the
/// code with the same substance (a comment added, a line re-indented where indentation means
/// nothing) give the same text. Python's indentation is kept, as it is syntax. None when the
/// grammar did not load.
pub fn substance(language: Language, code: &str) -> Option<String> {
    let tree = parse(language, code)?;
    let mut out = String::with_capacity(code.len());
    let mut cursor = tree.walk();
    let mut last_row = usize::MAX;
    loop {
        let node = cursor.node();
        let leaf = node.child_count() == 0;
        if node.kind().contains("comment") {
            // Skip the comment and everything in it.
        } else if leaf {
            let text = code.get(node.byte_range()).unwrap_or("");
            if language == Language::Python && node.start_position().row != last_row {
                out.push('\n');
                out.push_str(&" ".repeat(node.start_position().column));
                last_row = node.start_position().row;
            } else {
                out.push(' ');
            }
            out.push_str(text);
        } else if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return Some(out);
            }
        }
    }
}

fn collect(node: Node<'_>, code: &str, found: &mut Vec<SyntaxIssue>) {
    if found.len() >= MAX_SYNTAX_ISSUES {
        return;
    }
    if node.is_missing() {
        found.push(issue(node, format!("missing `{}`", node.kind())));
        return;
    }
    if node.is_error() {
        found.push(issue(node, unexpected(node, code)));
        return;
    }
    if !node.has_error() {
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect(child, code, found);
    }
}

fn issue(node: Node<'_>, message: String) -> SyntaxIssue {
    let at = node.start_position();
    SyntaxIssue {
        line: u32::try_from(at.row + 1).unwrap_or(u32::MAX),
        column: u32::try_from(at.column + 1).unwrap_or(u32::MAX),
        message,
    }
}

/// "unexpected `)`": the start of what the parser could not place, on one line.
fn unexpected(node: Node<'_>, code: &str) -> String {
    let text = code.get(node.byte_range()).unwrap_or("").trim();
    let first: String = text.lines().next().unwrap_or("").chars().take(40).collect();
    if first.is_empty() {
        "unexpected end of the code".to_string()
    } else if first.len() < text.len() {
        format!("unexpected `{first}…`")
    } else {
        format!("unexpected `{first}`")
    }
}
