//! The parser on real code: every starter and every reference solution of the library parses
//! without an error in every language (no invented errors), and a broken line is found where
//! it is, in each of the seven languages.

use rehearse_core::starter::starter_code;
use rehearse_core::Language;
use rehearse_syntax::check;

fn library() -> Vec<rehearse_core::Problem> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../problems");
    let raws = rehearse_core::library::read_dir(&root).expect("problems");
    rehearse_core::library::parse_all(&raws).expect("valid library")
}

#[test]
fn the_librarys_starters_and_solutions_parse_cleanly() {
    let problems = library();
    assert_eq!(problems.len(), 60);
    let mut checked = 0;
    for p in &problems {
        for lang in Language::ALL {
            let starter = starter_code(&p.signature, lang);
            let found = check(lang, &starter);
            assert!(
                found.is_empty(),
                "{} {lang:?} starter: {found:?}\n{starter}",
                p.slug
            );
            checked += 1;
        }
        for (lang, code) in &p.solutions {
            let found = check(*lang, code);
            assert!(
                found.is_empty(),
                "{} {lang:?} solution: {found:?}\n{code}",
                p.slug
            );
            checked += 1;
        }
    }
    assert!(checked > 420, "{checked}");
}

/// Valid code in each language, and the same code with its third line broken.
const BROKEN: [(Language, &str, &str); 7] = [
    (
        Language::Python,
        "def f(nums):\n    total = 0\n    for n in nums:\n        total += n\n    return total\n",
        "    for n in nums\n",
    ),
    (
        Language::Javascript,
        "function f(nums) {\n  let total = 0;\n  for (const n of nums) {\n    total += n;\n  }\n  return total;\n}\n",
        "  for (const n of nums {\n",
    ),
    (
        Language::Typescript,
        "function f(nums: number[]): number {\n  let total = 0;\n  for (const n of nums) {\n    total += n;\n  }\n  return total;\n}\n",
        "  for (const n of nums {\n",
    ),
    (
        Language::Java,
        "class Solution {\n  int f(int[] nums) {\n    int total = 0;\n    for (int n : nums) total += n;\n    return total;\n  }\n}\n",
        "    int total = = 0;\n",
    ),
    (
        Language::Cpp,
        "#include <vector>\nint f(const std::vector<int>& nums) {\n  int total = 0;\n  for (int n : nums) total += n;\n  return total;\n}\n",
        "  int total = 0 +;\n",
    ),
    (
        Language::Go,
        "package main\n\nfunc f(nums []int) int {\n\ttotal := 0\n\tfor _, n := range nums {\n\t\ttotal += n\n\t}\n\treturn total\n}\n",
        "func f(nums []int int {\n",
    ),
    (
        Language::Rust,
        "fn f(nums: &[i32]) -> i32 {\n    let mut total = 0;\n    for n in nums {\n        total += n;\n    }\n    total\n}\n",
        "    for n in nums {\n        total += ;\n",
    ),
];

fn with_line_three(code: &str, line: &str) -> String {
    let mut lines: Vec<&str> = code.lines().collect();
    lines[2] = line.trim_end_matches('\n');
    lines.join("\n") + "\n"
}

#[test]
fn a_broken_line_is_found_in_every_language() {
    for (lang, good, bad_line) in BROKEN {
        assert_eq!(check(lang, good), vec![], "{lang:?} valid code");
        let bad = with_line_three(good, bad_line);
        let found = check(lang, &bad);
        assert!(!found.is_empty(), "{lang:?}: no error in\n{bad}");
        let first = &found[0];
        assert!(
            (2..=4).contains(&first.line),
            "{lang:?}: first error at line {} ({}), not near line 3\n{bad}",
            first.line,
            first.message
        );
        assert!(first.column >= 1 && !first.message.is_empty());
    }
}

#[test]
fn errors_are_bounded_and_empty_code_is_fine() {
    for lang in Language::ALL {
        assert_eq!(check(lang, ""), vec![], "{lang:?}");
    }
    let noise = ")".repeat(500);
    let found = check(Language::Python, &noise);
    assert!(!found.is_empty() && found.len() <= rehearse_core::observer::MAX_SYNTAX_ISSUES);
    let missing = check(Language::Javascript, "function f() {\n  return [1, 2;\n}\n");
    assert!(
        missing
            .iter()
            .any(|e| e.message.starts_with("missing") || e.message.starts_with("unexpected")),
        "{missing:?}"
    );
}

#[test]
fn comments_and_layout_are_not_substance_but_code_is() {
    use rehearse_syntax::substance;
    let py = "def f(nums):\n    seen = {}\n    return seen\n";
    let commented = "def f(nums):\n    # remember what we saw\n    seen = {}  # value -> index\n\n    return seen\n";
    assert_eq!(
        substance(Language::Python, py),
        substance(Language::Python, commented)
    );
    let dedented = "def f(nums):\n    seen = {}\nreturn seen\n";
    assert_ne!(
        substance(Language::Python, py),
        substance(Language::Python, dedented),
        "Python's indentation is syntax"
    );
    let js = "function f(a) {\n  return a + 1;\n}\n";
    let js_commented =
        "// adds one\nfunction f(a) {\n    return /* the next */ a + 1; // one more\n}\n";
    assert_eq!(
        substance(Language::Javascript, js),
        substance(Language::Javascript, js_commented)
    );
    assert_ne!(
        substance(Language::Javascript, js),
        substance(
            Language::Javascript,
            "function f(a) {\n  return a - 1;\n}\n"
        )
    );
}

#[test]
fn strings_and_line_breaks_that_mean_something_are_substance() {
    use rehearse_syntax::substance;
    assert_ne!(
        substance(Language::Python, "print(\"hello\\n\")\n"),
        substance(Language::Python, "print(\"world\\n\")\n")
    );
    // A line break after `return` ends the statement in JavaScript.
    assert_ne!(
        substance(Language::Javascript, "function f(x) {\n  return\n  x;\n}\n"),
        substance(Language::Javascript, "function f(x) {\n  return x;\n}\n")
    );
}
