//! `rehearse doctor`: one line per check, each ok or failing with the fix.

use crate::App;
use rehearse_core::paths::Paths;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Ok,
    Fail,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Check {
    pub name: String,
    pub status: CheckStatus,
    /// What was found, or what to do about it.
    pub detail: String,
}

impl Check {
    fn ok(name: &str, detail: String) -> Check {
        Check {
            name: name.into(),
            status: CheckStatus::Ok,
            detail,
        }
    }

    fn fail(name: &str, detail: String) -> Check {
        Check {
            name: name.into(),
            status: CheckStatus::Fail,
            detail,
        }
    }
}

/// Runs every check. Works even when the database cannot be opened.
pub fn run(paths: &Paths) -> Vec<Check> {
    let mut checks = vec![data_dir(paths)];
    match App::open_at(paths.clone()) {
        Ok(app) => checks.push(database(&app)),
        Err(e) => checks.push(Check::fail(
            "database",
            format!("{} ({})", e, paths.database().display()),
        )),
    }
    checks
}

fn data_dir(paths: &Paths) -> Check {
    let dir = &paths.data_dir;
    let probe = dir.join(".rehearse-write-check");
    let result = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&probe, b"ok"))
        .and_then(|()| std::fs::remove_file(&probe));
    match result {
        Ok(()) => Check::ok("data dir", format!("{} is writable", dir.display())),
        Err(e) => Check::fail(
            "data dir",
            format!("{} is not writable ({e}); fix its permissions or set REHEARSE_DATA_DIR to a writable folder", dir.display()),
        ),
    }
}

fn database(app: &App) -> Check {
    let db = app.paths.database();
    let store = &app.store;
    let facts = || -> Result<_, rehearse_store::StoreError> {
        Ok((
            store.integrity_check()?,
            store.schema_version()?,
            store.list_problems(&Default::default())?.counts.total,
        ))
    };
    match facts() {
        Ok((integrity, version, n)) if integrity == "ok" => {
            Check::ok("database", format!("{} (schema {version}, {n} problems, integrity ok)", db.display()))
        }
        Ok((integrity, ..)) => Check::fail(
            "database",
            format!("integrity check failed: {integrity}; quit Rehearse and move {} aside to start fresh", db.display()),
        ),
        Err(e) => Check::fail("database", e.to_string()),
    }
}
