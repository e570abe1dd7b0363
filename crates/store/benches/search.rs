//! Library search latency: p50/p95 over the shipped library and over a synthetic library of
//! 5,000 problems. Run with `cargo xtask bench search`.

use rehearse_core::problem::Difficulty;
use rehearse_store::{ProblemQuery, Store};
use std::time::{Duration, Instant};

const QUERIES: &[&str] = &[
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
    for round in 0..30 {
        for (i, q) in QUERIES.iter().enumerate() {
            let query = ProblemQuery {
                search: Some((*q).to_string()),
                difficulty: (round % 3 == 0)
                    .then_some([Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][i % 3]),
                ..ProblemQuery::default()
            };
            let t = Instant::now();
            let page = store.list_problems(&query).expect("search");
            times.push(t.elapsed());
            std::hint::black_box(page);
        }
    }
    let t = Instant::now();
    std::hint::black_box(store.list_problems(&ProblemQuery::default()).expect("list"));
    let unfiltered = t.elapsed();
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "{label}: {} searches, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; full list {:.2} ms",
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
                    .replacen(
                        "title = \"",
                        &format!(
                            "title = \"{} {} ",
                            words[i % words.len()],
                            words[(i / 7) % words.len()]
                        ),
                        1,
                    ),
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
