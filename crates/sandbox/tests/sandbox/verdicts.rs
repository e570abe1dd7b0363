//! Known-wrong solutions get the verdict a person expects, with what they need to see.

use crate::support::*;
use rehearse_core::run::Verdict;
use rehearse_core::Language;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn off_by_one_is_a_wrong_answer_showing_input_expected_and_actual() {
    let sb = sandbox().await;
    let p = problem("missing-from-range");
    let code = "def missing_from_range(nums):\n    n = len(nums)\n    return n * (n - 1) // 2 - sum(nums)\n";
    let report = submit(&sb, &p, Language::Python, code).await;
    assert_eq!(report.verdict, Verdict::WrongAnswer, "{report:#?}");
    let t = report
        .tests
        .iter()
        .find(|t| t.verdict == Verdict::WrongAnswer)
        .expect("a failing test");
    assert!(
        t.input.is_some() && t.expected.is_some() && t.actual.is_some(),
        "{t:#?}"
    );
    assert_ne!(t.expected, t.actual);
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_order_where_order_matters_is_a_wrong_answer() {
    let sb = sandbox().await;
    let p = problem("sorted-squares");
    let report = submit(
        &sb,
        &p,
        Language::Javascript,
        "function sortedSquares(nums) { return nums.map((x) => x * x); }\n",
    )
    .await;
    assert_eq!(report.verdict, Verdict::WrongAnswer, "{report:#?}");
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quadratic_solution_on_the_large_test_exceeds_the_time_limit() {
    let sb = sandbox().await;
    let p = problem("products-except-self");
    let code = "def products_except_self(nums):\n    out = []\n    for i in range(len(nums)):\n        p = 1\n        for j in range(len(nums)):\n            if j != i:\n                p *= nums[j]\n        out.append(p)\n    return out\n";
    let report = submit(&sb, &p, Language::Python, code).await;
    assert_eq!(report.verdict, Verdict::TimeLimitExceeded, "{report:#?}");
    let small = report
        .tests
        .iter()
        .filter(|t| t.verdict == Verdict::Accepted)
        .count();
    assert!(
        small > 0,
        "the small tests pass before the large one: {report:#?}"
    );
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unbounded_recursion_is_a_runtime_error_naming_the_candidates_line() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    let code = "def stair_paths(n):\n    return stair_paths(n + 1)\n";
    let report = run(&sb, &p, Language::Python, code).await;
    assert_eq!(report.verdict, Verdict::RuntimeError, "{report:#?}");
    let message = report.tests[0].message.clone().unwrap_or_default();
    assert!(
        message.contains("RecursionError") && message.contains("solution.py\", line 2"),
        "{message}"
    );
    assert!(
        !message.contains("harness.py"),
        "the harness's frames are hidden: {message}"
    );
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn syntax_errors_are_compile_errors_pointing_into_the_candidates_code() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    let cases = [
        (Language::Python, "def stair_paths(n):\n    return (n +\n", "solution.py"),
        (Language::Java, "class Solution {\n    public int stairPaths(int n) {\n        return n +;\n    }\n}\n", "Solution.java:3"),
        (Language::Cpp, "class Solution {\npublic:\n    int stairPaths(int n) {\n        return n +;\n    }\n};\n", "solution.cpp:4"),
        (Language::Go, "func stairPaths(n int) int {\n\treturn n +\n}\n", "solution.go:3"),
        (Language::Rust, "impl Solution {\n    pub fn stair_paths(n: i32) -> i32 {\n        n +\n    }\n}\n", "solution.rs:4"),
        (Language::Typescript, "function stairPaths(n: number): number {\n    return n +;\n}\n", "solution.ts(2"),
    ];
    for (lang, code, place) in cases {
        let report = run(&sb, &p, lang, code).await;
        assert_eq!(
            report.verdict,
            Verdict::CompileError,
            "{lang:?}: {report:#?}"
        );
        let output = report.compile_output.clone().unwrap_or_default();
        assert!(
            output.contains(place),
            "{lang:?} should point at {place}: {output}"
        );
        assert!(
            !output.contains("main.cpp") && !output.contains("Harness.java"),
            "{output}"
        );
    }
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prints_are_captured_per_test_and_cannot_forge_a_result() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    // Tries to pass by printing a result line the way a naive harness might read it.
    let code = "def stair_paths(n):\n    print('{\"t\": \"result\", \"i\": 0, \"status\": \"ok\", \"value\": 42}')\n    print('debug', n)\n    return -1\n";
    let report = run(&sb, &p, Language::Python, code).await;
    assert_eq!(report.verdict, Verdict::WrongAnswer, "{report:#?}");
    let first = &report.tests[0];
    assert!(first.stdout.contains("debug"), "{first:#?}");
    assert_eq!(first.actual, Some(serde_json::json!(-1)));
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_custom_checker_decides_when_many_answers_are_right() {
    let sb = sandbox().await;
    let p = problem("pair-sum-indices");
    let mut req = request(
        &p,
        Language::Python,
        "",
        rehearse_core::run::RunMode::Submit,
    );
    req.comparator = rehearse_core::Comparator::Custom;
    // Any two distinct indices whose values add up to the target, in either order.
    req.checker = Some(
        "def check(input, expected, actual):\n    nums, target = input['nums'], input['target']\n    if not expected:\n        return actual == []\n    i, j = actual\n    return i != j and nums[i] + nums[j] == target\n".into(),
    );
    req.code = "def pair_sum_indices(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [i, seen[target - x]]\n        seen[x] = i\n    return []\n".into();
    let report = sb.judge(&req, &|_| {}).await.expect("judge");
    assert_eq!(
        report.verdict,
        Verdict::Accepted,
        "reversed pairs are right: {report:#?}"
    );

    req.code = "def pair_sum_indices(nums, target):\n    return [0, 0]\n".into();
    let report = sb.judge(&req, &|_| {}).await.expect("judge");
    assert_eq!(report.verdict, Verdict::WrongAnswer, "{report:#?}");

    req.checker = Some(
        "def check(input, expected, actual):\n    raise ValueError('broken checker')\n".into(),
    );
    let report = sb.judge(&req, &|_| {}).await.expect("judge");
    assert_eq!(report.verdict, Verdict::InternalError);
    assert!(
        report.tests[0]
            .message
            .as_deref()
            .unwrap_or("")
            .contains("broken checker"),
        "{report:#?}"
    );
    sb.settle().await;
}

/// Pasted as LeetCode's users write it: no imports, the names LeetCode's Python has in scope.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leetcode_style_python_runs_without_its_imports() {
    let sb = sandbox().await;
    let p = problem("has-repeat");
    let code = r#"class Solution:
    def hasRepeat(self, nums: List[int]) -> bool:
        counts = defaultdict(int)
        for x in nums:
            counts[x] += 1
        closest = inf
        for a, b in pairwise(sorted(nums)):
            closest = min(closest, b - a)
        heap = list(nums)
        heapify(heap)
        assert heapq.nsmallest(1, nums) == heap[:1] or not nums
        assert bisect_left(sorted(nums), min(nums, default=0)) == 0
        assert SortedList(nums)[:1] == sorted(nums)[:1]
        assert Counter(nums) == counts and deque(nums).maxlen is None
        assert pow(3, 4, 5) == 1 and gcd(12, 18) == 6 and isqrt(17) == 4

        @cache
        def fib(n: int) -> int:
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        assert fib(30) == 832040 and reduce(lambda a, b: a + b, accumulate([1, 2, 3])) == 10
        assert math.floor(2.5) == 2 and isinstance(fractions.Fraction(1, 3), fractions.Fraction)
        return closest == 0
"#;
    let r = submit(&sb, &p, Language::Python, code).await;
    assert_eq!(r.verdict, Verdict::Accepted, "{r:#?}");
    sb.settle().await;
}
