use super::{err, Ctx};
use rehearse_core::run::{RunReport, RunnerInfo, SandboxProgress};
use rehearse_core::{ErrorBody, Language};
use serde::Serialize;
use tauri::Emitter;
use ts_rs::TS;

/// What the problem view shows next to Run.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SandboxStatus {
    pub ready: bool,
    /// Why code cannot run, with what to do (Docker not installed, not running, …).
    pub error: Option<ErrorBody>,
    /// e.g. "Docker 27.3.1"
    pub engine: Option<String>,
    pub runners: Vec<RunnerInfo>,
}

pub async fn status(ctx: &Ctx) -> Result<SandboxStatus, ErrorBody> {
    let sb = match ctx.app.reconnect_sandbox().await {
        Ok(sb) => sb,
        Err(error) => {
            return Ok(SandboxStatus {
                ready: false,
                error: Some(error.into()),
                engine: None,
                runners: Vec::new(),
            })
        }
    };
    let runners = sb.runners().await.map_err(err)?;
    Ok(SandboxStatus {
        ready: true,
        error: None,
        engine: Some(format!("Docker {}", sb.engine().version)),
        runners,
    })
}

pub async fn warm(ctx: &Ctx, language: Language) -> Result<u32, ErrorBody> {
    let sb = ctx.app.sandbox().await.map_err(err)?;
    sb.warm(language).await.map_err(err)
}

pub async fn run(
    ctx: &Ctx,
    request: rehearse_app::sandbox::RunRequest,
) -> Result<RunReport, ErrorBody> {
    let handle = ctx.handle.clone();
    let progress = move |event: SandboxProgress| {
        let _ = handle.emit("sandbox-progress", event);
    };
    let sb = ctx.app.sandbox().await.map_err(err)?;
    ctx.app.judge(&sb, &request, &progress).await.map_err(err)
}

pub async fn runs(ctx: &Ctx, slug: String) -> Result<Vec<rehearse_store::RunSummary>, ErrorBody> {
    ctx.app.runs(&slug).map_err(err)
}
