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

/// What the parser makes of a candidate's code, from one parse.
pub struct Reading {
    /// The first syntax errors (at most [`MAX_SYNTAX_ISSUES`]), in reading order; empty when
    /// the code parses.
    pub syntax: Vec<SyntaxIssue>,
    /// The code without its comments and layout: comments cut out (as the parser finds them),
    /// each line trimmed (Python keeps its indentation, which is syntax), blank lines dropped.
    /// Two versions with the same substance (a comment added, a line re-indented where that
    /// means nothing) give the same text; anything else, strings included, stays as written.
    /// The code as it is when the grammar did not load.
    pub substance: String,
}

/// Parses `code` once for its syntax errors and its substance.
pub fn read(language: Language, code: &str) -> Reading {
    let Some(tree) = parse(language, code) else {
        return Reading {
            syntax: Vec::new(),
            substance: code.to_string(),
        };
    };
    Reading {
        syntax: issues(&tree, code),
        substance: without_comments(language, &tree, code),
    }
}

/// The first syntax errors in `code`: [`Reading::syntax`].
pub fn check(language: Language, code: &str) -> Vec<SyntaxIssue> {
    read(language, code).syntax
}

/// The code's substance: [`Reading::substance`].
pub fn substance(language: Language, code: &str) -> String {
    read(language, code).substance
}

fn issues(tree: &Tree, code: &str) -> Vec<SyntaxIssue> {
    let root = tree.root_node();
    if !root.has_error() {
        return Vec::new();
    }
    let mut found = Vec::new();
    collect(root, code, &mut found);
    found
}

fn without_comments(language: Language, tree: &Tree, code: &str) -> String {
    let mut comments = Vec::new();
    comment_ranges(tree.root_node(), &mut comments);
    let mut kept = String::with_capacity(code.len());
    let mut at = 0;
    for r in comments {
        kept.push_str(code.get(at..r.start).unwrap_or(""));
        // A comment inside a line leaves one space where it was, not the spaces around it.
        let line_goes_on = code
            .get(r.end..)
            .and_then(|rest| rest.chars().find(|c| *c != ' ' && *c != '\t'))
            .is_some_and(|c| c != '\n' && c != '\r');
        let trimmed = kept.trim_end_matches([' ', '\t']).len();
        kept.truncate(trimmed);
        if line_goes_on && !kept.is_empty() && !kept.ends_with('\n') {
            kept.push(' ');
        }
        at = r.end;
        while code
            .get(at..)
            .is_some_and(|rest| rest.starts_with([' ', '\t']))
        {
            at += 1;
        }
    }
    kept.push_str(code.get(at..).unwrap_or(""));
    let lines: Vec<&str> = kept
        .lines()
        .map(|l| {
            if language == Language::Python {
                l.trim_end()
            } else {
                l.trim()
            }
        })
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn comment_ranges(node: Node<'_>, out: &mut Vec<std::ops::Range<usize>>) {
    if node.kind().contains("comment") {
        out.push(node.byte_range());
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        comment_ranges(child, out);
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
