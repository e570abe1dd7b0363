//! `rehearse interview`: a whole interview in the terminal, by voice or typed (`--mode
//! text`). The live transcript is printed; the code file is watched and each change reaches
//! the interviewer (rate-limited); typed lines are commands (`r` runs the examples, `s`
//! submits, `h` asks for a hint, `q` ends) or messages to the interviewer; the clock warns
//! and ends the interview. In text mode the end of input ends it too, once the last message
//! has its reply, so a script can drive a whole interview. The session is stored as in the
//! app, and its report is printed at the end.

use crate::output::CliError;
use crate::sandbox::runtime;
use clap::Args;
use rehearse_app::room::{Room, RoomUpdate, TextCall, VoiceCall};
use rehearse_app::session::StartSession;
use rehearse_app::{App, AppError};
use rehearse_core::error::Coded;
use rehearse_core::evaluate::Evaluation;
use rehearse_core::run::RunMode;
use rehearse_core::session::{EndReason, InterviewerMode, Speaker};
use rehearse_core::settings::{AiChoice, AiProvider, AiRole, VoiceProvider};
use rehearse_core::ErrorBody;
use rehearse_core::ErrorCode;
use rehearse_voice::interview::{LiveEvent, Outcome};
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
    /// The interviewer: `voice`, or `text` (typed messages, a chat model).
    #[arg(long, default_value = "voice")]
    mode: String,
    /// Voice: openai or gemini. Text: anthropic, openai or compatible. The Settings choice
    /// when omitted.
    #[arg(long)]
    provider: Option<String>,
    /// Text: the chat model (the Settings choice, else the role's default, when omitted).
    #[arg(long)]
    model: Option<String>,
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
        body: ErrorBody::new(ErrorCode::InvalidInput, message),
        json,
    }
}

/// Who interviews.
enum Interviewer {
    Voice(VoiceProvider),
    Text(AiChoice),
}

fn interviewer(app: &App, args: &InterviewArgs) -> Result<Interviewer, CliError> {
    let json = args.json;
    match args.mode.as_str() {
        "voice" if args.model.is_some() => Err(invalid(
            json,
            "`--model` is for --mode text; a voice interview's model is set under [providers.<id>] in config.toml.".into(),
        )),
        "voice" => Ok(Interviewer::Voice(match args.provider.as_deref() {
            None => app.settings().map_err(|e| err(json)(&e))?.voice.provider,
            Some("openai") => VoiceProvider::Openai,
            Some("gemini") => VoiceProvider::Gemini,
            Some(other) => {
                return Err(invalid(
                    json,
                    format!("`--provider {other}`: use openai or gemini with --mode voice."),
                ))
            }
        })),
        "text" => {
            let provider = match args.provider.as_deref() {
                None => None,
                Some(p) => Some(AiProvider::parse(p).ok_or_else(|| {
                    invalid(json, format!("`--provider {p}`: use anthropic, openai or compatible with --mode text."))
                })?),
            };
            Ok(Interviewer::Text(AiChoice {
                provider,
                model: args.model.clone(),
                enabled: None,
            }))
        }
        other => Err(invalid(
            json,
            format!(
                "`--mode {other}`: use voice or text (or `rehearse session` for a silent session)."
            ),
        )),
    }
}

