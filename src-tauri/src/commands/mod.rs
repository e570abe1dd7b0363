//! Every IPC command, declared once: the list below generates the Tauri handlers and the
//! TypeScript wrappers in `ui/src/bindings/commands.ts` (see `crate::bindings`).

mod app;
mod keys;
mod library;
mod sandbox;
mod session;
mod settings;
mod voice;

use crate::shell::Shell;
use rehearse_core::ErrorBody;
use rehearse_core::ErrorCode;

pub use app::AppInfo;
pub use session::lobby;

/// What a command handler receives.
pub struct Ctx {
    pub app: rehearse_app::App,
    pub handle: tauri::AppHandle,
    pub smoke: Option<String>,
    pub started: std::time::Instant,
    /// The interview room on screen.
    pub lobby: std::sync::Arc<rehearse_app::room::Lobby>,
}

fn err(e: impl Into<rehearse_app::AppError>) -> ErrorBody {
    e.into().into()
}

fn join_failed(e: tokio::task::JoinError) -> ErrorBody {
    ErrorBody::new(
        ErrorCode::Internal,
        format!("The command failed unexpectedly: {e}"),
    )
}

/// Runs work that blocks (the keychain, a key check over HTTP) off the async runtime.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, rehearse_app::AppError> + Send + 'static,
) -> Result<T, ErrorBody> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(join_failed)?
        .map_err(err)
}

/// Events the shell sends the UI: (event name, payload type). Each gets a typed listener in
/// `commands.ts`.
pub const EVENTS: &[(&str, &str)] = &[
    ("sandbox-progress", "SandboxProgress"),
    ("session-tick", "SessionTick"),
    ("voice-event", "LiveEvent"),
    ("session-cost", "CostMeter"),
];

/// One command as the TypeScript generator sees it.
pub struct CommandSig {
    pub name: &'static str,
    pub doc: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub ret: String,
}

macro_rules! commands {
    ($( #[doc = $doc:literal] $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => $handler:path; )*) => {
        $(
            #[tauri::command]
            async fn $name(
                shell: tauri::State<'_, Shell>,
                handle: tauri::AppHandle,
                $($arg: $ty),*
            ) -> Result<$ret, ErrorBody> {
                let ctx = shell.ctx(handle)?;
                $handler(&ctx, $($arg),*).await
            }
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        pub fn signatures(cfg: &ts_rs::Config) -> Vec<CommandSig> {
            use ts_rs::TS;
            vec![$(CommandSig {
                name: stringify!($name),
                doc: $doc.trim(),
                args: vec![$((stringify!($arg), <$ty as TS>::name(cfg))),*],
                ret: <$ret as TS>::name(cfg),
            }),*]
        }

        pub fn export_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
            $( $( export_if_named::<$ty>(cfg)?; )* export_if_named::<$ret>(cfg)?; )*
            export_if_named::<ErrorBody>(cfg)?;
            export_if_named::<rehearse_core::run::SandboxProgress>(cfg)?;
            export_if_named::<rehearse_app::room::SessionTick>(cfg)?;
            export_if_named::<rehearse_voice::interview::LiveEvent>(cfg)?;
            export_if_named::<rehearse_app::room::CostMeter>(cfg)?;
            Ok(())
        }
    };
}

/// Exports `T` with everything it refers to; for unnamed wrappers (`Vec<T>`, `Option<T>`),
/// what they wrap.
fn export_if_named<T: ts_rs::TS + 'static>(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    if T::output_path().is_some() {
        T::export_all(cfg)
    } else {
        export_deps::<T>(cfg)
    }
}

fn export_deps<T: ts_rs::TS + 'static>(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    struct Export<'a>(&'a ts_rs::Config, Result<(), ts_rs::ExportError>);
    impl ts_rs::TypeVisitor for Export<'_> {
        fn visit<U: ts_rs::TS + 'static + ?Sized>(&mut self) {
            if self.1.is_ok() && U::output_path().is_some() {
                self.1 = U::export_all(self.0);
            }
        }
    }
    let mut v = Export(cfg, Ok(()));
    T::visit_dependencies(&mut v);
    T::visit_generics(&mut v);
    v.1
}

