//! `rehearse interview`: a whole voice interview in the terminal. The live transcript is
//! printed; the code file is watched and each change reaches the interviewer (rate-limited);
//! typed lines are commands (`r` runs the examples, `s` submits, `h` asks for a hint, `q`
//! ends) or messages to the interviewer; the clock warns and ends the interview. The
//! session is stored as in the app, and its report is printed at the end.

use crate::output::CliError;
use crate::sandbox::runtime;
use clap::Args;
use rehearse_app::session::StartSession;
use rehearse_app::App;
use rehearse_core::error::Coded;
use rehearse_core::interviewer::{code_context, run_context, time_note};
use rehearse_core::run::RunMode;
use rehearse_core::session::{InterviewerMode, SessionStatus, SnapshotKind, Speaker};
use rehearse_core::settings::VoiceProvider;
use rehearse_core::ErrorBody;
use rehearse_voice::interview::{Command, LiveEvent};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};
use tokio::sync::mpsc;

#[derive(Args)]
pub struct InterviewArgs {
    #[arg(long)]
    problem: String,
    #[arg(long)]
    lang: String,
    /// The interviewer: `voice` (the text interviewer is not part of this version).
    #[arg(long, default_value = "voice")]
    mode: String,
    /// openai or gemini; the Settings choice when omitted.
    #[arg(long)]
    provider: Option<String>,
    /// Length in minutes; fractions allowed (0.5).
    #[arg(long, default_value_t = 45.0)]
    minutes: f64,
    /// Your code: watched for changes, run with `r`, submitted with `s`.
    #[arg(long)]
    code: Option<PathBuf>,
    /// Events and the report as JSON lines.
    #[arg(long)]
    json: bool,
}

fn err(json: bool) -> impl Fn(&dyn Coded) -> CliError {
    move |e| CliError {
        body: e.body(),
        json,
    }
}

fn invalid(json: bool, message: String) -> CliError {
    CliError {
        body: ErrorBody::new("invalid_input", message),
        json,
    }
}

pub fn run(args: InterviewArgs) -> Result<ExitCode, CliError> {
    let json = args.json;
    if args.mode != "voice" {
        return Err(invalid(
            json,
            format!(
                "`--mode {}` is not available: use --mode voice (or `rehearse session` for a silent session).",
                args.mode
            ),
        ));
    }
    let app = App::open().map_err(|e| err(json)(&e))?;
    let provider = match args.provider.as_deref() {
        None => {
            app.store
                .settings()
                .map_err(|e| err(json)(&e))?
                .voice
                .provider
        }
        Some("openai") => VoiceProvider::Openai,
        Some("gemini") => VoiceProvider::Gemini,
        Some(other) => {
            return Err(invalid(
                json,
                format!("`--provider {other}`: use openai or gemini."),
            ))
        }
    };
    let language = rehearse_app::language(&args.lang).map_err(|e| err(json)(&e))?;
    // A missing key or provider fails before a session is created.
    app.voice_ready(provider).map_err(|e| err(json)(&e))?;
    let state = app
        .start_session(&StartSession {
            problem: Some(args.problem.clone()),
            difficulty: None,
            category: None,
            language,
            minutes: args.minutes,
            mode: InterviewerMode::Voice,
        })
        .map_err(|e| err(json)(&e))?;
    let sid = state.session.id.clone();
    if let Err(e) = app.voice_provider(provider, &sid) {
        let _ = app.abandon_session(&sid);
        return Err(err(json)(&e));
    }
    if !json {
        outln!(
            "{} — {} ({}), {} minutes. Session {sid}.",
            state.session.problem_title,
            state.session.language.display_name(),
            provider_name(provider),
            args.minutes
        );
        outln!("Speak to the interviewer. Type r = run, s = submit, h = hint, q = end; any other line is sent as a message.");
    }
    let rt = runtime(json)?;
    let outcome = rt.block_on(interview(&app, &sid, provider, args.code.as_deref(), json));
    let outcome = outcome.map_err(|e| err(json)(&e))?;
    let evaluation = app.end_session(&sid).map_err(|e| err(json)(&e))?;
    if json {
        outln!(
            "{}",
            serde_json::json!({"kind": "ended", "session": sid, "outcome": outcome, "evaluation": evaluation})
        );
    } else {
        outln!(
            "Interview over. Latency p50: {}; estimated cost ${:.3}; {} reconnection(s).",
            outcome
                .latency_p50_ms
                .map_or("not measured".into(), |ms| format!("{ms} ms")),
            outcome.usd,
            outcome.reconnects
        );
        crate::session::print_evaluation(&evaluation, false)?;
        outln!("`rehearse sessions show {sid}` shows the report and the transcript.");
    }
    Ok(ExitCode::SUCCESS)
}

