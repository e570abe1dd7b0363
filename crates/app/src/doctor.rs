//! `rehearse doctor`: one line per check, each ok or failing with the fix, and each
//! language's runner image.

use crate::App;
use rehearse_core::error::Coded;
use rehearse_core::paths::Paths;
use rehearse_core::run::RunnerInfo;
use rehearse_core::ErrorCode;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    /// What was found, or what to do about it.
    pub detail: String,
}

impl Check {
    fn ok(name: &str, detail: String) -> Check {
        Check {
            name: name.into(),
            ok: true,
            detail,
        }
    }

    fn fail(name: &str, detail: String) -> Check {
        Check {
            name: name.into(),
            ok: false,
            detail,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Runner {
    pub image: String,
    pub present: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub checks: Vec<Check>,
    /// By language id; empty when Docker cannot be reached.
    pub runners: BTreeMap<String, Runner>,
}

/// Runs every check. Works even when the database cannot be opened or Docker is missing.
pub async fn run(paths: &Paths) -> Report {
    let mut checks = vec![data_dir(paths)];
    let mut runners = BTreeMap::new();
    match App::open_at(paths.clone()) {
        Ok(app) => {
            checks.push(database(&app));
            checks.push(keychain(&app));
            checks.extend(audio(&app));
            checks.push(voice_provider(&app).await);
            sandbox(&app, &mut checks, &mut runners).await;
        }
        Err(e) => checks.push(Check::fail(
            "database",
            format!("{} ({})", e, paths.database().display()),
        )),
    }
    Report { checks, runners }
}

async fn sandbox(app: &App, checks: &mut Vec<Check>, runners: &mut BTreeMap<String, Runner>) {
    let sandbox = match app.sandbox().await {
        Ok(sandbox) => sandbox,
        Err(e) => {
            checks.push(Check::fail("docker", e.to_string()));
            return;
        }
    };
    let engine = sandbox.engine();
    checks.push(Check::ok(
        "docker",
        format!(
            "Docker {} (API {}) at {}",
            engine.version, engine.api_version, engine.host
        ),
    ));
    match sandbox.runners().await {
        Ok(list) => {
            for RunnerInfo {
                language,
                image,
                present,
            } in list
            {
                checks.push(if present {
                    Check::ok(&format!("image {}", language.id()), format!("{image} is on this machine"))
                } else {
                    Check::fail(
                        &format!("image {}", language.id()),
                        format!("{image} is not on this machine; the first run in {} downloads it (needs internet), or choose a local image in Settings", language.display_name()),
                    )
                });
                runners.insert(language.id().to_string(), Runner { image, present });
            }
        }
        Err(e) => checks.push(Check::fail("images", e.to_string())),
    }
}

/// Which OS keychain holds provider keys, and which keys are set (last four characters only).
fn keychain(app: &App) -> Check {
    let view = app.keys();
    let set: Vec<String> = view
        .keys
        .iter()
        .filter_map(|k| Some(format!("{} …{}", k.label, k.last4.as_ref()?)))
        .collect();
    let keys = if set.is_empty() {
        "no provider key set".to_string()
    } else {
        format!("keys: {}", set.join(", "))
    };
    match (view.keychain, view.keychain_error) {
        (Some(backend), _) => Check::ok("keychain", format!("{} ({keys})", backend.label())),
        (None, error) => Check::fail(
            "keychain",
            format!(
                "{} ({keys})",
                error.map_or_else(|| "no keychain".to_string(), |e| e.message)
            ),
        ),
    }
}

/// The microphone and output chosen in Settings (or the defaults) open.
fn audio(app: &App) -> [Check; 2] {
    use rehearse_voice::audio::capture::{CaptureOptions, Microphone};
    use rehearse_voice::audio::playback::Speaker;
    let voice = app.store.settings().map(|s| s.voice).unwrap_or_default();
    let (tx, _rx) = std::sync::mpsc::channel();
    let input = match Microphone::open(
        &CaptureOptions {
            device: voice.input_device.clone(),
            rate: rehearse_voice::openai::RATE,
            native_format: false,
        },
        tx,
    ) {
        Ok(m) => Check::ok(
            "audio input",
            format!(
                "{} ({} Hz, {} channel(s))",
                m.device_name, m.device_rate, m.device_channels
            ),
        ),
        Err(e) => Check::fail("audio input", e.to_string()),
    };
    let output = match Speaker::open(voice.output_device.as_deref(), rehearse_voice::openai::RATE) {
        Ok(s) => Check::ok("audio output", s.device_name.clone()),
        Err(e) => Check::fail("audio output", e.to_string()),
    };
    [input, output]
}

/// The voice provider chosen in Settings answers at its base URL (with the key, when one is
/// set: then the key is tested too).
async fn voice_provider(app: &App) -> Check {
    use rehearse_core::settings::VoiceProvider;
    use rehearse_secrets::Provider;
    let which = app
        .store
        .settings()
        .map(|s| s.voice.provider)
        .unwrap_or_default();
    let provider = match which {
        VoiceProvider::Openai => Provider::Openai,
        VoiceProvider::Gemini => Provider::Gemini,
    };
    let name = "voice provider";
    let base = match app.endpoints() {
        Ok(e) => e.base_url(provider).unwrap_or_default().to_string(),
        Err(e) => return Check::fail(name, e.to_string()),
    };
    match app.check_key(provider).await {
        Ok(c) if c.ok => Check::ok(name, format!("{} at {base}: {} ({} ms)", provider.label(), c.message, c.latency_ms)),
        Ok(c) => Check::fail(name, c.message),
        Err(e) if e.code() == ErrorCode::NoKey => match app.http().get(format!("{base}/models")).timeout(std::time::Duration::from_secs(15)).send().await {
            Ok(r) => Check::ok(name, format!("{} answers at {base} (HTTP {} without a key); no key is set, so voice interviews cannot start: `rehearse keys set {}` or the Settings page", provider.label(), r.status().as_u16(), provider.id())),
            Err(e) => Check::fail(name, format!("Cannot reach {} at {base} ({}): check your network or the base URL", provider.label(), rehearse_agents::root_cause(&e))),
        },
        Err(e) => Check::fail(name, e.to_string()),
    }
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