commands! {
    /// Version, data folder, and anything the user must be told at start.
    app_info() -> AppInfo => app::info;
    /// Called by the UI once a view has rendered (with its time from opened to painted, if measured); in smoke mode the app then exits 0.
    ui_ready(view: String, render_ms: Option<f64>) -> () => app::ui_ready;
    /// The library, filtered and searched.
    library_list(query: rehearse_store::ProblemQuery) -> rehearse_store::LibraryPage => library::list;
    /// The categories and companies the library's filters can offer.
    library_facets() -> rehearse_store::Facets => library::facets;
    /// A problem with its starter code (or saved draft) for a language and its revealed hints.
    problem_open(slug: String, language: rehearse_core::Language) -> rehearse_app::ProblemView => library::open;
    /// Reveals the next hint (levels open one at a time) and records it.
    hint_reveal(slug: String, level: u32) -> rehearse_app::HintReveal => library::reveal_hint;
    /// Saves the editor's content as the draft for a problem and language.
    draft_save(slug: String, language: rehearse_core::Language, code: String) -> () => library::save_draft;
    /// Forgets the draft and returns the starter code.
    draft_reset(slug: String, language: rehearse_core::Language) -> String => library::reset_draft;
    /// The user's preferences.
    settings_get() -> rehearse_core::settings::Settings => settings::get;
    /// Saves the user's preferences.
    settings_save(settings: rehearse_core::settings::Settings) -> () => settings::save;
    /// Each agent role's provider and model, whether it is on, and what it lacks if it cannot run.
    ai_routes() -> Vec<rehearse_app::ai::AiRoute> => settings::ai_routes;
    /// Every provider's key status (set or not, last four characters) and the keychain in use.
    keys_list() -> rehearse_app::keys::KeysView => keys::list;
    /// Stores a provider's key in the OS keychain; only its status comes back.
    key_set(provider: rehearse_secrets::Provider, key: String) -> rehearse_secrets::KeyStatus => keys::set;
    /// Removes a provider's key from the OS keychain.
    key_remove(provider: rehearse_secrets::Provider) -> rehearse_secrets::KeyStatus => keys::remove;
    /// Tries the key in use with one cheap request to the provider.
    key_test(provider: rehearse_secrets::Provider) -> rehearse_app::keys::KeyCheck => keys::test;
    /// The machine's microphones and audio outputs.
    audio_devices() -> voice::AudioDevices => voice::devices;
    /// Attaches the text interviewer to a session (once); its replies arrive as `voice-event`.
    text_start(id: String) -> () => voice::text_start;
    /// Goes on in text when the voice interview cannot: the voice interviewer leaves and the text interviewer takes over with the transcript so far.
    text_continue(id: String) -> () => voice::text_continue;
    /// A message typed to the interviewer (text or voice).
    text_say(id: String, text: String) -> () => voice::text_say;
    /// Connects the voice interviewer of a session (the Settings provider unless one is given); returns once it is live. Its events arrive as `voice-event`.
    voice_start(id: String, provider: Option<rehearse_core::settings::VoiceProvider>) -> () => voice::start;
    /// Mute, push-to-talk, or a typed message, for the voice interview of a session.
    voice_control(id: String, control: rehearse_app::room::VoiceControl) -> () => voice::control;
    /// Disconnects the voice interviewer of a session.
    voice_stop(id: String) -> () => voice::stop;
    /// Whether code can run: Docker's state (connecting again, for Retry) and each image.
    sandbox_status() -> sandbox::SandboxStatus => sandbox::status;
    /// Starts containers ahead of time for the language on screen.
    sandbox_warm(language: rehearse_core::Language) -> u32 => sandbox::warm;
    /// Run or Submit; progress arrives as `sandbox-progress` events. The run is stored.
    code_run(request: rehearse_app::sandbox::RunRequest) -> rehearse_core::run::RunReport => sandbox::run;
    /// The latest stored runs of a problem.
    runs_list(slug: String) -> Vec<rehearse_store::RunSummary> => sandbox::runs;
    /// Starts a timed interview; the clock then ticks as `session-tick` events.
    session_start(request: rehearse_app::session::StartSession) -> rehearse_app::session::SessionState => session::start;
    /// A session with its clock read now (and, if it runs, the one the clock follows).
    session_state(id: String) -> rehearse_app::session::SessionState => session::state;
    /// The editor's code; stored as an auto snapshot at most every 5 s.
    session_autosave(id: String, code: String) -> () => session::autosave;
    /// A checkpoint the candidate asked for.
    session_checkpoint(id: String, code: String) -> () => session::checkpoint;
    /// Run or Submit within the session, recorded with a snapshot of the code.
    session_run(id: String, code: String, mode: rehearse_core::run::RunMode) -> rehearse_core::run::RunReport => session::run;
    /// Reveals the session's next hint.
    session_hint(id: String) -> rehearse_app::HintReveal => session::hint;
    /// Ends the session (the code given is its final state) and returns its report.
    session_end(id: String, code: String) -> rehearse_core::evaluate::Evaluation => session::end;
    /// Past and running sessions, newest first.
    sessions_list(query: rehearse_store::SessionQuery) -> Vec<rehearse_core::session::Session> => session::list;
    /// Sessions whose process is gone (a crash): offered to resume or end.
    sessions_recoverable() -> Vec<rehearse_core::session::Session> => session::recoverable;
    /// Takes over an interrupted session; the time it lay still does not count.
    session_resume(id: String) -> rehearse_app::session::SessionState => session::resume;
    /// Ends an interrupted session as abandoned, with a report on what exists.
    session_abandon(id: String) -> rehearse_core::evaluate::Evaluation => session::abandon;
    /// A finished session's timeline, snapshots, hints and report.
    session_replay(id: String) -> rehearse_app::session::Replay => session::replay;
    /// Grades an ended session again with the AI evaluator; kept beside its other reports.
    session_regrade(id: String) -> rehearse_core::evaluate::Evaluation => session::regrade;
    /// Deletes a session and everything recorded in it.
    session_delete(id: String) -> () => session::delete;
    /// Scores over time, per dimension and per category, and what to practise next.
    progress_get() -> rehearse_app::progress::Progress => session::progress;
    /// Exports sessions (all when none are named) as a zip in the data folder's exports/.
    sessions_export(ids: Vec<String>) -> rehearse_app::export::ExportSummary => session::export;
}
