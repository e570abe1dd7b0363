use super::{err, Ctx};
use rehearse_core::settings::Settings;
use rehearse_core::ErrorBody;

pub async fn get(ctx: &Ctx) -> Result<Settings, ErrorBody> {
    ctx.app.settings().map_err(err)
}

pub async fn save(ctx: &Ctx, settings: Settings) -> Result<(), ErrorBody> {
    ctx.app.save_settings(&settings).await.map_err(err)
}

pub async fn ai_routes(ctx: &Ctx) -> Result<Vec<rehearse_app::ai::AiRoute>, ErrorBody> {
    ctx.app.ai_routes().map_err(err)
}
