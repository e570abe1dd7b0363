//! Parsing and validating problems from their files (`problem.toml`, `statement.md`,
//! `tests.json`, `solutions/`, optional `checker.py`). Every problem the app knows — built in
//! or imported as a pack — passes through [`parse`]; a problem with any issue is refused.

use crate::language::Language;
use crate::problem::{Category, Comparator, Difficulty, Param, Problem, Signature, TestCase};
use crate::types::TypeRef;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

/// A problem's files, as read from disk or from the copy compiled into the app.
#[derive(Debug, Clone, Default)]
pub struct RawProblem {
    /// The folder name, which must equal the slug.
    pub dir: String,
    /// Relative path (with `/`) → file contents.
    pub files: BTreeMap<String, String>,
}

/// One thing wrong with one problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub problem: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.problem, self.field, self.message)
    }
}

/// Languages every problem must ship a reference solution in.
pub const REQUIRED_SOLUTIONS: [Language; 3] =
    [Language::Python, Language::Javascript, Language::Java];
/// A test at least this large must exist when a problem's input has a size.
pub const LARGE_INPUT: usize = 10_000;
pub const MIN_EXAMPLES: usize = 2;
pub const MIN_HIDDEN: usize = 6;
pub const HINTS: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlProblem {
    slug: String,
    title: String,
    difficulty: String,
    categories: Vec<String>,
    #[serde(default)]
    companies: Vec<String>,
    hints: Vec<String>,
    follow_ups: Vec<String>,
    comparator: String,
    time_limit_ms: u32,
    /// Why the input is inherently small (e.g. the output grows as 2^n), waiving the large test.
    small_input: Option<String>,
    complexity: TomlComplexity,
    signature: TomlSignature,
    scaling: Option<TomlScaling>,
    /// Why the problem has no `[scaling]`: its growth cannot be measured meaningfully.
    unscaled: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlScaling {
    generator: String,
    sizes: Vec<u32>,
    expect: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlComplexity {
    time: String,
    space: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlSignature {
    function: String,
    params: Vec<TomlParam>,
    returns: String,
    output: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlParam {
    name: String,
    #[serde(rename = "type")]
    ty: String,
}

struct Checker<'a> {
    problem: &'a str,
    issues: Vec<Issue>,
}

impl Checker<'_> {
    fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue {
            problem: self.problem.to_string(),
            field: field.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty");
        }
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Parses and validates one problem; on failure returns every issue found.
pub fn parse(raw: &RawProblem) -> Result<Problem, Vec<Issue>> {
    let mut c = Checker {
        problem: &raw.dir,
        issues: Vec::new(),
    };
    let Some(toml_text) = raw.files.get("problem.toml") else {
        c.fail("problem.toml", "file is missing");
        return Err(c.issues);
    };
    let meta: TomlProblem = match toml::from_str(toml_text) {
        Ok(m) => m,
        Err(e) => {
            c.fail("problem.toml", e.message().to_string());
            return Err(c.issues);
        }
    };

    if !is_slug(&meta.slug) {
        c.fail("slug", "use lowercase letters, digits and dashes");
    } else if meta.slug != raw.dir {
        c.fail(
            "slug",
            format!("`{}` differs from the folder name", meta.slug),
        );
    }
    c.non_empty("title", &meta.title);
    let difficulty = Difficulty::parse(&meta.difficulty);
    if difficulty.is_none() {
        c.fail(
            "difficulty",
            format!("`{}` is not easy, medium or hard", meta.difficulty),
        );
    }
    let categories: Vec<Category> = meta
        .categories
        .iter()
        .filter_map(|id| {
            let cat = Category::parse(id);
            if cat.is_none() {
                let known: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
                c.fail(
                    "categories",
                    format!("unknown category `{id}` (known: {})", known.join(", ")),
                );
            }
            cat
        })
        .collect();
    if meta.categories.is_empty() {
        c.fail("categories", "at least one category is required");
    }
    if meta.hints.len() != HINTS {
        c.fail(
            "hints",
            format!(
                "exactly {HINTS} hints are required (nudge, approach, near solution), found {}",
                meta.hints.len()
            ),
        );
    }
    for (i, h) in meta.hints.iter().enumerate() {
        c.non_empty(&format!("hints[{i}]"), h);
    }
    if meta.follow_ups.is_empty() {
        c.fail("follow_ups", "at least one follow-up question is required");
    }
    for (field, value) in [
        ("complexity.time", &meta.complexity.time),
        ("complexity.space", &meta.complexity.space),
    ] {
        if !value.starts_with("O(") || !value.ends_with(')') {
            c.fail(
                field,
                format!("`{value}` is not in big-O notation, such as O(n log n)"),
            );
        }
    }
    if !(100..=20_000).contains(&meta.time_limit_ms) {
        c.fail("time_limit_ms", "must be between 100 and 20000");
    }
    let comparator = Comparator::parse(&meta.comparator)
        .map_err(|e| c.fail("comparator", e))
        .ok();
    let checker = raw.files.get("checker.py").cloned();
    if comparator == Some(Comparator::Custom)
        && checker.as_deref().is_none_or(|s| s.trim().is_empty())
    {
        c.fail(
            "checker.py",
            "a custom comparator needs a non-empty checker.py",
        );
    }
    let signature = parse_signature(&mut c, &meta.signature);

    let statement = raw.files.get("statement.md").cloned().unwrap_or_default();
    c.non_empty("statement.md", &statement);

    if meta
        .small_input
        .as_deref()
        .is_some_and(|r| r.trim().is_empty())
    {
        c.fail(
            "small_input",
            "say why the input is inherently small, or remove the field",
        );
    }
    let needs_large = meta.small_input.is_none();
    let tests = parse_tests(
        &mut c,
        raw.files.get("tests.json"),
        signature.as_ref(),
        needs_large,
    );

    let mut solutions = BTreeMap::new();
    for (path, code) in &raw.files {
        let Some(name) = path.strip_prefix("solutions/") else {
            continue;
        };
        let lang = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Language::from_extension);
        match lang {
            Some(lang) if !code.trim().is_empty() => {
                solutions.insert(lang, code.clone());
            }
            Some(_) => c.fail(path.as_str(), "must not be empty"),
            None => c.fail(path.as_str(), "not a source file of a supported language"),
        }
    }
    for lang in REQUIRED_SOLUTIONS {
        if !solutions.contains_key(&lang) {
            c.fail(
                "solutions",
                format!("a {} reference solution is required", lang.display_name()),
            );
        }
    }

    let scaling = meta.scaling.as_ref().and_then(|s| parse_scaling(&mut c, s));
    let unscaled = meta.unscaled.map(|why| why.trim().to_string());
    match (&meta.scaling, &unscaled) {
        (Some(_), Some(_)) => c.fail(
            "unscaled",
            "a problem with [scaling] is measured; remove `unscaled`",
        ),
        (None, Some(why)) if why.is_empty() => {
            c.fail("unscaled", "say why growth cannot be measured")
        }
        _ => {}
    }
    match (difficulty, signature, comparator, c.issues.is_empty()) {
        (Some(difficulty), Some(signature), Some(comparator), true) => Ok(Problem {
            slug: meta.slug,
            title: meta.title.trim().to_string(),
            difficulty,
            categories,
            companies: meta.companies,
            hints: meta.hints,
            follow_ups: meta.follow_ups,
            signature,
            comparator,
            time_complexity: meta.complexity.time,
            space_complexity: meta.complexity.space,
            time_limit_ms: meta.time_limit_ms,
            statement,
            tests,
            solutions,
            checker,
            scaling,
            unscaled,
        }),
        _ => Err(c.issues),
    }
}

fn parse_scaling(c: &mut Checker<'_>, s: &TomlScaling) -> Option<crate::problem::Scaling> {
    let before = c.issues.len();
    if !s.generator.contains("def generate(") {
        c.fail(
            "scaling.generator",
            "must define `def generate(n, rng)` returning one input",
        );
    }
    if s.sizes.len() < 3 || s.sizes.windows(2).any(|w| w[0] >= w[1]) || s.sizes.first() == Some(&0)
    {
        c.fail("scaling.sizes", "at least 3 sizes, positive and increasing");
    }
    let expect = crate::growth::Growth::parse(&s.expect);
    if expect.is_none() {
        c.fail(
            "scaling.expect",
            format!("`{}` is not one of 1, log n, n, n log n, n^2", s.expect),
        );
    }
    (c.issues.len() == before).then(|| crate::problem::Scaling {
        generator: s.generator.clone(),
        sizes: s.sizes.clone(),
        expect: expect.expect("checked"),
    })
}

fn parse_signature(c: &mut Checker<'_>, s: &TomlSignature) -> Option<Signature> {
    let before = c.issues.len();
    if !is_identifier(&s.function) {
        c.fail(
            "signature.function",
            format!("`{}` is not a snake_case identifier", s.function),
        );
    }
    let mut names = BTreeSet::new();
    let mut params = Vec::new();
    for (i, p) in s.params.iter().enumerate() {
        let field = format!("signature.params[{i}]");
        if !is_identifier(&p.name) {
            c.fail(
                &field,
                format!("`{}` is not a snake_case identifier", p.name),
            );
        }
        if !names.insert(p.name.as_str()) {
            c.fail(&field, format!("duplicate parameter `{}`", p.name));
        }
        match TypeRef::parse(&p.ty) {
            Ok(TypeRef::Void) => c.fail(&field, "a parameter cannot be void"),
            Ok(ty) => params.push(Param {
                name: p.name.clone(),
                ty,
            }),
            Err(e) => c.fail(&field, e),
        }
    }
    if s.params.is_empty() {
        c.fail("signature.params", "at least one parameter is required");
    }
    let returns = TypeRef::parse(&s.returns)
        .map_err(|e| c.fail("signature.returns", e))
        .ok();
    match (&returns, &s.output) {
        (Some(TypeRef::Void), None) => c.fail(
            "signature.output",
            "a void function must name its output parameter",
        ),
        (Some(TypeRef::Void), Some(out)) if !names.contains(out.as_str()) => {
            c.fail("signature.output", format!("`{out}` is not a parameter"))
        }
        (Some(r), Some(_)) if *r != TypeRef::Void => c.fail(
            "signature.output",
            "only void functions have an output parameter",
        ),
        _ => {}
    }
    (c.issues.len() == before).then(|| Signature {
        function: s.function.clone(),
        params,
        returns: returns.unwrap_or(TypeRef::Void),
        output: s.output.clone(),
    })
}

fn parse_tests(
    c: &mut Checker<'_>,
    text: Option<&String>,
    sig: Option<&Signature>,
    needs_large: bool,
) -> Vec<TestCase> {
    let Some(text) = text else {
        c.fail("tests.json", "file is missing");
        return Vec::new();
    };
    let tests: Vec<TestCase> = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            c.fail("tests.json", format!("not a valid test list: {e}"));
            return Vec::new();
        }
    };
    let examples = tests.iter().filter(|t| t.example).count();
    if examples < MIN_EXAMPLES {
        c.fail(
            "tests.json",
            format!("at least {MIN_EXAMPLES} example tests are required, found {examples}"),
        );
    }
    let hidden = tests.len() - examples;
    if hidden < MIN_HIDDEN {
        c.fail(
            "tests.json",
            format!("at least {MIN_HIDDEN} hidden tests are required, found {hidden}"),
        );
    }
    let Some(sig) = sig else { return tests };
    let mut largest = 0;
    for (i, t) in tests.iter().enumerate() {
        let field = format!("tests.json[{i}]");
        for p in &sig.params {
            match t.input.get(&p.name) {
                None => c.fail(format!("{field}.input"), format!("missing `{}`", p.name)),
                Some(v) => {
                    if let Err(e) = p.ty.check(v) {
                        c.fail(format!("{field}.input.{}", p.name), e);
                    }
                    largest = largest.max(p.ty.size_of(v));
                }
            }
        }
        for name in t.input.keys() {
            if !sig.params.iter().any(|p| &p.name == name) {
                c.fail(
                    format!("{field}.input"),
                    format!("`{name}` is not a parameter"),
                );
            }
        }
        if let Err(e) = sig.answer_type().check(&t.expected) {
            c.fail(format!("{field}.expected"), e);
        }
    }
    let sized = sig.params.iter().any(|p| {
        !matches!(
            p.ty,
            TypeRef::Int | TypeRef::Long | TypeRef::Double | TypeRef::Bool | TypeRef::Char
        )
    });
    if needs_large && sized && largest < LARGE_INPUT {
        c.fail("tests.json", format!("needs at least one large test (an input of size ≥ {LARGE_INPUT}), the largest is {largest}"));
    }
    tests
}

