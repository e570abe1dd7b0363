use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A service Rehearse can hold a key for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    Openai,
    Gemini,
    Anthropic,
    /// Any endpoint speaking OpenAI's API (a proxy, Azure, a local server); its base URL is
    /// a setting, its key is here.
    Compatible,
}

impl Provider {
    pub const ALL: [Provider; 4] = [
        Provider::Openai,
        Provider::Gemini,
        Provider::Anthropic,
        Provider::Compatible,
    ];

    /// The keychain account name and the id used on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Provider::Openai => "openai",
            Provider::Gemini => "gemini",
            Provider::Anthropic => "anthropic",
            Provider::Compatible => "compatible",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Provider::Openai => "OpenAI",
            Provider::Gemini => "Google Gemini",
            Provider::Anthropic => "Anthropic",
            Provider::Compatible => "OpenAI-compatible endpoint",
        }
    }

    /// The environment variable that overrides the keychain.
    pub fn env_var(self) -> Option<&'static str> {
        match self {
            Provider::Openai => Some("OPENAI_API_KEY"),
            Provider::Gemini => Some("GEMINI_API_KEY"),
            Provider::Anthropic => Some("ANTHROPIC_API_KEY"),
            Provider::Compatible => Some("REHEARSE_COMPATIBLE_API_KEY"),
        }
    }

    pub fn parse(id: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.id() == id)
    }
}
