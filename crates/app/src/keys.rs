//! Provider keys as the settings page and `rehearse keys` see them: set / not set and the last
//! four characters, stored and removed in the OS keychain, and tested with one cheap request.

use crate::{App, AppError};
use rehearse_core::error::Coded;
use rehearse_core::ErrorBody;
use rehearse_core::ErrorCode;
use rehearse_secrets::{Backend, KeyStatus, Keychain, Provider, Secret};
use serde::Serialize;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// Every provider's key status, and which keychain holds them (or why none can).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KeysView {
    pub keychain: Option<Backend>,
    /// Why no keychain is available; keys from the environment still show.
    pub keychain_error: Option<ErrorBody>,
    pub keys: Vec<KeyStatus>,
}

/// The result of trying a key against its provider.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KeyCheck {
    pub provider: Provider,
    pub ok: bool,
    /// A stable code when it failed: no_key, key_rejected, provider_unreachable, provider_error.
    pub code: Option<ErrorCode>,
    pub message: String,
    pub latency_ms: u64,
}

const CHECK_TIMEOUT: Duration = Duration::from_secs(15);

impl App {
    pub fn keychain(&self) -> Result<Keychain, AppError> {
        Ok(Keychain::open()?)
    }

    pub fn keys(&self) -> KeysView {
        match self
            .keychain()
            .and_then(|k| Ok((k.backend(), k.statuses()?)))
        {
            Ok((backend, keys)) => KeysView {
                keychain: Some(backend),
                keychain_error: None,
                keys,
            },
            Err(e) => KeysView {
                keychain: None,
                keychain_error: Some(e.body()),
                keys: Provider::ALL.iter().map(|p| env_only(*p)).collect(),
            },
        }
    }

    pub fn set_key(&self, provider: Provider, key: &str) -> Result<KeyStatus, AppError> {
        let chain = self.keychain()?;
        chain.set(provider, key)?;
        Ok(chain.status(provider)?)
    }

    /// Removes the stored key; the environment variable, if set, still applies.
    pub fn remove_key(&self, provider: Provider) -> Result<KeyStatus, AppError> {
        let chain = self.keychain()?;
        chain.remove(provider)?;
        Ok(chain.status(provider)?)
    }

    /// The key in use for `provider`: its environment variable, else the keychain's.
    pub fn key(&self, provider: Provider) -> Result<Secret, AppError> {
        match rehearse_secrets::env_key(provider) {
            Some(key) => Ok(key),
            None => Ok(self.keychain()?.require(provider)?),
        }
    }

    /// One cheap authenticated request (listing models) with the key in use.
    pub async fn check_key(&self, provider: Provider) -> Result<KeyCheck, AppError> {
        let key = self.key(provider)?;
        let endpoints = self.endpoints()?;
        let Some(base) = endpoints.base_url(provider) else {
            return Err(AppError::InvalidInput(
                "The OpenAI-compatible endpoint has no base URL: enter it on the Settings page (or set REHEARSE_COMPATIBLE_BASE_URL).".into(),
            ));
        };
        let started = Instant::now();
        let outcome = request(&self.http, provider, base, &key).await;
        let latency_ms = started.elapsed().as_millis() as u64;
        let (ok, code, message) = match outcome {
            Ok(()) => (
                true,
                None,
                format!("{} accepted the key.", provider.label()),
            ),
            Err((code, message)) => (false, Some(code), message),
        };
        tracing::info!(provider = provider.id(), ok, latency_ms, "key checked");
        Ok(KeyCheck {
            provider,
            ok,
            code,
            message,
            latency_ms,
        })
    }
}

fn env_only(p: Provider) -> KeyStatus {
    let key = rehearse_secrets::env_key(p);
    KeyStatus {
        provider: p,
        label: p.label().into(),
        set: key.is_some(),
        source: key.as_ref().map(|_| rehearse_secrets::KeySource::Env),
        last4: key.map(|k| k.last4()),
        env_var: p.env_var().map(str::to_string),
    }
}

/// One cheap authenticated request, on the app's HTTP client.
async fn request(
    http: &reqwest::Client,
    provider: Provider,
    base: &str,
    key: &Secret,
) -> Result<(), (ErrorCode, String)> {
    let call = match provider {
        Provider::Openai | Provider::Compatible => {
            http.get(format!("{base}/models")).bearer_auth(key.expose())
        }
        Provider::Gemini => http
            .get(format!("{base}/v1beta/models?pageSize=1"))
            .header("x-goog-api-key", key.expose()),
        Provider::Anthropic => http
            .get(format!("{base}/v1/models?limit=1"))
            .header("x-api-key", key.expose())
            .header("anthropic-version", rehearse_agents::ANTHROPIC_VERSION),
    };
    let label = provider.label();
    match call.timeout(CHECK_TIMEOUT).send().await {
        Ok(resp) => match resp.status().as_u16() {
            200..=299 => Ok(()),
            s @ (401 | 403) => Err((ErrorCode::KeyRejected, format!("{label} refused the key (HTTP {s}): check that it was copied whole and is still active."))),
            429 => Err((ErrorCode::ProviderError, format!("{label} says too many requests or no credit left (HTTP 429): check your plan and try again later."))),
            s => Err((ErrorCode::ProviderError, format!("{label} answered HTTP {s} at {base}: check the base URL, or try again later."))),
        },
        Err(e) => Err((ErrorCode::ProviderUnreachable, format!("Cannot reach {label} at {base} ({}): check your network or the base URL.", rehearse_agents::root_cause(&e)))),
    }
}
