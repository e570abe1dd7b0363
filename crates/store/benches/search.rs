//! Library search latency: p50/p95 over the shipped library and over a synthetic library of
//! 5,000 problems. Run with `cargo xtask bench search`.

use rehearse_core::problem::Difficulty;
use rehearse_store::{ProblemQuery, Store};
use std::time::{Duration, Instant};

/// The page size the library view asks for.
const LIBRARY_PAGE: u32 = 200;

const QUERIES: &[&str] = &[
    "",
    "brackets",
    "tree",
    "sum",
    "linked list",
    "win",
    "a",
    "dynamic programming",
    "interval merge",
    "zzz",
    "sorted array search",
];

fn measure(store: &Store, label: &str) {
    let mut times: Vec<Duration> = Vec::new();
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::new(); QUERIES.len()];
    for round in 0..30 {
        for (i, q) in QUERIES.iter().enumerate() {
            let query = ProblemQuery {
                search: (!q.is_empty()).then(|| (*q).to_string()),
                limit: Some(LIBRARY_PAGE),
                difficulty: (round % 3 == 0)
                    .then_some([Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][i % 3]),
                ..ProblemQuery::default()
            };
            let t = Instant::now();
            let page = store.list_problems(&query).expect("search");
            times.push(t.elapsed());
            per_query[i].push(t.elapsed());
            std::hint::black_box(page);
        }
    }
    let t = Instant::now();
    std::hint::black_box(store.list_problems(&ProblemQuery::default()).expect("list"));
    let unfiltered = t.elapsed();
    for (q, mut ts) in QUERIES.iter().zip(per_query) {
        ts.sort();
        println!(
            "  {:<30} p50 {:.2} ms, max {:.2} ms",
            if q.is_empty() {
                "(no search: the library page)"
            } else {
                q
            },
            ts[ts.len() / 2].as_secs_f64() * 1e3,
            ts[ts.len() - 1].as_secs_f64() * 1e3
        );
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "{label}: {} queries, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; whole list without a limit (the CLI) {:.2} ms",
        times.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.95).as_secs_f64() * 1e3,
        pct(1.0).as_secs_f64() * 1e3,
        unfiltered.as_secs_f64() * 1e3
    );
}

/// Writes `n` problems as a pack, each a builtin problem under a new slug with varied words.
fn synthetic_pack(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let builtin = rehearse_store::builtin_problems();
    let words = [
        "river", "graph", "window", "stack", "prime", "matrix", "string", "heap", "interval",
        "bit", "tree", "path",
    ];
    for i in 0..n {
        let src = &builtin[i % builtin.len()];
        let slug = format!("synthetic-{i}");
        let base = dir.path().join(&slug);
        for (rel, text) in &src.files {
            let text = match rel.as_str() {
                "problem.toml" => text
                    .replacen(
                        &format!("slug = \"{}\"", src.dir),
                        &format!("slug = \"{slug}\""),
                        1,
                    )
                    .replace("\nsmall_input = ", "\nsmall_input_was = ")
                    .replacen(
                        "\ncomparator",
                        "\nsmall_input = \"synthetic copy without large tests\"\ncomparator",
                        1,
                    )
                    .replace("\nsmall_input_was = ", "\n# ")
                    .replacen(
                        "title = \"",
                        &format!(
                            "title = \"{} {} ",
                            words[i % words.len()],
                            words[(i / 7) % words.len()]
                        ),
                        1,
                    ),
                "tests.json" => small_tests(text),
                "statement.md" => format!(
                    "{text}\nVariant {i}: {} {}.\n",
                    words[(i / 3) % words.len()],
                    words[(i / 11) % words.len()]
                ),
                _ => text.clone(),
            };
            let path = base.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
    }
    dir
}

/// The example tests and the first six hidden ones: search does not read tests, and copying
/// every large input 5,000 times would only slow the import down.
fn small_tests(text: &str) -> String {
    let tests: Vec<serde_json::Value> = serde_json::from_str(text).expect("tests");
    let (examples, hidden): (Vec<_>, Vec<_>) =
        tests.into_iter().partition(|t| t["example"] == true);
    let kept: Vec<_> = examples
        .into_iter()
        .chain(hidden.into_iter().take(6))
        .collect();
    serde_json::to_string(&kept).expect("json")
}

fn main() {
    let shipped = Store::open_in_memory().expect("store");
    let n = shipped
        .list_problems(&ProblemQuery::default())
        .expect("list")
        .counts
        .total;
    measure(&shipped, &format!("shipped library ({n} problems)"));

    let data = tempfile::tempdir().expect("temp dir");
    let big = Store::open(&data.path().join("bench.db"))
        .expect("store")
        .store;
    let pack = synthetic_pack(5000);
    let t = Instant::now();
    big.import_pack(pack.path()).expect("import");
    println!(
        "imported 5,000 synthetic problems in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let n = big
        .list_problems(&ProblemQuery::default())
        .expect("list")
        .counts
        .total;
    measure(&big, &format!("synthetic library ({n} problems)"));
}
