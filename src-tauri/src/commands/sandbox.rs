use super::{err, Ctx};
use rehearse_core::run::{RunReport, RunnerInfo, SandboxProgress};
use rehearse_core::{ErrorBody, Language};
use rehearse_sandbox::Sandbox;
use serde::Serialize;
use std::sync::Arc;
use tauri::Emitter;
use ts_rs::TS;

/// The sandbox, once connected; shared by every command.
pub type SandboxSlot = Arc<tokio::sync::Mutex<Option<Arc<Sandbox>>>>;

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

/// The connected sandbox, connecting if needed.
pub async fn connected(ctx: &Ctx) -> Result<Arc<Sandbox>, ErrorBody> {
    sandbox(ctx, false).await
}

/// The connected sandbox; `fresh` drops the old connection first (Retry).
async fn sandbox(ctx: &Ctx, fresh: bool) -> Result<Arc<Sandbox>, ErrorBody> {
    let mut slot = ctx.sandbox.lock().await;
    if fresh {
        *slot = None;
    }
    if let Some(sb) = slot.as_ref() {
        return Ok(sb.clone());
    }
    let sb = Arc::new(ctx.app.connect_sandbox().await.map_err(err)?);
    *slot = Some(sb.clone());
    Ok(sb)
}

pub fn status(ctx: &Ctx) -> Result<SandboxStatus, ErrorBody> {
    tauri::async_runtime::block_on(async {
        let sb = match sandbox(ctx, true).await {
            Ok(sb) => sb,
            Err(error) => {
                return Ok(SandboxStatus {
                    ready: false,
                    error: Some(error),
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
    })
}

pub fn warm(ctx: &Ctx, language: Language) -> Result<u32, ErrorBody> {
    tauri::async_runtime::block_on(async {
        let sb = sandbox(ctx, false).await?;
        sb.warm(language).await.map_err(err)
    })
}

pub fn run(ctx: &Ctx, request: rehearse_app::sandbox::RunRequest) -> Result<RunReport, ErrorBody> {
    let handle = ctx.handle.clone();
    let progress = move |event: SandboxProgress| {
        let _ = handle.emit("sandbox-progress", event);
    };
    tauri::async_runtime::block_on(async {
        let sb = sandbox(ctx, false).await?;
        ctx.app.judge(&sb, &request, &progress).await.map_err(err)
    })
}

pub fn runs(ctx: &Ctx, slug: String) -> Result<Vec<rehearse_store::RunSummary>, ErrorBody> {
    ctx.app.store.runs(&slug, 20).map_err(err)
}
