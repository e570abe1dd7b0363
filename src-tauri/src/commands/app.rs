use super::Ctx;
use rehearse_app::Notice;
use rehearse_core::{ErrorBody, Language};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database: String,
    pub logs_dir: String,
    pub notices: Vec<Notice>,
    pub languages: Vec<LanguageInfo>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LanguageInfo {
    pub id: Language,
    pub label: String,
    /// The runner image used unless Settings, config.toml or the environment name another.
    pub default_image: String,
}

pub async fn info(ctx: &Ctx) -> Result<AppInfo, ErrorBody> {
    let paths = &ctx.app.paths;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: paths.data_dir.display().to_string(),
        database: paths.database().display().to_string(),
        logs_dir: paths.logs_dir().display().to_string(),
        notices: ctx.app.notices.clone(),
        languages: Language::ALL
            .iter()
            .map(|&id| LanguageInfo {
                id,
                label: id.display_name().into(),
                default_image: rehearse_sandbox::config::default_image(id).into(),
            })
            .collect(),
    })
}

pub async fn ui_ready(ctx: &Ctx, view: String, render_ms: Option<f64>) -> Result<(), ErrorBody> {
    let elapsed = ctx.started.elapsed();
    tracing::info!(
        view,
        elapsed_ms = elapsed.as_millis() as u64,
        render_ms,
        "view rendered"
    );
    if ctx.smoke.as_deref() == Some(view.as_str()) {
        match render_ms {
            Some(ms) => println!(
                "smoke: {view} rendered in {} ms (view {ms:.1} ms)",
                elapsed.as_millis()
            ),
            None => println!("smoke: {view} rendered in {} ms", elapsed.as_millis()),
        }
        let hold = std::env::var("REHEARSE_SMOKE_HOLD_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        tokio::time::sleep(std::time::Duration::from_millis(hold)).await;
        ctx.handle.exit(0);
    }
    Ok(())
}
