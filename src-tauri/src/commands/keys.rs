//! Provider keys on the settings page: only "set / not set" and the last four characters ever
//! come back over IPC.

use super::{err, Ctx};
use rehearse_app::keys::{KeyCheck, KeysView};
use rehearse_core::ErrorBody;
use rehearse_secrets::{KeyStatus, Provider};

pub fn list(ctx: &Ctx) -> Result<KeysView, ErrorBody> {
    Ok(ctx.app.keys())
}

pub fn set(ctx: &Ctx, provider: Provider, key: String) -> Result<KeyStatus, ErrorBody> {
    ctx.app.set_key(provider, &key).map_err(err)
}

pub fn remove(ctx: &Ctx, provider: Provider) -> Result<KeyStatus, ErrorBody> {
    ctx.app.remove_key(provider).map_err(err)
}

pub fn test(ctx: &Ctx, provider: Provider) -> Result<KeyCheck, ErrorBody> {
    ctx.app.check_key(provider).map_err(err)
}
