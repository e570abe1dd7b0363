//! Logs go to a daily-rolling file in the data folder and to stderr; `RUST_LOG` overrides
//! the default levels of both.

use rehearse_core::paths::Paths;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::{fmt, layer::SubscriberExt, util::SubscriberInitExt, EnvFilter, Layer};

/// Keep it alive for the life of the process: dropping it flushes the log file.
pub struct LogGuard {
    _flush_on_drop: Option<WorkerGuard>,
}

/// Installs the global subscriber. `stderr_default` is the level shown on stderr when
/// `RUST_LOG` is unset (the CLI keeps its terminal quiet; the file always gets `info`).
pub fn init(paths: &Paths, file_prefix: &str, stderr_default: &str) -> LogGuard {
    let filter = |default: &str| {
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default))
    };
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter(stderr_default));
    let (file, guard) = match std::fs::create_dir_all(paths.logs_dir()) {
        Ok(()) => {
            let appender =
                tracing_appender::rolling::daily(paths.logs_dir(), format!("{file_prefix}.log"));
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let layer = fmt::layer()
                .with_ansi(false)
                .with_writer(writer)
                .with_filter(filter("info"));
            (Some(layer), Some(guard))
        }
        Err(e) => {
            eprintln!(
                "warning: cannot write logs to {}: {e}",
                paths.logs_dir().display()
            );
            (None, None)
        }
    };
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .try_init();
    LogGuard {
        _flush_on_drop: guard,
    }
}
