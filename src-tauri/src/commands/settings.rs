use super::{err, Ctx};
use rehearse_core::settings::Settings;
use rehearse_core::ErrorBody;

pub fn get(ctx: &Ctx) -> Result<Settings, ErrorBody> {
    ctx.app.store.settings().map_err(err)
}

pub fn save(ctx: &Ctx, settings: Settings) -> Result<(), ErrorBody> {
    ctx.app.store.save_settings(&settings).map_err(err)?;
    // The next run connects again, with the images just chosen.
    *ctx.sandbox.blocking_lock() = None;
    Ok(())
}
