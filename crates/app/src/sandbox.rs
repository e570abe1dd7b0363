//! Running code: the sandbox configured from config.toml, the settings page and the
//! environment; Run and Submit against a problem's tests (with the reference answer for
//! custom input); the playground; each run stored.

use crate::{App, AppError};
use rehearse_core::run::{ExecReport, RunMode, RunReport, SandboxProgress, Verdict};
use rehearse_core::Language;
pub use rehearse_sandbox::Sandbox;
use rehearse_sandbox::{JudgeRequest, JudgeTest, SandboxConfig, Suite};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use ts_rs::TS;

/// The sandbox once connected; empty until the first run, and again after Settings change.
pub(crate) type SandboxSlot = Arc<tokio::sync::Mutex<Option<Arc<Sandbox>>>>;

/// Input the candidate typed for a Run: one value per parameter, by name.
pub type CustomInput = BTreeMap<String, Value>;

/// What the Run and Submit buttons (and `rehearse run`) ask for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunRequest {
    pub slug: String,
    pub language: Language,
    pub code: String,
    pub mode: RunMode,
    /// Extra inputs for a Run, each checked against the signature.
    #[serde(default)]
    #[ts(type = "Array<Record<string, unknown>>")]
    pub custom: Vec<CustomInput>,
}

impl App {
    pub fn config_file(&self) -> std::path::PathBuf {
        self.paths.config_dir.join("config.toml")
    }

    /// Defaults, then `[sandbox]` in config.toml, then the images chosen in settings, then
    /// the environment.
    pub fn sandbox_config(&self) -> Result<SandboxConfig, AppError> {
        let file = self.config_file();
        let mut config = match std::fs::read_to_string(&file) {
            Ok(text) => SandboxConfig::from_toml(&text)
                .map_err(|e| AppError::InvalidInput(format!("{}: {e}", file.display())))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => SandboxConfig::default(),
            Err(e) => return Err(AppError::InvalidInput(format!("{}: {e}", file.display()))),
        };
        for (lang, image) in self.store.settings()?.images {
            if !image.trim().is_empty() {
                config.images.insert(lang, image);
            }
        }
        config.apply_env(|k| std::env::var(k).ok())?;
        Ok(config)
    }

    pub fn sandbox_cache_dir(&self) -> std::path::PathBuf {
        self.paths.data_dir.join("cache").join("sandbox")
    }

    /// The connected sandbox, connecting on first use.
    pub async fn sandbox(&self) -> Result<Arc<Sandbox>, AppError> {
        let mut slot = self.sandbox.lock().await;
        if let Some(sb) = slot.as_ref() {
            return Ok(sb.clone());
        }
        let sb =
            Arc::new(Sandbox::connect(self.sandbox_config()?, self.sandbox_cache_dir()).await?);
        *slot = Some(sb.clone());
        Ok(sb)
    }

    /// Connects again (Retry, or Docker started since), dropping the old connection.
    pub async fn reconnect_sandbox(&self) -> Result<Arc<Sandbox>, AppError> {
        *self.sandbox.lock().await = None;
        self.sandbox().await
    }

    /// The connection, if one was made; for work that should not connect on its own.
    pub async fn sandbox_if_connected(&self) -> Option<Arc<Sandbox>> {
        self.sandbox.lock().await.clone()
    }

    /// The user's preferences.
    pub fn settings(&self) -> Result<rehearse_core::settings::Settings, AppError> {
        Ok(self.store.settings()?)
    }

    /// The latest stored runs of a problem.
    pub fn runs(&self, slug: &str) -> Result<Vec<rehearse_store::RunSummary>, AppError> {
        Ok(self.store.runs(slug, 20)?)
    }

    /// Saves the preferences; the next run connects again, with the images just chosen.
    pub async fn save_settings(
        &self,
        settings: &rehearse_core::settings::Settings,
    ) -> Result<(), AppError> {
        self.store.save_settings(settings)?;
        *self.sandbox.lock().await = None;
        Ok(())
    }

    /// Run (the examples and any custom input) or Submit (every test), stored afterwards.
    pub async fn judge(
        &self,
        sandbox: &Sandbox,
        req: &RunRequest,
        progress: &(dyn Fn(SandboxProgress) + Send + Sync),
    ) -> Result<RunReport, AppError> {
        let report = self.judge_unrecorded(sandbox, req, progress).await?;
        if let Err(e) = self.store.record_run(&req.slug, &req.code, &report) {
            tracing::error!(error = %e, "run not stored");
            return Err(e.into());
        }
        Ok(report)
    }

