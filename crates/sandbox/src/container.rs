//! One sandbox container: how it is locked down, starting it, running a step in it with
//! files and a script passed on stdin, and removing it.

use crate::config::Limits;
use crate::error::{Result, SandboxError};
use bollard::container::LogOutput;
use bollard::models::{ContainerCreateBody, HostConfig, ResourcesUlimits};
use bollard::query_parameters::{CreateContainerOptionsBuilder, RemoveContainerOptionsBuilder};
use bollard::Docker;
use futures_util::{Stream, StreamExt};
use std::collections::HashMap;
use std::pin::Pin;
use tokio::io::AsyncWriteExt;

/// The unprivileged user every step runs as (`nobody` in Debian-based images).
pub const USER: &str = "65534:65534";
pub const LABEL_POOL: &str = "app.rehearse.pool";
pub const LABEL_LANGUAGE: &str = "app.rehearse.language";
pub const LABEL_SPEC: &str = "app.rehearse.spec";
pub const LABEL_EXPIRES: &str = "app.rehearse.expires-ms";

const MIB: i64 = 1 << 20;

/// What a pooled container runs: unpack the files sent on stdin (waiting at most the idle
/// timeout), say so on stderr, then run `step.sh` with the variables in `.rehearse-env`.
fn agent(idle_s: u64) -> String {
    format!(
        "timeout {idle_s} tar -x -f - -C /work || exit 97; echo rehearse-claimed >&2; cd /work; . ./.rehearse-env; exec sh ./step.sh"
    )
}

/// The first thing a claimed container says (see `agent`): it got the files and is starting
/// the step.
pub const CLAIMED: &[u8] = b"rehearse-claimed\n";

