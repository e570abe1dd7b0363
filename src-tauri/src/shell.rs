//! Starting the window: display check, logging, opening the app, smoke mode.

use crate::commands;
use rehearse_app::room::Lobby;
use rehearse_app::App;
use rehearse_core::error::Coded;
use rehearse_core::paths::Paths;
use rehearse_core::ErrorBody;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Options {
    /// Open this view (`library` for `--smoke`, `history` for `--smoke=history`), report when it
    /// has rendered, then exit 0 (installer smoke test, start-up and history benchmarks).
    pub smoke: Option<String>,
}

/// What every command gets: the open app (or why it could not open) and the window handle.
pub struct Shell {
    pub app: Result<App, ErrorBody>,
    pub smoke: Option<String>,
    pub started: Instant,
    lobby: std::sync::OnceLock<Arc<Lobby>>,
}

impl Shell {
    pub fn ctx(&self, handle: tauri::AppHandle) -> Result<commands::Ctx, ErrorBody> {
        let app = self.app.clone()?;
        let lobby = self
            .lobby
            .get_or_init(|| Arc::new(commands::lobby(app.clone(), handle.clone())))
            .clone();
        Ok(commands::Ctx {
            app,
            handle,
            smoke: self.smoke.clone(),
            started: self.started,
            lobby,
        })
    }
}

/// How long smoke mode waits for the UI before failing.
const SMOKE_TIMEOUT: Duration = Duration::from_secs(60);

/// On Linux, WebKitGTK composites through the GPU by default, which costs ~100 MB in the web
/// process and is a common source of driver rendering bugs; a text-and-editor app gains
/// nothing from it. `REHEARSE_GPU_COMPOSITING=1` keeps WebKit's default.
fn software_compositing(app: &tauri::App) {
    if std::env::var("REHEARSE_GPU_COMPOSITING").is_ok_and(|v| v == "1") {
        return;
    }
    #[cfg(target_os = "linux")]
    if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
        let applied = window.with_webview(|view| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = view.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = applied {
            tracing::warn!("could not turn GPU compositing off: {e}");
        }
    }
}

/// Points the window at a view through the URL fragment the UI routes on (`#history`).
fn open_view(app: &tauri::App, view: &str) {
    let Some(window) = tauri::Manager::get_webview_window(app, "main") else {
        return;
    };
    let url = window.url().map(|mut url| {
        url.set_fragment(Some(view));
        url
    });
    if let Err(e) = url.and_then(|url| window.navigate(url)) {
        tracing::warn!("could not open the {view} view: {e}");
    }
}

pub fn run(opts: Options) -> ExitCode {
    let started = Instant::now();
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        eprintln!("error: Rehearse needs a graphical display, and none was found (DISPLAY and WAYLAND_DISPLAY are unset); start it from a desktop session, or use the `rehearse` command-line tool.");
        return ExitCode::from(3);
    }
    let paths = Paths::from_env();
    let _log = rehearse_app::logging::init(&paths, "desktop", "info");
    let app = App::open_at(paths).map_err(|e| {
        tracing::error!(code = %e.code(), "cannot open the app: {e}");
        e.body()
    });
    if let Some(view) = opts.smoke.clone() {
        std::thread::spawn(move || {
            std::thread::sleep(SMOKE_TIMEOUT);
            eprintln!("error: smoke test: the {view} view did not render within {SMOKE_TIMEOUT:?}");
            std::process::exit(4);
        });
    }
    let result = tauri::Builder::default()
        .manage(Shell {
            app,
            smoke: opts.smoke.clone(),
            started,
            lobby: Default::default(),
        })
        .setup(move |app| {
            software_compositing(app);
            if let Some(view) = opts.smoke.as_deref().filter(|v| *v != "library") {
                open_view(app, view);
            }
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("the window failed: {e}");
            eprintln!("error: the Rehearse window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}
