//! The store against real SQLite files: migrations, recovery, seeding, search, drafts, hints, packs.

use rehearse_core::library;
use rehearse_core::problem::{Difficulty, ProblemStatus};
use rehearse_core::Language;
use rehearse_store::{migrate, ProblemQuery, Store, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rehearse.db");
    (dir, db)
}

fn schema(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name")
        .expect("query");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("schema")
}

#[test]
fn migrations_up_down_up_give_the_same_schema() {
    let (_d, db) = temp();
    let mut conn = Connection::open(&db).expect("open");
    migrate::migrate_to(&mut conn, migrate::latest()).expect("up");
    let first = schema(&conn);
    assert!(first.iter().any(|s| s.contains("problems_fts")));
    assert_eq!(migrate::migrate_to(&mut conn, 0).expect("down"), 0);
    assert!(
        schema(&conn).is_empty(),
        "down removes everything: {:?}",
        schema(&conn)
    );
    migrate::migrate_to(&mut conn, migrate::latest()).expect("up again");
    assert_eq!(schema(&conn), first);
}

#[test]
fn a_database_from_an_earlier_migration_set_keeps_its_data() {
    let (_d, db) = temp();
    {
        let mut conn = Connection::open(&db).expect("open");
        assert_eq!(migrate::migrate_to(&mut conn, 1).expect("v1"), 1);
        conn.execute("INSERT INTO drafts (problem_slug, language, code, updated_at) VALUES ('has-repeat', 'python', 'print(1)', 1)", [])
            .expect("insert");
    }
    let opened = Store::open(&db).expect("upgrade");
    assert_eq!(
        opened.store.schema_version().expect("version"),
        migrate::latest()
    );
    assert_eq!(
        opened
            .store
            .draft("has-repeat", Language::Python)
            .expect("draft")
            .as_deref(),
        Some("print(1)")
    );
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let (_d, db) = temp();
    drop(Store::open(&db).expect("create"));
    let conn = Connection::open(&db).expect("open");
    conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
        [],
    )
    .expect("insert");
    drop(conn);
    match Store::open(&db) {
        Err(e @ StoreError::SchemaTooNew { found: 999, .. }) => {
            assert!(e.to_string().contains("newer version of Rehearse"));
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
    assert!(db.exists(), "the file is not moved aside");
}

#[test]
fn a_corrupt_database_is_moved_aside_and_a_fresh_one_started() {
    let (dir, db) = temp();
    std::fs::write(
        &db,
        b"this is not a database, just some bytes that happen to be here....",
    )
    .expect("write");
    let opened = Store::open(&db).expect("opens anyway");
    let aside = opened.moved_aside.expect("moved aside");
    assert!(aside.starts_with(dir.path()));
    assert!(std::fs::read(&aside)
        .expect("kept")
        .starts_with(b"this is not a database"));
    assert!(
        opened
            .store
            .list_problems(&ProblemQuery::default())
            .expect("works")
            .counts
            .total
            > 0
    );
    assert_eq!(opened.store.integrity_check().expect("check"), "ok");
}

#[test]
fn seeding_is_idempotent_and_never_touches_drafts() {
    let (_d, db) = temp();
    let first = Store::open(&db).expect("open");
    assert!(first.seed.changed && first.seed.written > 0);
    first
        .store
        .save_draft("has-repeat", Language::Go, "package main")
        .expect("draft");
    let total = first
        .store
        .list_problems(&ProblemQuery::default())
        .expect("list")
        .counts
        .total;
    drop(first);

    let second = Store::open(&db).expect("reopen");
    assert!(!second.seed.changed, "an unchanged library is not reseeded");
    drop(second);

    let conn = Connection::open(&db).expect("open");
    conn.execute(
        "UPDATE library_meta SET value = 'old' WHERE key = 'builtin_hash'",
        [],
    )
    .expect("age");
    conn.execute(
        "UPDATE problems SET content_hash = 'old', title = 'Stale' WHERE slug = 'has-repeat'",
        [],
    )
    .expect("age");
    drop(conn);
    let third = Store::open(&db).expect("reseed");
    assert_eq!(
        third.seed.written, 1,
        "only the changed problem is rewritten"
    );
    assert_eq!(
        third.store.problem("has-repeat").expect("problem").title,
        "Any Value Twice?"
    );
    assert_eq!(
        third
            .store
            .draft("has-repeat", Language::Go)
            .expect("draft")
            .as_deref(),
        Some("package main")
    );
    assert_eq!(
        third
            .store
            .list_problems(&ProblemQuery::default())
            .expect("list")
            .counts
            .total,
        total
    );
}

fn slugs(store: &Store, q: ProblemQuery) -> Vec<String> {
    store
        .list_problems(&q)
        .expect("list")
        .problems
        .into_iter()
        .map(|p| p.slug)
        .collect()
}

fn search(text: &str) -> ProblemQuery {
    ProblemQuery {
        search: Some(text.into()),
        ..ProblemQuery::default()
    }
}

#[test]
fn search_ranks_title_matches_first_and_filters_combine() {
    let store = Store::open_in_memory().expect("store");
    assert_eq!(
        slugs(&store, search("brackets"))
            .first()
            .map(String::as_str),
        Some("balanced-brackets")
    );
    assert_eq!(
        slugs(&store, search("revers link"))
            .first()
            .map(String::as_str),
        Some("reverse-chain"),
        "prefix words match"
    );
    assert!(
        slugs(&store, search("\"unbalanced OR (quote*")).len() < 100,
        "operators are inert"
    );
    assert!(slugs(&store, search("zzzqqqxxx")).is_empty());

    let easy = store
        .list_problems(&ProblemQuery {
            difficulty: Some(Difficulty::Easy),
            ..ProblemQuery::default()
        })
        .expect("easy");
    assert!(easy
        .problems
        .iter()
        .all(|p| p.difficulty == Difficulty::Easy));
    assert_eq!(easy.counts.total, easy.counts.easy);

    let company = store
        .list_problems(&ProblemQuery {
            company: Some("bloomberg".into()),
            ..ProblemQuery::default()
        })
        .expect("company");
    assert!(
        !company.problems.is_empty()
            && company
                .problems
                .iter()
                .all(|p| p.companies.iter().any(|c| c == "Bloomberg"))
    );
}

#[test]
fn problem_details_show_examples_only() {
    let store = Store::open_in_memory().expect("store");
    for raw in rehearse_store::builtin_problems() {
        let p = library::parse(&raw).expect("valid");
        let detail = store.problem(&p.slug).expect("detail");
        let examples: Vec<_> = p.tests.iter().filter(|t| t.example).collect();
        assert_eq!(detail.examples.len(), examples.len(), "{}", p.slug);
        assert_eq!(detail.hint_count, 3);
        assert_eq!(detail.status, ProblemStatus::New);
    }
    assert!(matches!(
        store.problem("no-such-problem"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn hints_open_one_level_at_a_time_and_are_remembered() {
    let (_d, db) = temp();
    let store = Store::open(&db).expect("open").store;
    assert!(matches!(
        store.reveal_hint("best-trade", 2),
        Err(StoreError::HintLocked { expected: 1 })
    ));
    let first = store.reveal_hint("best-trade", 1).expect("hint 1");
    assert_eq!(
        store.reveal_hint("best-trade", 1).expect("again"),
        first,
        "revealing again is harmless"
    );
    store.reveal_hint("best-trade", 2).expect("hint 2");
    drop(store);
    let store = Store::open(&db).expect("reopen").store;
    assert_eq!(store.revealed_hints("best-trade").expect("hints").len(), 2);
    assert!(store.reveal_hint("best-trade", 4).is_err());
}

fn copy_problem(slug: &str, to: &Path, new_slug: &str) {
    let raw = rehearse_store::builtin_problems()
        .into_iter()
        .find(|p| p.dir == slug)
        .expect("problem");
    let dir = to.join(new_slug);
    for (rel, text) in raw.files {
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let text = if rel == "problem.toml" {
            text.replace(
                &format!("slug = \"{slug}\""),
                &format!("slug = \"{new_slug}\""),
            )
        } else {
            text
        };
        std::fs::write(path, text).expect("write");
    }
}

#[test]
fn a_valid_pack_is_imported_and_an_invalid_one_refused_whole() {
    let store = Store::open_in_memory().expect("store");
    let pack = tempfile::tempdir().expect("pack");
    copy_problem("has-repeat", pack.path(), "pack-repeat");
    let report = store.import_pack(pack.path()).expect("import");
    assert_eq!(report.added, vec!["pack-repeat".to_string()]);
    assert_eq!(
        store.problem("pack-repeat").expect("imported").title,
        "Any Value Twice?"
    );
    assert_eq!(
        store.import_pack(pack.path()).expect("again").updated,
        vec!["pack-repeat".to_string()]
    );

    let bad = tempfile::tempdir().expect("bad pack");
    copy_problem("best-trade", bad.path(), "pack-good");
    copy_problem("best-trade", bad.path(), "pack-broken");
    let toml = bad.path().join("pack-broken/problem.toml");
    let text = std::fs::read_to_string(&toml)
        .expect("read")
        .replace("difficulty = \"easy\"", "difficulty = \"trivial\"");
    std::fs::write(&toml, text).expect("write");
    std::fs::write(bad.path().join("pack-broken/tests.json"), "[]").expect("write");
    match store.import_pack(bad.path()) {
        Err(StoreError::InvalidPack { issues }) => {
            let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with("pack-broken: difficulty:")),
                "{lines:?}"
            );
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with("pack-broken: tests.json:")),
                "{lines:?}"
            );
        }
        other => panic!("expected an invalid pack, got {:?}", other.map(|r| r.added)),
    }
    assert!(
        store.problem("pack-good").is_err(),
        "nothing is half-imported"
    );

    let clash = tempfile::tempdir().expect("clash");
    copy_problem("has-repeat", clash.path(), "has-repeat");
    assert!(matches!(
        store.import_pack(clash.path()),
        Err(StoreError::InvalidPack { .. })
    ));
    assert_eq!(
        store.problem("has-repeat").expect("kept").title,
        "Any Value Twice?"
    );
}

#[test]
fn the_built_in_library_is_valid_and_broad() {
    let problems =
        library::parse_all(&rehearse_store::builtin_problems()).unwrap_or_else(|issues| {
            panic!(
                "invalid built-in library:\n{}",
                issues
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
    let count = |d: Difficulty| problems.iter().filter(|p| p.difficulty == d).count();
    assert!(count(Difficulty::Easy) >= 25, "at least 25 easy problems");
    assert!(
        count(Difficulty::Medium) >= 25,
        "at least 25 medium problems"
    );
    assert!(count(Difficulty::Hard) >= 10, "at least 10 hard problems");
    let categories: std::collections::BTreeSet<_> = problems
        .iter()
        .flat_map(|p| p.categories.iter().copied())
        .collect();
    assert!(
        categories.len() >= 12,
        "at least 12 categories, found {}",
        categories.len()
    );
    for p in &problems {
        assert_eq!(p.hints.len(), 3, "{}", p.slug);
        assert!(
            p.tests.iter().filter(|t| t.example).count() >= 2,
            "{}",
            p.slug
        );
        assert!(
            p.tests.iter().filter(|t| !t.example).count() >= 6,
            "{}",
            p.slug
        );
        for lang in library::REQUIRED_SOLUTIONS {
            assert!(p.solutions.contains_key(&lang), "{} lacks {lang}", p.slug);
        }
    }
}

#[test]
fn a_limited_page_still_counts_every_match() {
    let store = Store::open_in_memory().expect("store");
    let all = store.list_problems(&ProblemQuery::default()).expect("all");
    let page = store
        .list_problems(&ProblemQuery {
            limit: Some(5),
            ..ProblemQuery::default()
        })
        .expect("page");
    assert_eq!(page.problems.len(), 5);
    assert_eq!(page.counts, all.counts);
    assert_eq!(page.counts.total as usize, all.problems.len());
    assert_eq!(
        page.counts.easy + page.counts.medium + page.counts.hard,
        page.counts.total
    );
    let names: Vec<&str> = all
        .problems
        .iter()
        .take(5)
        .map(|p| p.slug.as_str())
        .collect();
    assert_eq!(
        page.problems
            .iter()
            .map(|p| p.slug.as_str())
            .collect::<Vec<_>>(),
        names
    );
}

#[test]
fn deleting_a_session_deletes_everything_recorded_in_it() {
    use rehearse_core::session::{InterviewerMode, SnapshotKind, Speaker};
    use rehearse_core::Language;
    let (_d, path) = temp();
    let store = Store::open(&path).expect("open").store;
    let s = store
        .create_session(&rehearse_store::NewSession {
            problem_slug: "stair-paths".into(),
            language: Language::Python,
            mode: InterviewerMode::Silent,
            duration_ms: 60_000,
            owner_pid: Some(1),
        })
        .expect("session");
    store
        .add_snapshot(
            &s.id,
            "stair-paths",
            Language::Python,
            "x = 1",
            SnapshotKind::Manual,
            10,
        )
        .expect("snapshot");
    store.session_hint(&s.id, "stair-paths", 20).expect("hint");
    store
        .add_transcript(&s.id, 30, Speaker::Candidate, "hello")
        .expect("line");
    let count = |table: &str| -> i64 {
        let conn = Connection::open(&path).expect("open");
        conn.query_row(
            &format!("SELECT COUNT(*) FROM {table} WHERE session_id = ?1"),
            [&s.id],
            |r| r.get(0),
        )
        .expect("count")
    };
    for table in [
        "code_snapshots",
        "hint_reveals",
        "transcripts",
        "session_events",
    ] {
        assert!(count(table) > 0, "{table} has rows");
    }
    store.delete_session(&s.id).expect("delete");
    for table in [
        "code_snapshots",
        "hint_reveals",
        "transcripts",
        "session_events",
        "runs",
        "evaluations",
    ] {
        assert_eq!(count(table), 0, "{table} is empty after the delete");
    }
    assert_eq!(
        store
            .delete_session(&s.id)
            .map_err(|e| rehearse_core::error::Coded::code(&e)),
        Err(rehearse_core::ErrorCode::NotFound)
    );
}
