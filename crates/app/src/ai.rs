//! The agents' models: which provider and model each role uses (the Settings page, then
//! config.toml's `[ai.<role>]`, then the defaults), whether it can run (its key, its base
//! URL), the one HTTP client every call shares, and what each call cost (`[prices."<model>"]`
//! in config.toml, else the list prices below), recorded per session.

use crate::{App, AppError};
use rehearse_agents::{Answer, Endpoint, Failed, Llm, Policy, Usage, Wire};
use rehearse_core::error::Coded;
use rehearse_core::observer::READ_EVERY_MS;
use rehearse_core::settings::{AiChoice, AiProvider, AiRole, AiSettings};
use rehearse_core::{ErrorBody, ErrorCode};
use rehearse_secrets::Provider as KeyProvider;
use rehearse_store::AgentCall;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;
use ts_rs::TS;

/// US dollars per million tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TokenPrices {
    pub input: f64,
    pub output: f64,
    #[serde(default)]
    pub cache_read: f64,
    #[serde(default)]
    pub cache_write: f64,
}

impl TokenPrices {
    pub fn cost(&self, u: &Usage) -> f64 {
        (u.input as f64 * self.input
            + u.output as f64 * self.output
            + u.cache_read as f64 * self.cache_read
            + u.cache_write as f64 * self.cache_write)
            / 1_000_000.0
    }
}

const fn prices(input: f64, output: f64, cache_read: f64, cache_write: f64) -> TokenPrices {
    TokenPrices {
        input,
        output,
        cache_read,
        cache_write,
    }
}

/// List prices of the default models (December 2026); config.toml's `[prices."<model>"]`
/// adds others and overrides these.
pub const LIST_PRICES: &[(&str, TokenPrices)] = &[
    ("claude-sonnet-4-5", prices(3.0, 15.0, 0.30, 3.75)),
    ("claude-haiku-4-5", prices(1.0, 5.0, 0.10, 1.25)),
    ("gpt-5", prices(1.25, 10.0, 0.125, 0.0)),
    ("gpt-5-mini", prices(0.25, 2.0, 0.025, 0.0)),
];

/// `[ai.<role>]`, `[prices."<model>"]` and `[budget]` in config.toml.
#[derive(Debug, Default, Deserialize)]
struct AiFile {
    #[serde(default)]
    ai: BTreeMap<String, ChoiceFile>,
    #[serde(default)]
    prices: BTreeMap<String, TokenPrices>,
    #[serde(default)]
    budget: BudgetFile,
    #[serde(default)]
    observer: ObserverFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ObserverFile {
    /// The observer's model reads the code at most once in this many seconds (0: at every
    /// settle); its parser looks at every settle whatever this says.
    read_every_s: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BudgetFile {
    /// US dollars a session may spend on its voice provider and agents together.
    session_usd: Option<f64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceFile {
    provider: Option<String>,
    model: Option<String>,
    enabled: Option<bool>,
    /// How long one call may take, retries included (a local model on a CPU may need longer
    /// than the 90 s default).
    timeout_s: Option<u64>,
}

/// What one role's calls in a session cost, for the report.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RoleCost {
    pub role: AiRole,
    pub calls: u32,
    pub failed: u32,
    pub input_tokens: u64,
    pub output_tokens: u64,
    /// The priced calls' cost in US dollars.
    pub usd: f64,
    /// Calls of a model with no price (`[prices."<model>"]` in config.toml gives one).
    pub unpriced: u32,
}

/// A role as Settings → AI shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AiRoute {
    pub role: AiRole,
    pub provider: AiProvider,
    pub model: String,
    /// Chosen on (the default) and able to run.
    pub on: bool,
    /// Turned off on the Settings page or in config.toml.
    pub turned_off: bool,
    /// Why it cannot run, when it cannot: "add a key", the base URL, the model.
    pub problem: Option<ErrorBody>,
}

/// A role's model, ready to call.
#[derive(Debug, Clone)]
pub struct Agent {
    pub role: AiRole,
    pub provider: AiProvider,
    pub llm: Llm,
    prices: Option<TokenPrices>,
}

impl Agent {
    /// What `usage` cost on this model; None when it has no price.
    pub fn cost(&self, usage: &Usage) -> Option<f64> {
        self.prices.map(|p| p.cost(usage))
    }
}

/// The HTTP client: the system's TLS, a connect timeout; each call sets its own deadline.
pub(crate) fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "HTTP client with defaults instead");
            reqwest::Client::new()
        })
}

fn key_provider(p: AiProvider) -> KeyProvider {
    match p {
        AiProvider::Anthropic => KeyProvider::Anthropic,
        AiProvider::Openai => KeyProvider::Openai,
        AiProvider::Compatible => KeyProvider::Compatible,
    }
}

