//! `rehearse session …` drives one interview (each command its own process; the session
//! lives in the database between them) and `rehearse sessions …` lists, shows and deletes
//! past ones.

use crate::output::{print_json, CliError};
use crate::sandbox::runtime;
use clap::Subcommand;
use rehearse_app::room::Room;
use rehearse_app::session::StartSession;
use rehearse_app::App;
use rehearse_core::error::Coded;
use rehearse_core::evaluate::Evaluation;
use rehearse_core::problem::{Category, Difficulty};
use rehearse_core::run::{RunMode, Verdict};
use rehearse_core::session::SessionStatus;
use rehearse_core::settings::{AiChoice, AiProvider};
use rehearse_core::ErrorBody;
use rehearse_core::ErrorCode;
use rehearse_store::SessionQuery;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum SessionCommand {
    /// Start a timed session on a problem (or a random one matching the filters).
    Start {
        #[arg(long)]
        problem: Option<String>,
        #[arg(long, value_parser = crate::problems::parse_difficulty)]
        difficulty: Option<Difficulty>,
        #[arg(long, value_parser = crate::problems::parse_category)]
        category: Option<Category>,
        #[arg(long)]
        lang: String,
        /// Length in minutes (30, 45 or 60 in the app; fractions allowed, 120 at most).
        #[arg(long, default_value_t = 45.0)]
        minutes: f64,
        #[arg(long)]
        json: bool,
    },
    /// Record the code in <file> as a checkpoint of the session.
    Snapshot {
        id: String,
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Run the session's latest code against the examples (all tests with --all).
    Run {
        id: String,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Reveal the next hint.
    Hint {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The clock and the latest code.
    Status {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// End the session and print its report.
    End {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SessionsCommand {
    /// Past and running sessions, newest first.
    List {
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        problem: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One session: its timeline and its report.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Grade an ended session again with the AI evaluator (Settings → AI, or the flags); the
    /// new report is kept beside the earlier ones.
    Regrade {
        id: String,
        /// anthropic, openai or compatible.
        #[arg(long)]
        provider: Option<String>,
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Delete a session and everything recorded in it.
    Delete {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Export sessions (all of them when no id is given) as a zip: JSON plus the code files.
    Export {
        ids: Vec<String>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

fn fail(json: bool) -> impl Fn(&dyn Coded) -> CliError {
    move |e| CliError {
        body: e.body(),
        json,
    }
}

fn open(json: bool) -> Result<App, CliError> {
    App::open().map_err(|e| CliError::new(&e, json))
}

/// The session's room, its clock read (so a session whose time ran out ends first).
fn room(app: &App, id: &str, json: bool) -> Result<Room, CliError> {
    Room::open(app, id, |_| {}).map_err(|e| fail(json)(&e))
}

pub fn run(cmd: SessionCommand) -> Result<ExitCode, CliError> {
    match cmd {
        SessionCommand::Start {
            problem,
            difficulty,
            category,
            lang,
            minutes,
            json,
        } => {
            let app = open(json)?;
            let language = rehearse_app::language(&lang).map_err(|e| fail(json)(&e))?;
            let state = app
                .start_session(&StartSession {
                    problem,
                    difficulty,
                    category,
                    language,
                    minutes,
                    mode: Default::default(),
                })
                .map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&state)?;
            } else {
                let s = &state.session;
                outln!(
                    "{}\n{} ({}), {} minutes. `rehearse session end {}` ends it.",
                    s.id,
                    s.problem_title,
                    s.language.display_name(),
                    s.duration_ms as f64 / 60_000.0,
                    s.id
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Snapshot { id, file, json } => {
            let app = open(json)?;
            let code = std::fs::read_to_string(&file).map_err(|e| CliError {
                body: ErrorBody::new(
                    ErrorCode::InvalidInput,
                    format!("cannot read {}: {e}", file.display()),
                ),
                json,
            })?;
            let snap = room(&app, &id, json)?
                .checkpoint(&code)
                .map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&serde_json::json!({ "snapshot": snap }))?;
            } else {
                outln!("checkpoint {snap}");
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Run { id, all, json } => {
            let app = open(json)?;
            let mode = if all { RunMode::Submit } else { RunMode::Run };
            let room = room(&app, &id, json)?;
            let report = runtime(json)?.block_on(async {
                let report = room.run(None, mode, &|_| {}).await;
                if let Some(sb) = app.sandbox_if_connected().await {
                    sb.settle().await;
                }
                report
            });
            let report = report.map_err(|e| fail(json)(&e))?;
            crate::sandbox::print_run(&report, json)?;
            Ok(if report.verdict == Verdict::Accepted {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        SessionCommand::Hint { id, json } => {
            let app = open(json)?;
            let hint = room(&app, &id, json)?.hint().map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&hint)?;
            } else {
                outln!("Hint {}: {}", hint.level, hint.text);
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Status { id, json } => {
            let app = open(json)?;
            let state = room(&app, &id, json)?
                .state_now()
                .map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&state)?;
            } else {
                let left = state.remaining_ms / 1000;
                outln!(
                    "{:?}: {}:{:02} left of {} minutes",
                    state.session.status,
                    left / 60,
                    left % 60,
                    state.session.duration_ms / 60_000
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::End { id, json } => {
            let app = open(json)?;
            let room = room(&app, &id, json)?;
            let evaluation = runtime(json)?
                .block_on(async {
                    // The observer takes its last look at the final code, as in the window.
                    room.start();
                    let evaluation = room.end(None).await;
                    if let Some(sb) = app.sandbox_if_connected().await {
                        sb.settle().await;
                    }
                    evaluation
                })
                .map_err(|e| fail(json)(&e))?;
            print_evaluation(&evaluation, json)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The evaluation as documented in docs/cli.md: `overall`, `recommendation`, and
/// `dimensions` keyed by name, each `{score, weight, assessed, evidence}`.
pub fn print_evaluation(ev: &Evaluation, json: bool) -> Result<(), CliError> {
    if json {
        print_json(ev)
    } else {
        out!("{}", ev.markdown);
        Ok(())
    }
}

pub fn sessions(cmd: SessionsCommand) -> Result<ExitCode, CliError> {
    match cmd {
        SessionsCommand::List {
            status,
            problem,
            json,
        } => {
            let app = open(json)?;
            let status = status
                .map(|s| {
                    serde_json::from_value::<SessionStatus>(serde_json::Value::String(s.clone()))
                })
                .transpose()
                .map_err(|_| CliError {
                    body: ErrorBody::new(
                        ErrorCode::InvalidInput,
                        "status is one of scheduled, active, completed, abandoned",
                    ),
                    json,
                })?;
            let list = app
                .sessions(&SessionQuery {
                    status,
                    problem,
                    limit: None,
                })
                .map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&list)?;
            } else {
                for s in &list {
                    let score = s.score.map_or("—".to_string(), |v| v.to_string());
                    outln!(
                        "{}  {:<10} {:<32} {:<10} {:>3} min  score {score}",
                        s.id,
                        format!("{:?}", s.status).to_lowercase(),
                        s.problem_title,
                        s.language.id(),
                        s.duration_ms / 60_000
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionsCommand::Show { id, json } => {
            let app = open(json)?;
            let replay = app.replay(&id).map_err(|e| fail(json)(&e))?;
            if json {
                print_json(
                    &serde_json::json!({ "session": replay.session, "timeline": replay.timeline, "notes": replay.notes, "transcript": replay.transcript, "evaluation": replay.evaluation, "evaluations": replay.evaluations, "costs": replay.costs }),
                )?;
            } else {
                outln!(
                    "{} · {} · {:?}",
                    replay.session.problem_title,
                    replay.session.language.display_name(),
                    replay.session.status
                );
                for t in &replay.timeline {
                    outln!(
                        "  [{}] {}",
                        rehearse_core::evaluate::clock(t.at_ms),
                        serde_json::to_string(&t.event).unwrap_or_default()
                    );
                }
                if !replay.transcript.is_empty() {
                    outln!("\nTranscript:");
                }
                for line in &replay.transcript {
                    outln!(
                        "  [{}] {:?}: {}",
                        rehearse_core::evaluate::clock(line.at_ms),
                        line.speaker,
                        line.text
                    );
                }
                if !replay.notes.is_empty() {
                    outln!("\nObserver's notes:");
                }
                for note in &replay.notes {
                    outln!(
                        "  [{}] {}",
                        rehearse_core::evaluate::clock(note.at_ms),
                        note.headline()
                    );
                }
                if !replay.costs.is_empty() {
                    outln!("\nAI cost:");
                }
                for c in &replay.costs {
                    let unpriced = match c.unpriced {
                        0 => String::new(),
                        n => format!(", {n} unpriced"),
                    };
                    outln!(
                        "  {}: ${:.4} ({} calls, {} in / {} out tokens{unpriced})",
                        c.role.id(),
                        c.usd,
                        c.calls,
                        c.input_tokens,
                        c.output_tokens
                    );
                }
                if replay.evaluations.len() > 1 {
                    outln!(
                        "\nEvaluations, newest first (the newest in full below; every one with --json):"
                    );
                    for ev in &replay.evaluations {
                        outln!(
                            "  {:<28} {:>3}/100  {}",
                            ev.model
                                .as_deref()
                                .map_or("offline".to_string(), |m| format!("AI ({m})")),
                            ev.overall,
                            ev.recommendation.label()
                        );
                    }
                }
                if let Some(ev) = &replay.evaluation {
                    outln!();
                    out!("{}", ev.markdown);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionsCommand::Regrade {
            id,
            provider,
            model,
            json,
        } => {
            let provider = match provider.as_deref() {
                None => None,
                Some(p) => Some(AiProvider::parse(p).ok_or_else(|| CliError {
                    body: ErrorBody::new(
                        ErrorCode::InvalidInput,
                        format!("`--provider {p}`: use anthropic, openai or compatible."),
                    ),
                    json,
                })?),
            };
            let over = AiChoice {
                provider,
                model,
                enabled: None,
            };
            let app = open(json)?;
            let evaluation = runtime(json)?
                .block_on(app.regrade(&id, &over))
                .map_err(|e| fail(json)(&e))?;
            print_evaluation(&evaluation, json)?;
            Ok(ExitCode::SUCCESS)
        }
        SessionsCommand::Export { ids, out, json } => {
            let app = open(json)?;
            let summary = app
                .export_sessions(&ids, &out)
                .map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&summary)?;
            } else {
                outln!(
                    "{} sessions, {} files: {}",
                    summary.sessions,
                    summary.files,
                    summary.path
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionsCommand::Delete { id, json } => {
            let app = open(json)?;
            app.delete_session(&id).map_err(|e| fail(json)(&e))?;
            if json {
                print_json(&serde_json::json!({ "deleted": id }))?;
            } else {
                outln!("deleted {id}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
