use crate::language::Language;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the operating system's light or dark preference.
    #[default]
    System,
    Light,
    Dark,
}

/// The user's preferences, stored in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub default_language: Language,
    /// Runner image per language id, chosen on the settings page; empty means the default.
    pub images: BTreeMap<String, String>,
    /// Transcript lines older than this many days are deleted at start.
    pub transcript_retention_days: u32,
    /// The base URL of an OpenAI-compatible endpoint (a proxy, Azure, a local server); empty
    /// when none. Its key is in the OS keychain, never here.
    pub compatible_base_url: String,
    pub voice: VoiceSettings,
    pub ai: AiSettings,
}

/// How the candidate listens: with headphones the microphone stays open while the
/// interviewer speaks; with speakers it is gated so the interviewer's voice is not taken for
/// the candidate's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerMode {
    #[default]
    Headphones,
    Speakers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum VoiceProvider {
    #[default]
    Openai,
    Gemini,
}

/// The voice interview's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct VoiceSettings {
    pub provider: VoiceProvider,
    /// None until the candidate has answered the first-run question.
    pub speaker_mode: Option<SpeakerMode>,
    /// Device ids; None for the system default.
    pub input_device: Option<String>,
    pub output_device: Option<String>,
    pub push_to_talk: bool,
    pub level: crate::interviewer::Level,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            default_language: Language::Python,
            images: BTreeMap::new(),
            transcript_retention_days: 90,
            compatible_base_url: String::new(),
            voice: VoiceSettings::default(),
            ai: AiSettings::default(),
        }
    }
}

/// A provider of chat models for the agents (the voice providers are apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AiProvider {
    Anthropic,
    Openai,
    /// An OpenAI-compatible server: a proxy, or a local model (Ollama, llama.cpp).
    Compatible,
}

impl AiProvider {
    pub const ALL: [AiProvider; 3] = [
        AiProvider::Anthropic,
        AiProvider::Openai,
        AiProvider::Compatible,
    ];

    pub fn id(self) -> &'static str {
        match self {
            AiProvider::Anthropic => "anthropic",
            AiProvider::Openai => "openai",
            AiProvider::Compatible => "compatible",
        }
    }

    pub fn parse(s: &str) -> Option<AiProvider> {
        AiProvider::ALL.into_iter().find(|p| p.id() == s)
    }
}

/// What each agent does, each with its own provider and model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AiRole {
    /// The text interviewer.
    Interviewer,
    /// Watches the code as it is written.
    Observer,
    /// Writes the scored report at the end.
    Evaluator,
    /// Contextual hints from the current code.
    Hints,
}

impl AiRole {
    pub const ALL: [AiRole; 4] = [
        AiRole::Interviewer,
        AiRole::Observer,
        AiRole::Evaluator,
        AiRole::Hints,
    ];

    pub fn id(self) -> &'static str {
        match self {
            AiRole::Interviewer => "interviewer",
            AiRole::Observer => "observer",
            AiRole::Evaluator => "evaluator",
            AiRole::Hints => "hints",
        }
    }

    pub fn parse(s: &str) -> Option<AiRole> {
        AiRole::ALL.into_iter().find(|r| r.id() == s)
    }

    /// The model a role uses unless told otherwise: a fast one watches the code, a strong
    /// one talks and judges (docs/providers.md).
    pub fn default_model(self, provider: AiProvider) -> &'static str {
        match (provider, self) {
            (AiProvider::Anthropic, AiRole::Observer) => "claude-haiku-4-5",
            (AiProvider::Anthropic, _) => "claude-sonnet-4-5",
            (AiProvider::Openai, AiRole::Observer) => "gpt-5-mini",
            (AiProvider::Openai, _) => "gpt-5",
            (AiProvider::Compatible, _) => "",
        }
    }
}

/// One role's choice on the Settings page; what is left unset comes from config.toml's
/// `[ai.<role>]`, then the defaults (Anthropic, the role's default model, on when its key is
/// there).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AiChoice {
    pub provider: Option<AiProvider>,
    pub model: Option<String>,
    /// Some(false) turns the role off.
    pub enabled: Option<bool>,
}

/// The agents' choices, per role.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AiSettings {
    pub interviewer: AiChoice,
    pub observer: AiChoice,
    pub evaluator: AiChoice,
    pub hints: AiChoice,
}

impl AiSettings {
    pub fn choice(&self, role: AiRole) -> &AiChoice {
        match role {
            AiRole::Interviewer => &self.interviewer,
            AiRole::Observer => &self.observer,
            AiRole::Evaluator => &self.evaluator,
            AiRole::Hints => &self.hints,
        }
    }
}
