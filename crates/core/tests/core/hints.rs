//! The host's check of a model's hint: code blocks longer than two lines are refused however
//! they are written (fenced, indented, or bare lines of code); prose and a short snippet pass;
//! a line of the reference solution is refused.

use rehearse_core::hints::{vet, Refusal};

const SOLUTION: &str = "def pair_sum_indices(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n";

fn refused(hint: &str) -> Option<Refusal> {
    vet(hint, &[SOLUTION]).err()
}

#[test]
fn prose_and_a_two_line_snippet_pass() {
    let prose = "What have you already seen when you reach index i?\nIf you remembered it, could you answer in one step? Return the pair as soon as you find it.";
    assert_eq!(vet(prose, &[SOLUTION]).as_deref(), Ok(prose));
    let snippet =
        "A dictionary can answer that:\n```python\nmemo = {}\nmemo[x] = i\n```\nThen look it up.";
    assert!(refused(snippet).is_none(), "two lines of code are allowed");
}

#[test]
fn code_longer_than_two_lines_is_refused_however_it_is_written() {
    let fenced = "Try:\n```\na = 1\nb = 2\nc = a + b\n```";
    let tildes = "Try:\n~~~js\nlet a = 1;\nlet b = 2;\nlet c = a + b;\n~~~";
    let indented = "Try this:\n\n    total = 0\n    for x in xs:\n        total += x\n";
    let bare = "Try this:\nfor (int i = 0; i < n; i++) {\n  sum += a[i];\n}\nThat is all.";
    for hint in [fenced, tildes, indented, bare] {
        assert_eq!(refused(hint), Some(Refusal::CodeBlock(3)), "{hint}");
    }
}

#[test]
fn a_line_of_the_reference_solution_is_refused_even_in_prose() {
    let hint = "You could write `for i, n in enumerate(nums):` and go from there.";
    assert!(matches!(refused(hint), Some(Refusal::SolutionLine(_))));
    assert_eq!(refused("   "), Some(Refusal::Empty));
}

#[test]
fn nested_lists_and_words_like_code_keywords_are_prose() {
    let hint = "Think about three things:\n    - What do you store?\n    - What does a lookup cost?\n    - What returns early?\nelsewhere in the loop, trying a map helps; returns can wait.\nif you get stuck, say so.";
    assert!(refused(hint).is_none(), "{:?}", refused(hint));
}