pub fn run(args: InterviewArgs) -> Result<ExitCode, CliError> {
    let json = args.json;
    let app = App::open().map_err(|e| err(json)(&e))?;
    let who = interviewer(&app, &args)?;
    let language = rehearse_app::language(&args.lang).map_err(|e| err(json)(&e))?;
    // A missing key or provider fails before a session is created.
    let (mode, name) = match &who {
        Interviewer::Voice(p) => {
            app.voice_ready(*p).map_err(|e| err(json)(&e))?;
            (InterviewerMode::Voice, provider_name(*p).to_string())
        }
        Interviewer::Text(over) => {
            let agent = app
                .require_agent(AiRole::Interviewer, over)
                .map_err(|e| err(json)(&e))?;
            let ep = agent.llm.endpoint();
            (InterviewerMode::Text, format!("{}, {}", ep.label, ep.model))
        }
    };
    let state = app
        .start_session(&StartSession {
            problem: Some(args.problem.clone()),
            difficulty: None,
            category: None,
            language,
            minutes: args.minutes,
            mode,
        })
        .map_err(|e| err(json)(&e))?;
    let sid = state.session.id.clone();
    if !json {
        outln!(
            "{} — {} ({name}), {} minutes. Session {sid}.",
            state.session.problem_title,
            state.session.language.display_name(),
            args.minutes
        );
        let how = match mode {
            InterviewerMode::Text => {
                "Type to the interviewer; the end of input ends the interview."
            }
            _ => "Speak to the interviewer.",
        };
        outln!("{how} Type r = run, s = submit, h = hint, q = end; any other line is sent as a message.");
    }
    let started = state
        .session
        .started_at
        .unwrap_or_else(rehearse_core::now_ms);
    let rt = runtime(json)?;
    let (evaluation, outcome) = rt
        .block_on(interview(
            &app,
            &sid,
            who,
            args.code.as_deref(),
            started,
            json,
        ))
        .map_err(|e| err(json)(&e))?;
    let outcome = outcome.transpose().map_err(|e| err(json)(&e))?;
    if json {
        outln!(
            "{}",
            serde_json::json!({"kind": "ended", "session": sid, "outcome": outcome, "evaluation": evaluation})
        );
    } else {
        if let Some(outcome) = outcome {
            outln!(
                "Interview over. Latency p50: {}; estimated cost ${:.3}; {} reconnection(s).",
                outcome
                    .latency_p50_ms
                    .map_or("not measured".into(), |ms| format!("{ms} ms")),
                outcome.usd,
                outcome.reconnects
            );
        } else {
            outln!("Interview over.");
        }
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

enum Call {
    Voice(VoiceCall),
    Text(TextCall),
}

/// The interview room in the terminal, until `q`, the end of the time, the voice lost, or
/// (typed) the end of input: the session's report, and how a voice call went.
async fn interview(
    app: &App,
    sid: &str,
    who: Interviewer,
    code: Option<&std::path::Path>,
    started: i64,
    json: bool,
) -> Result<(Evaluation, Option<Result<Outcome, AppError>>), AppError> {
    let room = Room::open(app, sid, move |u| show(&u, started, json))?;
    let call = match &who {
        Interviewer::Voice(p) => room.start_voice(*p).map(Call::Voice),
        Interviewer::Text(over) => room.start_text(over).map(Call::Text),
    };
    let mut call = match call {
        Ok(call) => call,
        Err(e) => {
            let _ = app.abandon_session(sid);
            return Err(e);
        }
    };
    room.start();
    let text = match &mut call {
        Call::Text(t) => Some(t),
        Call::Voice(_) => None,
    };
    control(&room, code, json, text).await;
    let evaluation = room.end(None).await?;
    if let Ok(sb) = app.sandbox().await {
        sb.settle().await;
    }
    let outcome = match call {
        Call::Voice(c) => Some(c.finished().await),
        Call::Text(t) => {
            t.finished().await;
            None
        }
    };
    Ok((evaluation, outcome))
}

/// The code file and the keyboard, until the room closes or `q` (or, typed, the end of
/// input once the last message has its reply).
async fn control(
    room: &Room,
    code: Option<&std::path::Path>,
    json: bool,
    mut text: Option<&mut TextCall>,
) {
    let (lines_tx, mut lines) = mpsc::unbounded_channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut typing = true;
    let mut took_over: Option<TextCall> = None;
    let mut seen: Option<SystemTime> = None;
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    while room.is_open() {
        tokio::select! {
            _ = tick.tick() => {}
            line = lines.recv(), if typing => match line {
                None => {
                    typing = false;
                    if let Some(call) = text.as_deref_mut().or(took_over.as_mut()) {
                        call.settled().await;
                        return;
                    }
                }
                Some(line) if text.is_none() && took_over.is_none() && matches!(line.trim(), "t" | "text") => {
                    match room.continue_in_text(&AiChoice::default()) {
                        Ok(call) => {
                            took_over = Some(call);
                            note(json, "The text interviewer takes over, with the transcript so far: type your messages.");
                        }
                        Err(e) => note(json, &e.to_string()),
                    }
                }
                Some(line) => {
                    if !command(room, line.trim(), json).await {
                        return;
                    }
                }
            },
        }
        if let Some(path) = code {
            let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
            if modified.is_some() && modified != seen {
                seen = modified;
                if let Ok(text) = std::fs::read_to_string(path) {
                    if room.code().is_ok_and(|c| c != text) {
                        if let Err(e) = room.code_changed(text) {
                            note(json, &e.to_string());
                        }
                    }
                }
            }
        }
    }
}

/// One typed line: a command, or a message to the interviewer. False to end.
async fn command(room: &Room, line: &str, json: bool) -> bool {
    let mode = match line {
        "" => return true,
        "q" | "quit" | "end" => return false,
        "h" | "hint" => {
            match room.hint_now().await {
                Ok(h) => {
                    let by = if h.from_model { " (for your code)" } else { "" };
                    note(json, &format!("Hint {}{by}: {}", h.level, h.text));
                    if let Some(why) = &h.note {
                        note(json, why);
                    }
                }
                Err(e) => note(json, &e.to_string()),
            }
            return true;
        }
        "r" | "run" => RunMode::Run,
        "s" | "submit" => RunMode::Submit,
        _ => {
            if let Err(e) = room.say(line.to_string()) {
                note(json, &e.to_string());
            }
            return true;
        }
    };
    match room.run(None, mode, &|_| {}).await {
        Ok(report) => note(
            json,
            &format!(
                "{:?}: {} of {} passed",
                report.verdict, report.passed, report.total
            ),
        ),
        Err(e) => note(json, &e.to_string()),
    }
    true
}

fn note(json: bool, text: &str) {
    if json {
        outln!("{}", serde_json::json!({"kind": "note", "text": text}));
    } else {
        outln!("  · {text}");
    }
}

fn show(update: &RoomUpdate, started_at: i64, json: bool) {
    match update {
        RoomUpdate::Voice(e) => show_voice(e, started_at, json),
        RoomUpdate::Notice(n) => note(json, &n.message),
        RoomUpdate::Tick(t) => {
            for minutes in &t.warnings {
                note(json, &format!("{minutes} minutes left."));
            }
        }
        RoomUpdate::Ended {
            reason: Some(EndReason::TimeUp),
        } => note(json, "Time is up."),
        RoomUpdate::Cost(meter) if json => {
            let mut line = serde_json::to_value(meter).unwrap_or_default();
            line["kind"] = "session_cost".into();
            outln!("{line}");
        }
        RoomUpdate::Cost(_) | RoomUpdate::Ended { .. } => {}
    }
}

fn show_voice(e: &LiveEvent, started_at: i64, json: bool) {
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
        LiveEvent::Hint { text } => note(
            false,
            &format!("The interviewer gave a hint (counted): {text}"),
        ),
        LiveEvent::OfferTyping { reason } => note(
            false,
            &format!("{reason} Type `text` to go on with the text interviewer."),
        ),
        LiveEvent::Notice { message, .. } => note(false, message),
        _ => {}
    }
}