/// The container's configuration. Its hash (a label) tells whether a pooled container
/// was started with today's image and limits.
pub fn body(
    image: &str,
    limits: &Limits,
    idle_s: u64,
    labels: HashMap<String, String>,
) -> ContainerCreateBody {
    let mem = i64::try_from(limits.memory_mb).unwrap_or(512) * MIB;
    let tmpfs = |extra: &str| {
        format!(
            "rw,{extra}nosuid,nodev,size={}m,mode=1777,uid=65534,gid=65534",
            limits.tmpfs_mb
        )
    };
    let ulimit = |name: &str, value: i64| ResourcesUlimits {
        name: Some(name.into()),
        soft: Some(value),
        hard: Some(value),
    };
    ContainerCreateBody {
        image: Some(image.into()),
        // The container waits for one run's files on stdin, then runs that run's script
        // and ends; if nobody sends anything in time, it ends (and removes itself) anyway.
        cmd: Some(vec!["sh".into(), "-c".into(), agent(idle_s)]),
        open_stdin: Some(true),
        stdin_once: Some(true),
        attach_stdin: Some(true),
        attach_stdout: Some(true),
        attach_stderr: Some(true),
        user: Some(USER.into()),
        working_dir: Some("/work".into()),
        env: Some(vec![
            "HOME=/tmp".into(),
            "LANG=C.UTF-8".into(),
            "GOCACHE=/tmp/.gocache".into(),
            "GOPATH=/tmp/.gopath".into(),
            "GOTOOLCHAIN=local".into(),
            "GOFLAGS=-buildvcs=false".into(),
            "PYTHONDONTWRITEBYTECODE=1".into(),
        ]),
        network_disabled: Some(true),
        labels: Some(labels),
        host_config: Some(HostConfig {
            network_mode: Some("none".into()),
            memory: Some(mem),
            memory_swap: Some(mem),
            nano_cpus: Some((limits.cpus * 1e9) as i64),
            pids_limit: Some(limits.pids),
            readonly_rootfs: Some(true),
            tmpfs: Some(HashMap::from([
                ("/work".to_string(), tmpfs("exec,")),
                ("/tmp".to_string(), tmpfs("exec,")),
            ])),
            cap_drop: Some(vec!["ALL".into()]),
            security_opt: Some(vec!["no-new-privileges".into()]),
            ulimits: Some(vec![
                ulimit("nofile", limits.nofile),
                ulimit("fsize", limits.fsize_mb * MIB),
                ulimit("core", 0),
            ]),
            init: Some(true),
            auto_remove: Some(true),
            ipc_mode: Some("none".into()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

pub async fn create(docker: &Docker, body: ContainerCreateBody) -> Result<String> {
    let name = format!("rehearse-pool-{}", uuid::Uuid::now_v7().simple());
    let options = CreateContainerOptionsBuilder::default().name(&name).build();
    let created = docker.create_container(Some(options), body).await?;
    docker
        .start_container(
            &created.id,
            None::<bollard::query_parameters::StartContainerOptions>,
        )
        .await?;
    Ok(created.id)
}

/// Kills and removes a container and everything left running in it. Already gone is fine.
pub async fn remove(docker: &Docker, id: &str) {
    let options = RemoveContainerOptionsBuilder::default()
        .force(true)
        .v(true)
        .build();
    if let Err(e) = docker.remove_container(id, Some(options)).await {
        if !crate::docker::is_not_found(&e) && !e.to_string().contains("already in progress") {
            tracing::warn!(container = id, error = %e, "could not remove a sandbox container");
        }
    }
}

pub type Output = Pin<Box<dyn Stream<Item = Result<LogOutput, bollard::errors::Error>> + Send>>;

/// A step started in a container: its output as it comes.
pub struct Step {
    pub output: Output,
}

/// Takes a pooled container for this run. Renaming it to a name derived from its id is
/// atomic in Docker and fails for everyone after the first, so two processes can never
/// take the same container.
pub async fn claim(docker: &Docker, id: &str) -> bool {
    let name = format!("rehearse-claimed-{}", &id[..id.len().min(16)]);
    let options = bollard::query_parameters::RenameContainerOptionsBuilder::default()
        .name(&name)
        .build();
    docker.rename_container(id, options).await.is_ok()
}

/// Sends a claimed container its files (a tar archive) on stdin and closes it; the step
/// starts as soon as they are unpacked.
pub async fn start_step(docker: &Docker, container: &str, files: Vec<u8>) -> Result<Step> {
    let options = bollard::query_parameters::AttachContainerOptionsBuilder::default()
        .stdin(true)
        .stdout(true)
        .stderr(true)
        .stream(true)
        .logs(false)
        .build();
    let attached = docker.attach_container(container, Some(options)).await?;
    let mut input = attached.input;
    tokio::spawn(async move {
        let _ = input.write_all(&files).await;
        let _ = input.shutdown().await;
    });
    Ok(Step {
        output: attached.output,
    })
}

/// What a step printed, split by stream, with caps on what is kept.
#[derive(Debug, Default)]
pub struct Collected {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit_code: Option<i64>,
    pub timed_out: bool,
    /// A stream went over its cap; the rest was dropped and the step left running.
    pub overflow: bool,
}

/// Drains a started step to its end, its deadline, or a cap, whichever comes first. On a
/// deadline or an overflow the caller must remove the container: the step may still run.
pub async fn collect_from(
    mut step: Step,
    first: Option<LogOutput>,
    deadline: tokio::time::Instant,
    stdout_cap: usize,
    stderr_cap: usize,
    until: Option<&[u8]>,
) -> Result<Collected> {
    let mut out = Collected::default();
    let mut first = first.map(Ok);
    loop {
        let next = match first.take() {
            Some(chunk) => Ok(Some(chunk)),
            None => tokio::time::timeout_at(deadline, step.output.next()).await,
        };
        match next {
            Err(_) => {
                out.timed_out = true;
                return Ok(out);
            }
            Ok(None) => break,
            Ok(Some(chunk)) => {
                let (buf, bytes, cap) = match chunk? {
                    LogOutput::StdOut { message } => (&mut out.stdout, message, stdout_cap),
                    LogOutput::StdErr { message } => (&mut out.stderr, message, stderr_cap),
                    _ => continue,
                };
                let room = cap.saturating_sub(buf.len());
                buf.extend_from_slice(&bytes[..bytes.len().min(room)]);
                if bytes.len() > room {
                    out.overflow = true;
                    return Ok(out);
                }
                if until.is_some_and(|marker| ends_after(&out.stdout, marker)) {
                    break;
                }
            }
        }
    }
    out.exit_code = take_exit_line(&mut out.stderr);
    Ok(out)
}

/// Scripts run by `run_to_end` end with `echo "rehearse-exit $?" >&2`: the status, taken
/// off the end of stderr.
pub const EXIT_LINE: &str = "rehearse-exit";

fn take_exit_line(stderr: &mut Vec<u8>) -> Option<i64> {
    let text = String::from_utf8_lossy(stderr);
    let body = text.strip_suffix('\n').unwrap_or(&text);
    let start = body.rfind('\n').map_or(0, |i| i + 1);
    let code = body[start..].strip_prefix(EXIT_LINE)?.trim().parse().ok()?;
    stderr.truncate(start);
    Some(code)
}

/// Whether `buf` holds `marker` followed by the rest of that line.
fn ends_after(buf: &[u8], marker: &[u8]) -> bool {
    buf.ends_with(b"\n")
        && buf
            .windows(marker.len())
            .rposition(|w| w == marker)
            .is_some_and(|at| !buf[at + marker.len()..buf.len() - 1].contains(&b'\n'))
}

/// A tar archive of files for a step to unpack into /work.
pub fn archive(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(if path.ends_with(".sh") { 0o755 } else { 0o644 });
        header.set_mtime(0);
        header.set_cksum();
        builder
            .append_data(&mut header, path, data.as_slice())
            .map_err(|e| SandboxError::Internal(format!("packing {path}: {e}")))?;
    }
    builder
        .into_inner()
        .map_err(|e| SandboxError::Internal(format!("packing files: {e}")))
}