/// Validates a set of problems together: each on its own, plus unique slugs.
pub fn parse_all(raws: &[RawProblem]) -> Result<Vec<Problem>, Vec<Issue>> {
    let mut problems = Vec::new();
    let mut issues = Vec::new();
    let mut seen = BTreeSet::new();
    for raw in raws {
        match parse(raw) {
            Ok(p) => {
                if !seen.insert(p.slug.clone()) {
                    issues.push(Issue {
                        problem: raw.dir.clone(),
                        field: "slug".into(),
                        message: format!("`{}` is used by another problem", p.slug),
                    });
                }
                problems.push(p);
            }
            Err(mut e) => issues.append(&mut e),
        }
    }
    if issues.is_empty() {
        Ok(problems)
    } else {
        Err(issues)
    }
}

/// Reads problems from a folder on disk: the folder itself when it holds a `problem.toml`,
/// otherwise each sub-folder that does.
pub fn read_dir(root: &Path) -> std::io::Result<Vec<RawProblem>> {
    if root.join("problem.toml").is_file() {
        return Ok(vec![read_problem(root)?]);
    }
    let mut dirs: Vec<_> = std::fs::read_dir(root)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("problem.toml").is_file())
        .collect();
    dirs.sort();
    dirs.iter().map(|d| read_problem(d)).collect()
}

fn read_problem(dir: &Path) -> std::io::Result<RawProblem> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files)?;
    Ok(RawProblem {
        dir: dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        files,
    })
}

const PROBLEM_FILES: [&str; 4] = ["problem.toml", "statement.md", "tests.json", "checker.py"];

/// Whether a file is part of a problem (generators and notes beside it are not).
pub fn is_problem_file(rel: &str) -> bool {
    PROBLEM_FILES.contains(&rel) || rel.starts_with("solutions/")
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
            continue;
        }
        let rel = path
            .strip_prefix(root)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if is_problem_file(&rel) {
            out.insert(rel, std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}
