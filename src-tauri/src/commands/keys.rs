//! Provider keys on the settings page: only "set / not set" and the last four characters ever
//! come back over IPC. The keychain and the key check block, so they run off the async
//! runtime.

use super::{blocking, Ctx};
use rehearse_app::keys::{KeyCheck, KeysView};
use rehearse_core::ErrorBody;
use rehearse_secrets::{KeyStatus, Provider};

pub async fn list(ctx: &Ctx) -> Result<KeysView, ErrorBody> {
    let app = ctx.app.clone();
    blocking(move || Ok(app.keys())).await
}

pub async fn set(ctx: &Ctx, provider: Provider, key: String) -> Result<KeyStatus, ErrorBody> {
    let app = ctx.app.clone();
    blocking(move || app.set_key(provider, &key)).await
}

pub async fn remove(ctx: &Ctx, provider: Provider) -> Result<KeyStatus, ErrorBody> {
    let app = ctx.app.clone();
    blocking(move || app.remove_key(provider)).await
}

pub async fn test(ctx: &Ctx, provider: Provider) -> Result<KeyCheck, ErrorBody> {
    Ok(ctx.app.check_key(provider).await?)
}
