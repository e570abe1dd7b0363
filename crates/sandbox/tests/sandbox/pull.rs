//! The real pull path: a runner image pushed to a registry on 127.0.0.1 (Debian's
//! docker-registry), removed locally, then pulled by the sandbox with per-layer progress
//! before the run.

use crate::support::*;
use rehearse_core::run::{SandboxProgress, Verdict};
use rehearse_core::Language;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

struct Registry {
    child: Child,
    _dir: tempfile::TempDir,
    port: u16,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_registry() -> Registry {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let config = dir.path().join("config.yml");
    std::fs::write(
        &config,
        format!(
            "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {}\nhttp:\n  addr: 127.0.0.1:{port}\n",
            dir.path().join("data").display()
        ),
    )
    .expect("registry config");
    let mut child = Command::new("docker-registry")
        .arg("serve")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("docker-registry is installed (cargo xtask setup)");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Registry {
                child,
                _dir: dir,
                port,
            };
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the registry did not start on port {port}");
}

fn docker(args: &[&str]) {
    let out = Command::new("docker")
        .args(args)
        .output()
        .expect("docker CLI");
    assert!(
        out.status.success(),
        "docker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_image_is_pulled_with_progress_then_runs() {
    let registry = start_registry();
    let image = format!(
        "127.0.0.1:{}/rehearse/runner-python:pull-test-{}",
        registry.port,
        std::process::id()
    );
    // One layer of its own (4 MB of noise on top of the local runner), so the pull has
    // something to download rather than finding every layer already here.
    let noise = tempfile::NamedTempFile::new().expect("temp file");
    let bytes: Vec<u8> = (0..4u32 << 20)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(noise.path(), bytes).expect("noise");
    let name = format!("rehearse-pull-test-{}", std::process::id());
    docker(&[
        "create",
        "--name",
        &name,
        &rehearse_sandbox::config::local_image(Language::Python),
        "true",
    ]);
    docker(&[
        "cp",
        &noise.path().display().to_string(),
        &format!("{name}:/opt/noise"),
    ]);
    docker(&["commit", &name, &image]);
    docker(&["rm", &name]);
    docker(&["push", &image]);
    docker(&["rmi", &image]);

    let mut config = config();
    config.images.insert("python".into(), image.clone());
    config.pool.size = 0;
    let sb = sandbox_with(config).await;
    assert!(!sb
        .runners()
        .await
        .expect("runners")
        .iter()
        .any(|r| r.image == image && r.present));

    let seen: Arc<Mutex<Vec<SandboxProgress>>> = Arc::default();
    let sink = seen.clone();
    let p = problem("stair-paths");
    let report = sb
        .judge(
            &request(
                &p,
                Language::Python,
                &solution(&p, "py"),
                rehearse_core::run::RunMode::Run,
            ),
            &move |e| sink.lock().expect("progress").push(e),
        )
        .await
        .expect("pulled and ran");
    assert_eq!(report.verdict, Verdict::Accepted, "{report:#?}");
    let events = seen.lock().expect("progress").clone();
    let layers = events.iter().rev().find_map(|e| match e {
        SandboxProgress::Pulling { layers, .. } => Some(layers.clone()),
        _ => None,
    });
    let layers = layers.expect("pull progress was reported");
    assert!(!layers.is_empty());
    assert!(
        layers.iter().any(|l| l.total > 0 && l.current > 0),
        "bytes per layer: {layers:?}"
    );
    sb.settle().await;
    docker(&["rmi", "-f", &image]);

    // With the registry gone and the image removed, the error says what to do.
    drop(registry);
    let mut config = crate::support::config();
    config.images.insert("python".into(), image);
    let sb = sandbox_with(config).await;
    let err = sb
        .judge(
            &request(
                &p,
                Language::Python,
                "x = 1",
                rehearse_core::run::RunMode::Run,
            ),
            &|_| {},
        )
        .await
        .expect_err("no image, no registry");
    assert_eq!(rehearse_core::error::Coded::code(&err), "image_unavailable");
    assert!(err.to_string().contains("cargo xtask images"), "{err}");
}
