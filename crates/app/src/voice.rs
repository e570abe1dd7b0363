//! Voice interviews' configuration: the interviewer's instructions for a session, and the
//! chosen provider with its key (environment, then keychain), base URL, model and prices. The
//! interview itself runs as a participant of the room (`room::voice`).

use crate::providers::ProviderSection;
use crate::{App, AppError};
use rehearse_core::interviewer::{instructions, Brief, Medium};
use rehearse_core::session::Session;
use rehearse_core::settings::{VoiceProvider, VoiceSettings};
use rehearse_secrets::Provider as KeyProvider;
use rehearse_voice::gemini::{Gemini, LiveConfig, COMPRESSION_TRIGGER_TOKENS, SETUP_TIMEOUT};
use rehearse_voice::interview::cost::Prices;
use rehearse_voice::link::Provider;
use rehearse_voice::openai::{OpenAi, RealtimeConfig, TurnDetection, HEARTBEAT};

/// OpenAI's turn detection from `[providers.openai]`: semantic with low eagerness unless it
/// says otherwise.
pub fn turn_detection(section: &ProviderSection) -> Result<TurnDetection, AppError> {
    match section.turn_detection.as_deref().unwrap_or("semantic") {
        "semantic" => {
            let eagerness = section.eagerness.as_deref().unwrap_or("low");
            if !["low", "medium", "high", "auto"].contains(&eagerness) {
                return Err(AppError::InvalidInput(format!(
                    "config.toml [providers.openai] eagerness = \"{eagerness}\": use low, medium, high or auto."
                )));
            }
            Ok(TurnDetection::Semantic {
                eagerness: eagerness.into(),
            })
        }
        "server" => Ok(TurnDetection::Server {
            threshold: 0.5,
            silence_ms: 800,
            prefix_padding_ms: 300,
        }),
        other => Err(AppError::InvalidInput(format!(
            "config.toml [providers.openai] turn_detection = \"{other}\": use semantic or server."
        ))),
    }
}

/// The Live model used unless `[providers.gemini] model` says otherwise.
pub const GEMINI_MODEL: &str = "gemini-2.5-flash-native-audio-preview-12-2025";

impl App {
    /// The interviewer's instructions for session `sid`, talking by voice or in text.
    pub fn interviewer_instructions(&self, sid: &str, medium: Medium) -> Result<String, AppError> {
        let s = self.store.session(sid)?;
        let settings = self.store.settings()?;
        Ok(instructions(&self.brief(&s, &settings.voice, medium)?))
    }

    fn brief(&self, s: &Session, voice: &VoiceSettings, medium: Medium) -> Result<Brief, AppError> {
        let detail = self.store.problem(&s.problem_slug)?;
        let (hints, follow_ups) = self.store.interviewer_notes(&s.problem_slug)?;
        Ok(Brief {
            title: detail.title,
            difficulty: detail.difficulty,
            statement: detail.statement,
            hints,
            follow_ups,
            time_complexity: detail.time_complexity,
            space_complexity: detail.space_complexity,
            language: s.language,
            level: voice.level,
            minutes: s.duration_ms as f64 / 60_000.0,
            medium,
        })
    }

    /// Whether a voice interview with `which` can start: its key and base URL are there.
    pub fn voice_ready(&self, which: VoiceProvider) -> Result<(), AppError> {
        let key_provider = match which {
            VoiceProvider::Openai => KeyProvider::Openai,
            VoiceProvider::Gemini => KeyProvider::Gemini,
        };
        let endpoints = self.endpoints()?;
        if which == VoiceProvider::Openai {
            turn_detection(&endpoints.section(KeyProvider::Openai))?;
        }
        self.key(key_provider)?;
        Ok(())
    }

    /// The realtime provider for a session, configured and keyed, and its prices.
    pub fn voice_provider(
        &self,
        which: VoiceProvider,
        sid: &str,
    ) -> Result<(Box<dyn Provider>, Prices), AppError> {
        let instructions = self.interviewer_instructions(sid, Medium::Voice)?;
        let endpoints = self.endpoints()?;
        match which {
            VoiceProvider::Openai => {
                let key = self.key(KeyProvider::Openai)?;
                let section = endpoints.section(KeyProvider::Openai);
                let turn_detection = turn_detection(&section)?;
                let config = RealtimeConfig {
                    base_url: endpoints
                        .base_url(KeyProvider::Openai)
                        .unwrap_or_default()
                        .to_string(),
                    model: section.model.unwrap_or_else(|| "gpt-realtime".into()),
                    instructions,
                    voice: section.voice.unwrap_or_else(|| "marin".into()),
                    transcription_model: section
                        .transcription_model
                        .unwrap_or_else(|| "gpt-4o-mini-transcribe".into()),
                    turn_detection,
                    heartbeat: HEARTBEAT,
                };
                let provider = OpenAi {
                    config,
                    key: key.expose().to_string(),
                };
                Ok((Box::new(provider), section.prices.unwrap_or(Prices::OPENAI)))
            }
            VoiceProvider::Gemini => {
                let key = self.key(KeyProvider::Gemini)?;
                let section = endpoints.section(KeyProvider::Gemini);
                let config = LiveConfig {
                    base_url: endpoints
                        .base_url(KeyProvider::Gemini)
                        .unwrap_or_default()
                        .to_string(),
                    model: section.model.unwrap_or_else(|| GEMINI_MODEL.into()),
                    instructions,
                    voice: section.voice.unwrap_or_else(|| "Kore".into()),
                    compression_trigger_tokens: COMPRESSION_TRIGGER_TOKENS,
                    heartbeat: HEARTBEAT,
                    setup_timeout: SETUP_TIMEOUT,
                };
                let provider = Gemini {
                    config,
                    key: key.expose().to_string(),
                };
                Ok((Box::new(provider), section.prices.unwrap_or(Prices::GEMINI)))
            }
        }
    }
}
