//! Provider API keys in the OS keychain: the Secret Service where a desktop session offers one,
//! else the kernel keyring (headless Linux). Environment variables override the keychain for
//! headless use. No keychain at all is an error, never a silent fallback to a file. A key
//! leaves this crate only as a [`Secret`], whose `Debug` shows the last four characters.

mod backend;
mod error;
mod kernel;
mod provider;

pub use backend::Backend;
pub use error::SecretsError;
pub use provider::Provider;

use serde::Serialize;
use ts_rs::TS;

/// Where the key in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// The provider's environment variable (e.g. `OPENAI_API_KEY`), which wins.
    Env,
    Keychain,
}

/// What the UI and IPC may know of a key: whether it is set, and its last four characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KeyStatus {
    pub provider: Provider,
    pub label: String,
    pub set: bool,
    pub source: Option<KeySource>,
    pub last4: Option<String>,
    /// The environment variable that overrides the keychain, if the provider has one.
    pub env_var: Option<String>,
}

/// An API key. Never serialized; `Debug` and `Display` show only its last four characters.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The key itself, for the one request header that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn last4(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secret(…{})", self.last4())
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "…{}", self.last4())
    }
}

/// The provider's key from its environment variable alone: what still works where no keychain
/// is available.
pub fn env_key(provider: Provider) -> Option<Secret> {
    provider
        .env_var()
        .and_then(|name| std::env::var(name).ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .map(Secret)
}

/// Reads an environment variable; tests pass their own.
pub type EnvLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The keychain entries of one service name (`app.rehearse` unless `REHEARSE_KEYCHAIN_SERVICE`
/// says otherwise, which tests use to keep to their own entries).
pub struct Keychain {
    backend: Backend,
    service: String,
    env: Box<EnvLookup>,
}

pub const DEFAULT_SERVICE: &str = "app.rehearse";

impl Keychain {
    /// The keychain the environment names: `REHEARSE_KEYCHAIN` = `secret-service`, `kernel`, or
    /// `auto` (the default: the Secret Service if a session bus offers one, else the kernel
    /// keyring).
    pub fn open() -> Result<Keychain, SecretsError> {
        let choice = std::env::var("REHEARSE_KEYCHAIN").unwrap_or_default();
        let backend = Backend::choose(&choice)?;
        let service = std::env::var("REHEARSE_KEYCHAIN_SERVICE")
            .ok()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| DEFAULT_SERVICE.into());
        Ok(Keychain {
            backend,
            service,
            env: Box::new(|name| std::env::var(name).ok()),
        })
    }

    /// A keychain on `backend` under `service`, reading overrides through `env`.
    pub fn with(backend: Backend, service: &str, env: Box<EnvLookup>) -> Keychain {
        Keychain {
            backend,
            service: service.into(),
            env,
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Stores `key` for `provider`, replacing any earlier one.
    pub fn set(&self, provider: Provider, key: &str) -> Result<(), SecretsError> {
        let key = key.trim();
        if key.is_empty() {
            return Err(SecretsError::EmptyKey);
        }
        if key.chars().any(char::is_whitespace) {
            return Err(SecretsError::MalformedKey);
        }
        self.backend
            .entry(&self.service, provider.id())?
            .set_password(key)
            .map_err(|e| self.backend.error(e))?;
        tracing::info!(provider = provider.id(), backend = ?self.backend, "key stored in the keychain");
        Ok(())
    }

    /// Removes the stored key; false when there was none.
    pub fn remove(&self, provider: Provider) -> Result<bool, SecretsError> {
        match self
            .backend
            .entry(&self.service, provider.id())?
            .delete_credential()
        {
            Ok(()) => {
                tracing::info!(provider = provider.id(), "key removed from the keychain");
                Ok(true)
            }
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(self.backend.error(e)),
        }
    }

    /// The key to use: the environment variable if set, else the keychain's.
    pub fn get(&self, provider: Provider) -> Result<Option<(Secret, KeySource)>, SecretsError> {
        if let Some(v) = provider
            .env_var()
            .and_then(|name| (self.env)(name))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
        {
            return Ok(Some((Secret(v), KeySource::Env)));
        }
        match self
            .backend
            .entry(&self.service, provider.id())?
            .get_password()
        {
            Ok(v) => Ok(Some((Secret(v), KeySource::Keychain))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(self.backend.error(e)),
        }
    }

    /// Like [`Keychain::get`], but a missing key is an error saying how to add one.
    pub fn require(&self, provider: Provider) -> Result<Secret, SecretsError> {
        self.get(provider)?
            .map(|(s, _)| s)
            .ok_or(SecretsError::NoKey(provider))
    }

    pub fn status(&self, provider: Provider) -> Result<KeyStatus, SecretsError> {
        let found = self.get(provider)?;
        Ok(KeyStatus {
            provider,
            label: provider.label().into(),
            set: found.is_some(),
            source: found.as_ref().map(|(_, s)| *s),
            last4: found.as_ref().map(|(k, _)| k.last4()),
            env_var: provider.env_var().map(str::to_string),
        })
    }

    /// Every provider's status, in the order the settings page lists them.
    pub fn statuses(&self) -> Result<Vec<KeyStatus>, SecretsError> {
        Provider::ALL.iter().map(|p| self.status(*p)).collect()
    }
}