impl App {
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    fn ai_file(&self) -> Result<AiFile, AppError> {
        let file = self.config_file();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(AiFile::default()),
            Err(e) => return Err(AppError::InvalidInput(format!("{}: {e}", file.display()))),
        };
        let parsed: AiFile = toml::from_str(&text)
            .map_err(|e| AppError::InvalidInput(format!("{} [ai]: {e}", file.display())))?;
        if let Some(unknown) = parsed.ai.keys().find(|k| AiRole::parse(k).is_none()) {
            return Err(AppError::InvalidInput(format!(
                "{}: [ai.{unknown}] is not a role (use interviewer, observer, evaluator or hints)",
                file.display()
            )));
        }
        Ok(parsed)
    }

    /// How often at most the observer's model reads the code (`[observer] read_every_s`).
    pub fn observer_read_every(&self) -> Result<Duration, AppError> {
        Ok(self
            .ai_file()?
            .observer
            .read_every_s
            .map_or(Duration::from_millis(READ_EVERY_MS), Duration::from_secs))
    }

    /// The per-session budget in US dollars (`[budget] session_usd`), if there is one.
    pub fn session_budget(&self) -> Result<Option<f64>, AppError> {
        match self.ai_file()?.budget.session_usd {
            Some(b) if b.is_nan() || b < 0.0 || b.is_infinite() => {
                Err(AppError::InvalidInput(format!(
                    "{}: [budget] session_usd = {b}: give a number of US dollars, 0 or more",
                    self.config_file().display()
                )))
            }
            b => Ok(b),
        }
    }

    /// The agents' calls of session `sid`, role by role (roles without calls left out).
    pub fn session_costs(&self, sid: &str) -> Result<Vec<RoleCost>, AppError> {
        let calls = self.store.agent_calls(sid)?;
        Ok(AiRole::ALL
            .iter()
            .filter_map(|role| {
                let mine: Vec<&AgentCall> = calls.iter().filter(|c| c.role == *role).collect();
                (!mine.is_empty()).then(|| RoleCost {
                    role: *role,
                    calls: u32::try_from(mine.len()).unwrap_or(u32::MAX),
                    failed: u32::try_from(mine.iter().filter(|c| !c.ok).count()).unwrap_or(0),
                    input_tokens: mine
                        .iter()
                        .map(|c| c.input + c.cache_read + c.cache_write)
                        .sum(),
                    output_tokens: mine.iter().map(|c| c.output).sum(),
                    usd: mine.iter().filter_map(|c| c.usd).sum(),
                    unpriced: u32::try_from(mine.iter().filter(|c| c.usd.is_none()).count())
                        .unwrap_or(0),
                })
            })
            .collect())
    }

    /// What the agents' calls of session `sid` have cost so far.
    pub fn session_agent_usd(&self, sid: &str) -> Result<f64, AppError> {
        Ok(self
            .store
            .agent_calls(sid)?
            .iter()
            .filter_map(|c| c.usd)
            .sum())
    }

    /// Every role, resolved.
    pub fn ai_routes(&self) -> Result<Vec<AiRoute>, AppError> {
        let (file, settings) = (self.ai_file()?, self.store.settings()?.ai);
        AiRole::ALL
            .iter()
            .map(|r| self.route_in(&file, &settings, *r, &AiChoice::default()))
            .collect()
    }

    /// `role`'s provider and model: `over` (the CLI's flags), then Settings, then config.toml,
    /// then the defaults (a model only from the layer that chose the provider, or a stronger
    /// one); and whether it can run.
    pub fn ai_route(&self, role: AiRole, over: &AiChoice) -> Result<AiRoute, AppError> {
        self.route_in(&self.ai_file()?, &self.store.settings()?.ai, role, over)
    }

    fn route_in(
        &self,
        file: &AiFile,
        settings: &AiSettings,
        role: AiRole,
        over: &AiChoice,
    ) -> Result<AiRoute, AppError> {
        let from_file = file.ai.get(role.id()).cloned().unwrap_or_default();
        let file_provider = match from_file.provider.as_deref() {
            None => None,
            Some(p) => Some(AiProvider::parse(p).ok_or_else(|| {
                AppError::InvalidInput(format!(
                    "config.toml [ai.{}] provider = \"{p}\": use anthropic, openai or compatible",
                    role.id()
                ))
            })?),
        };
        let chosen = settings.choice(role);
        // Layers, the strongest first. A model is taken only from the layer that chose the
        // provider or a stronger one: a model named for another provider is not sent here.
        let providers = [over.provider, chosen.provider, file_provider];
        let models = [&over.model, &chosen.model, &from_file.model];
        let layer = providers
            .iter()
            .position(Option::is_some)
            .unwrap_or(providers.len());
        let provider = providers[..]
            .iter()
            .flatten()
            .next()
            .copied()
            .unwrap_or(AiProvider::Anthropic);
        let model = models
            .into_iter()
            .take(layer + 1)
            .flatten()
            .find(|m| !m.trim().is_empty())
            .map(|m| m.trim().to_string())
            .unwrap_or_else(|| role.default_model(provider).to_string());
        let turned_off = !over
            .enabled
            .or(chosen.enabled)
            .or(from_file.enabled)
            .unwrap_or(true);
        let problem = self.ai_problem(provider, &model).err();
        Ok(AiRoute {
            role,
            provider,
            model,
            on: !turned_off && problem.is_none(),
            turned_off,
            problem,
        })
    }

    /// Why `provider` cannot run `model` now, if it cannot.
    fn ai_problem(&self, provider: AiProvider, model: &str) -> Result<(), ErrorBody> {
        let label = key_provider(provider).label();
        if provider == AiProvider::Compatible {
            let endpoints = self.endpoints().map_err(|e| e.body())?;
            if endpoints.base_url(KeyProvider::Compatible).is_none() {
                return Err(ErrorBody::new(ErrorCode::InvalidConfig, "The OpenAI-compatible endpoint has no base URL: enter it on the Settings page (or set REHEARSE_COMPATIBLE_BASE_URL)."));
            }
            if model.is_empty() {
                return Err(ErrorBody::new(ErrorCode::InvalidConfig, "Name the model the OpenAI-compatible server should use (Settings → AI, or `model` under [ai.<role>] in config.toml)."));
            }
            return Ok(());
        }
        match self.key(key_provider(provider)) {
            Ok(_) => Ok(()),
            Err(e) if e.code() == ErrorCode::NoKey => Err(ErrorBody::new(
                ErrorCode::NoKey,
                format!("Add a key for {label} (Settings → AI provider keys, or `rehearse keys set {}`).", provider.id()),
            )),
            Err(e) => Err(e.body()),
        }
    }

    /// The model for `role` when it is on (None when it is off or cannot run). `over` comes
    /// from the CLI's flags; a role asked for by flag that cannot run is an error.
    pub fn agent(&self, role: AiRole, over: &AiChoice) -> Result<Option<Agent>, AppError> {
        let file = self.ai_file()?;
        let route = self.route_in(&file, &self.store.settings()?.ai, role, over)?;
        let asked = over.provider.is_some() || over.model.is_some();
        if let Some(problem) = &route.problem {
            if asked {
                return Err(AppError::Unready(problem.clone()));
            }
            return Ok(None);
        }
        if !route.on {
            return Ok(None);
        }
        let endpoints = self.endpoints()?;
        let kp = key_provider(route.provider);
        let key = match self.key(kp) {
            Ok(k) => Some(k.expose().to_string()),
            // A local server takes no key; one that wants a key says so when called.
            Err(_) if route.provider == AiProvider::Compatible => None,
            Err(e) => return Err(e),
        };
        let endpoint = Endpoint {
            wire: match route.provider {
                AiProvider::Anthropic => Wire::Anthropic,
                AiProvider::Openai => Wire::OpenAi,
                AiProvider::Compatible => Wire::Compatible,
            },
            label: kp.label().to_string(),
            base_url: endpoints.base_url(kp).unwrap_or_default().to_string(),
            key,
            model: route.model.clone(),
        };
        let prices = file.prices.get(&route.model).copied().or_else(|| {
            LIST_PRICES
                .iter()
                .find(|(m, _)| *m == route.model)
                .map(|(_, p)| *p)
        });
        let mut llm = Llm::new(self.http.clone(), endpoint);
        if let Some(s) = file.ai.get(role.id()).and_then(|c| c.timeout_s) {
            llm = llm.with_policy(Policy {
                deadline: Duration::from_secs(s.max(1)),
                ..Policy::default()
            });
        }
        Ok(Some(Agent {
            role,
            provider: route.provider,
            llm,
            prices,
        }))
    }

    /// The model for `role`, or why there is none, as an error a person can act on.
    pub fn require_agent(&self, role: AiRole, over: &AiChoice) -> Result<Agent, AppError> {
        if let Some(agent) = self.agent(role, over)? {
            return Ok(agent);
        }
        let route = self.ai_route(role, over)?;
        Err(AppError::Unready(route.problem.unwrap_or_else(|| {
            ErrorBody::new(
                ErrorCode::InvalidConfig,
                format!(
                    "The {} role is turned off: turn it on under Settings → AI, or remove `enabled = false` from [ai.{}] in config.toml.",
                    role.id(),
                    role.id()
                ),
            )
        })))
    }

    /// Records one call of `agent` in session `sid`: its tokens, latency and cost.
    pub fn record_call(
        &self,
        sid: Option<&str>,
        agent: &Agent,
        outcome: &Result<Answer, Failed>,
    ) -> Option<f64> {
        let (usage, latency_ms, model, ok) = match outcome {
            Ok(a) => (a.usage, a.latency_ms, a.model.clone(), true),
            Err(f) => (f.spent, 0, String::new(), false),
        };
        let model = if model.is_empty() {
            agent.llm.endpoint().model.clone()
        } else {
            model
        };
        let usd = agent.cost(&usage);
        let call = AgentCall {
            role: agent.role,
            provider: agent.provider.id().to_string(),
            model,
            input: usage.input,
            output: usage.output,
            cache_read: usage.cache_read,
            cache_write: usage.cache_write,
            latency_ms,
            usd,
            ok,
        };
        if let Err(e) = self.store.add_agent_call(sid, &call) {
            tracing::warn!(error = %e, "an agent call was not recorded");
        }
        usd
    }
}
