//! Voice interviews as a use-case: the interviewer's instructions for a session, the chosen
//! provider with its key (environment, then keychain), base URL, model and prices, the audio
//! devices from Settings, and a host that stores every line of the transcript (redacted, at
//! its offset) and counts the interviewer's hints like the UI's. The shell and the CLI give
//! it commands and show what it reports.

use crate::providers::ProviderSection;
use crate::{App, AppError};
use rehearse_core::error::Coded;
use rehearse_core::interviewer::{instructions, Brief};
use rehearse_core::session::Session;
use rehearse_core::settings::{VoiceProvider, VoiceSettings};
use rehearse_secrets::Provider as KeyProvider;
use rehearse_voice::audio::duplex::{Devices, Duplex};
use rehearse_voice::gemini::{Gemini, LiveConfig, COMPRESSION_TRIGGER_TOKENS, SETUP_TIMEOUT};
use rehearse_voice::interview::cost::Prices;
use rehearse_voice::interview::{self, Command, Host, LiveEvent, Options, Outcome};
use rehearse_voice::link::Provider;
use rehearse_voice::openai::{OpenAi, RealtimeConfig, TurnDetection, HEARTBEAT};
use tokio::sync::mpsc::UnboundedReceiver;

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

/// Stores lines and hints of one session, and passes every event on.
pub struct SessionHost<F: FnMut(LiveEvent) + Send> {
    app: App,
    sid: String,
    forward: F,
}

impl<F: FnMut(LiveEvent) + Send> Host for SessionHost<F> {
    fn event(&mut self, event: LiveEvent) {
        if let LiveEvent::Line { speaker, text, .. } = &event {
            if let Err(e) = self.app.session_say(&self.sid, *speaker, text) {
                tracing::error!(error = %e, "a transcript line was not stored");
                (self.forward)(LiveEvent::Notice {
                    code: e.code().into(),
                    message: format!("A line of the transcript could not be saved: {e}"),
                });
            }
        }
        (self.forward)(event);
    }

    fn hint(&mut self) -> Result<String, String> {
        match self.app.session_hint(&self.sid) {
            Ok((_, text)) => Ok(text),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl App {
    /// The interviewer's instructions for session `sid`.
    pub fn interviewer_instructions(&self, sid: &str) -> Result<String, AppError> {
        let s = self.store.session(sid)?;
        let settings = self.store.settings()?;
        Ok(instructions(&self.brief(&s, &settings.voice)?))
    }

    fn brief(&self, s: &Session, voice: &VoiceSettings) -> Result<Brief, AppError> {
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
        let instructions = self.interviewer_instructions(sid)?;
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

    /// Runs the voice interview of session `sid` until [`Command::End`]: opens the devices
    /// from Settings, connects, and stores the transcript as it goes.
    pub async fn voice_interview<F: FnMut(LiveEvent) + Send>(
        &self,
        sid: &str,
        which: VoiceProvider,
        commands: UnboundedReceiver<Command>,
        forward: F,
    ) -> Result<Outcome, AppError> {
        let settings = self.store.settings()?.voice;
        let (provider, prices) = self.voice_provider(which, sid)?;
        let (audio_tx, audio) = tokio::sync::mpsc::unbounded_channel();
        let devices = Devices {
            input: settings.input_device.clone(),
            output: settings.output_device.clone(),
        };
        let duplex = Duplex::open(
            &devices,
            provider.input_rate(),
            provider.output_rate(),
            audio_tx,
        )?;
        tracing::info!(microphone = %duplex.microphone, speaker = %duplex.speaker, "voice interview audio");
        let mut host = SessionHost {
            app: self.clone(),
            sid: sid.to_string(),
            forward,
        };
        let opts = Options {
            speaker_mode: settings.speaker_mode.unwrap_or_default(),
            push_to_talk: settings.push_to_talk,
            ..Options::new(prices)
        };
        let outcome = interview::run(
            provider.as_ref(),
            &mut host,
            duplex.playback.clone(),
            audio,
            commands,
            opts,
        )
        .await?;
        tracing::info!(?outcome, "voice interview ended");
        Ok(outcome)
    }
}
