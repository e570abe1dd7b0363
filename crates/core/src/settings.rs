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
        }
    }
}