    /// As `judge`, leaving the storing to the caller (a session stores it with its own).
    pub async fn judge_unrecorded(
        &self,
        sandbox: &Sandbox,
        req: &RunRequest,
        progress: &(dyn Fn(SandboxProgress) + Send + Sync),
    ) -> Result<RunReport, AppError> {
        let RunRequest {
            slug,
            language,
            code,
            mode,
            custom,
        } = req;
        let (language, mode) = (*language, *mode);
        let material = self.store.judge_material(slug)?;
        for (k, input) in custom.iter().enumerate() {
            check_input(&material.signature, input)
                .map_err(|e| AppError::InvalidInput(format!("custom input {}: {e}", k + 1)))?;
        }
        let suite = Suite {
            signature: &material.signature,
            comparator: &material.comparator,
            checker: material.checker.as_deref(),
            time_limit_ms: material.time_limit_ms,
            tests: &material.tests,
        };
        let mut request = JudgeRequest::new(suite, language, code, mode);
        if mode == RunMode::Run && !custom.is_empty() {
            let expected = self
                .reference_answers(sandbox, &material, suite, custom)
                .await?;
            request.tests.extend(
                custom
                    .iter()
                    .zip(expected)
                    .map(|(input, expected)| JudgeTest {
                        input: input.clone(),
                        expected,
                        example: false,
                        custom: true,
                    }),
            );
        }
        let mut report = sandbox.judge(&request, progress).await?;
        // A passing hidden test's data (up to 10^4 values) helps nobody; a failing one's does.
        for t in report
            .tests
            .iter_mut()
            .filter(|t| !t.example && !t.custom && t.verdict == Verdict::Accepted)
        {
            t.input = None;
            t.expected = None;
            t.actual = None;
        }
        Ok(report)
    }

    /// What the reference solution answers for each custom input (None where it fails).
    async fn reference_answers(
        &self,
        sandbox: &Sandbox,
        material: &rehearse_store::JudgeMaterial,
        suite: Suite<'_>,
        custom: &[CustomInput],
    ) -> Result<Vec<Option<Value>>, AppError> {
        let Some((lang, code)) = material
            .solutions
            .iter()
            .find(|(l, _)| **l == Language::Python)
            .or_else(|| material.solutions.iter().next())
        else {
            return Ok(vec![None; custom.len()]);
        };
        let request = JudgeRequest {
            tests: custom
                .iter()
                .map(|input| JudgeTest {
                    input: input.clone(),
                    expected: None,
                    example: false,
                    custom: true,
                })
                .collect(),
            ..JudgeRequest::new(suite, *lang, code, RunMode::Run)
        };
        let report = sandbox.judge(&request, &|_| {}).await?;
        Ok(report
            .tests
            .into_iter()
            .map(|t| {
                (t.verdict == Verdict::Accepted)
                    .then_some(t.actual)
                    .flatten()
            })
            .collect())
    }

    /// The playground: a whole program with stdin, stored as an `exec` run.
    pub async fn exec(
        &self,
        sandbox: &Sandbox,
        language: Language,
        code: &str,
        stdin: &[u8],
        progress: &(dyn Fn(SandboxProgress) + Send + Sync),
    ) -> Result<ExecReport, AppError> {
        let report = sandbox.exec(language, code, stdin, progress).await?;
        let status = serde_json::to_value(report.status)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        self.store
            .record_exec(language, code, &status, &report, report.time_ms)?;
        Ok(report)
    }
}

fn check_input(sig: &rehearse_core::Signature, input: &CustomInput) -> Result<(), String> {
    for p in &sig.params {
        let value = input
            .get(&p.name)
            .ok_or_else(|| format!("`{}` is missing", p.name))?;
        p.ty.check(value)
            .map_err(|e| format!("`{}`: {e}", p.name))?;
    }
    if let Some(extra) = input
        .keys()
        .find(|k| !sig.params.iter().any(|p| &p.name == *k))
    {
        return Err(format!("`{extra}` is not a parameter"));
    }
    Ok(())
}
