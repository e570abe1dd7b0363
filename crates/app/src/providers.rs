//! Where each AI provider is reached: built-in defaults, then `[providers.<id>]` in
//! config.toml, then the settings page (the OpenAI-compatible endpoint's URL), then the
//! environment (`REHEARSE_OPENAI_BASE_URL`, `REHEARSE_GEMINI_BASE_URL`,
//! `REHEARSE_ANTHROPIC_BASE_URL`, `REHEARSE_COMPATIBLE_BASE_URL`) for proxies and tests.

use crate::{App, AppError};
use rehearse_secrets::Provider;
use serde::Deserialize;
use std::collections::BTreeMap;

/// `[providers.<id>]` in config.toml.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderSection {
    pub base_url: Option<String>,
    /// The realtime model (voice interviews).
    pub model: Option<String>,
    /// The interviewer's voice.
    pub voice: Option<String>,
    /// The model that transcribes the candidate (OpenAI).
    pub transcription_model: Option<String>,
    /// How OpenAI decides the candidate finished speaking: `semantic` (the default) or
    /// `server` (silence-based).
    pub turn_detection: Option<String>,
    /// For semantic detection: `low` (the default: a pause to think is not the end), `medium`,
    /// `high` or `auto`.
    pub eagerness: Option<String>,
    /// US dollars per million tokens, for the running cost estimate.
    pub prices: Option<rehearse_voice::interview::cost::Prices>,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    providers: BTreeMap<String, ProviderSection>,
}

/// The base URL of every provider, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoints {
    urls: BTreeMap<&'static str, String>,
    sections: BTreeMap<String, ProviderSection>,
}

impl Endpoints {
    pub fn default_url(p: Provider) -> Option<&'static str> {
        match p {
            Provider::Openai => Some("https://api.openai.com/v1"),
            Provider::Gemini => Some("https://generativelanguage.googleapis.com"),
            Provider::Anthropic => Some("https://api.anthropic.com"),
            Provider::Compatible => None,
        }
    }

    fn env_var(p: Provider) -> &'static str {
        match p {
            Provider::Openai => "REHEARSE_OPENAI_BASE_URL",
            Provider::Gemini => "REHEARSE_GEMINI_BASE_URL",
            Provider::Anthropic => "REHEARSE_ANTHROPIC_BASE_URL",
            Provider::Compatible => "REHEARSE_COMPATIBLE_BASE_URL",
        }
    }

    /// The provider's base URL without a trailing slash; None only for an OpenAI-compatible
    /// endpoint nobody configured.
    pub fn base_url(&self, p: Provider) -> Option<&str> {
        self.urls.get(p.id()).map(String::as_str)
    }

    /// The provider's section of config.toml (empty when there is none).
    pub fn section(&self, p: Provider) -> ProviderSection {
        self.sections.get(p.id()).cloned().unwrap_or_default()
    }

    /// `toml`: config.toml's text; `compatible`: the URL from the settings page.
    pub fn resolve(
        toml: Option<&str>,
        compatible: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Endpoints, String> {
        let file: ConfigFile = match toml {
            Some(t) => toml::from_str(t).map_err(|e| e.to_string())?,
            None => ConfigFile::default(),
        };
        if let Some(unknown) = file.providers.keys().find(|k| Provider::parse(k).is_none()) {
            return Err(format!(
                "[providers.{unknown}]: unknown provider (use openai, gemini, anthropic or compatible)"
            ));
        }
        let mut urls = BTreeMap::new();
        for p in Provider::ALL {
            let from_settings = (p == Provider::Compatible && !compatible.trim().is_empty())
                .then(|| compatible.trim().to_string());
            let url = env(Endpoints::env_var(p))
                .filter(|v| !v.trim().is_empty())
                .or(from_settings)
                .or_else(|| file.providers.get(p.id()).and_then(|s| s.base_url.clone()))
                .or_else(|| Endpoints::default_url(p).map(str::to_string));
            if let Some(url) = url {
                let url = url.trim().trim_end_matches('/').to_string();
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(format!(
                        "the {} base URL `{url}` must start with http:// or https://",
                        p.label()
                    ));
                }
                urls.insert(p.id(), url);
            }
        }
        Ok(Endpoints {
            urls,
            sections: file.providers,
        })
    }
}

impl App {
    pub fn endpoints(&self) -> Result<Endpoints, AppError> {
        let file = self.config_file();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(AppError::InvalidInput(format!("{}: {e}", file.display()))),
        };
        let settings = self.store.settings()?;
        Endpoints::resolve(text.as_deref(), &settings.compatible_base_url, |k| {
            std::env::var(k).ok()
        })
        .map_err(|e| AppError::InvalidInput(format!("{}: {e}", file.display())))
    }
}