fn provider_name(p: VoiceProvider) -> &'static str {
    match p {
        VoiceProvider::Openai => "OpenAI Realtime",
        VoiceProvider::Gemini => "Gemini Live",
    }
}

async fn interview(
    app: &App,
    sid: &str,
    provider: VoiceProvider,
    code: Option<&std::path::Path>,
    json: bool,
) -> Result<rehearse_voice::interview::Outcome, rehearse_app::AppError> {
    let (commands, commands_rx) = mpsc::unbounded_channel();
    let session = app.store.session(sid)?;
    let started = session.started_at.unwrap_or_else(rehearse_core::now_ms);
    let driver = app.voice_interview(sid, provider, commands_rx, move |e| show(&e, started, json));
    let control = control(app, sid, code, commands, json);
    let (outcome, ()) = tokio::join!(driver, control);
    outcome
}

/// The clock, the code file and the keyboard, until the interview ends.
async fn control(
    app: &App,
    sid: &str,
    code: Option<&std::path::Path>,
    commands: mpsc::UnboundedSender<Command>,
    json: bool,
) {
    let (lines_tx, mut lines) = mpsc::unbounded_channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen: Option<SystemTime> = None;
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    let mut sandbox = None;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            line = lines.recv() => if let Some(line) = line {
                let line = line.trim().to_string();
                let mode = match line.as_str() {
                    "" => continue,
                    "q" | "quit" | "end" => break,
                    "h" | "hint" => {
                        match app.session_hint(sid) {
                            Ok((level, text)) => note(json, &format!("Hint {level}: {text}")),
                            Err(e) => note(json, &e.to_string()),
                        }
                        continue;
                    }
                    "r" | "run" => RunMode::Run,
                    "s" | "submit" => RunMode::Submit,
                    _ => {
                        let _ = commands.send(Command::Say(line));
                        continue;
                    }
                };
                if sandbox.is_none() {
                    sandbox = app.connect_sandbox().await.map_err(|e| note(json, &e.to_string())).ok();
                }
                if let Some(sb) = &sandbox {
                    match app.session_run(sb, sid, mode).await {
                        Ok(report) => {
                            note(json, &format!("{:?}: {} of {} passed", report.verdict, report.passed, report.total));
                            let at = app.session_state(sid).map(|s| s.elapsed_ms).unwrap_or(0);
                            let _ = commands.send(Command::Context(run_context(&report, at)));
                        }
                        Err(e) => note(json, &e.to_string()),
                    }
                }
                continue;
            },
        }
        if let Some(path) = code {
            let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
            if modified.is_some() && modified != seen {
                seen = modified;
                if let Ok(text) = std::fs::read_to_string(path) {
                    if let Ok(state) = app.session_state(sid) {
                        if text != state.code {
                            let _ = app.session_snapshot(sid, &text, SnapshotKind::Auto);
                            let ctx = code_context(&text, state.session.language, state.elapsed_ms);
                            let _ = commands.send(Command::Code(ctx));
                        }
                    }
                }
            }
        }
        match app.session_state(sid) {
            Ok(state) if state.session.status == SessionStatus::Active => {
                for minutes in state.warnings {
                    note(json, &format!("{minutes} minutes left."));
                    let _ = commands.send(Command::Context(time_note(state.remaining_ms)));
                }
            }
            Ok(_) => {
                note(json, "Time is up.");
                break;
            }
            Err(e) => {
                note(json, &e.to_string());
                break;
            }
        }
    }
    if let Some(sb) = &sandbox {
        sb.settle().await;
    }
    let _ = commands.send(Command::End);
}

fn note(json: bool, text: &str) {
    if json {
        outln!("{}", serde_json::json!({"kind": "note", "text": text}));
    } else {
        outln!("  · {text}");
    }
}

fn show(e: &LiveEvent, started_at: i64, json: bool) {
    if json {
        if !matches!(e, LiveEvent::Level { .. } | LiveEvent::Partial { .. }) {
            if let Ok(line) = serde_json::to_string(e) {
                outln!("{line}");
            }
        }
        return;
    }
    let at = (rehearse_core::now_ms() - started_at).max(0) / 1000;
    match e {
        LiveEvent::Line {
            speaker,
            text,
            truncated,
        } => {
            let who = match speaker {
                Speaker::Candidate => "You",
                Speaker::Interviewer => "Interviewer",
                Speaker::System => "Note",
            };
            let cut = if *truncated { " (interrupted)" } else { "" };
            outln!("[{:02}:{:02}] {who}: {text}{cut}", at / 60, at % 60);
        }
        LiveEvent::Connection { detail, .. } => note(false, detail),
        LiveEvent::Hint { .. } => note(false, "The interviewer gave a hint (counted)."),
        LiveEvent::OfferTyping { reason } => note(false, reason),
        LiveEvent::Notice { message, .. } => note(false, message),
        _ => {}
    }
}
