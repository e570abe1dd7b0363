//! Compiles the problem library and the desktop migrations into the crate: one
//! `include_str!` per file (so edits rebuild), plus a content hash per problem.

use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::{Path, PathBuf};

const PROBLEM_FILES: [&str; 4] = ["problem.toml", "statement.md", "tests.json", "checker.py"];

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("../..");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let problems = root.join("problems");
    let migrations = root.join("migrations/desktop");
    println!("cargo:rerun-if-changed={}", problems.display());
    println!("cargo:rerun-if-changed={}", migrations.display());

    let mut code = String::from("pub static BUILTIN: &[BuiltinProblem] = &[\n");
    let mut all = Sha256::new();
    for dir in sorted(&problems)
        .into_iter()
        .filter(|d| d.join("problem.toml").is_file())
    {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 folder name");
        let mut files = Vec::new();
        for f in PROBLEM_FILES {
            if dir.join(f).is_file() {
                files.push((f.to_string(), dir.join(f)));
            }
        }
        for s in sorted(&dir.join("solutions")) {
            let file = s
                .file_name()
                .and_then(|n| n.to_str())
                .expect("utf-8 file name");
            files.push((format!("solutions/{file}"), s.clone()));
        }
        let mut h = Sha256::new();
        let mut entries = String::new();
        for (rel, path) in &files {
            h.update(rel.as_bytes());
            h.update(std::fs::read(path).expect("readable problem file"));
            writeln!(
                entries,
                "        ({rel:?}, include_str!({:?})),",
                path.canonicalize().expect("exists")
            )
            .expect("write");
        }
        let hash = hex(&h.finalize());
        all.update(hash.as_bytes());
        writeln!(
            code,
            "    BuiltinProblem {{ dir: {name:?}, hash: {hash:?}, files: &[\n{entries}    ] }},"
        )
        .expect("write");
    }
    code.push_str("];\n");
    writeln!(
        code,
        "pub static BUILTIN_HASH: &str = {:?};",
        hex(&all.finalize())
    )
    .expect("write");

    code.push_str("pub static MIGRATIONS: &[(u32, &str, &str, &str)] = &[\n");
    for up in sorted(&migrations) {
        let file = up
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8")
            .to_string();
        let Some(stem) = file.strip_suffix(".up.sql") else {
            continue;
        };
        let (num, name) = stem
            .split_once('_')
            .expect("migrations are named NNNN_name.up.sql");
        let version: u32 = num.parse().expect("numbered migration");
        let down = up.with_file_name(format!("{stem}.down.sql"));
        assert!(down.is_file(), "{file} has no matching .down.sql");
        writeln!(
            code,
            "    ({version}, {name:?}, include_str!({:?}), include_str!({:?})),",
            up.canonicalize().expect("exists"),
            down.canonicalize().expect("exists")
        )
        .expect("write");
    }
    code.push_str("];\n");
    std::fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
