//! One sandbox container: how it is locked down, starting it, running a step in it with
//! files and a script passed on stdin, and removing it.

use crate::config::Limits;
use crate::error::{Result, SandboxError};
use bollard::container::LogOutput;
use bollard::exec::{CreateExecOptions, StartExecOptions, StartExecResults};
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
        // The container ends (and removes itself) when nobody has claimed it in time.
        cmd: Some(vec!["sleep".into(), idle_s.to_string()]),
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
    let name = format!("rehearse-{}", uuid::Uuid::now_v7().simple());
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

/// A step started in a container: its output as it comes, and its id for the exit code.
pub struct Step {
    pub exec_id: String,
    pub output: Output,
}

/// Starts `sh -c script` as the sandbox user in /work, with `stdin` fed to it and then closed.
pub async fn start_step(
    docker: &Docker,
    container: &str,
    script: &str,
    env: Vec<String>,
    stdin: Vec<u8>,
) -> Result<Step> {
    let exec = docker
        .create_exec(
            container,
            CreateExecOptions {
                cmd: Some(vec!["sh".to_string(), "-c".to_string(), script.to_string()]),
                env: Some(env),
                user: Some(USER.to_string()),
                working_dir: Some("/work".to_string()),
                attach_stdin: Some(true),
                attach_stdout: Some(true),
                attach_stderr: Some(true),
                ..Default::default()
            },
        )
        .await?;
    let started = docker
        .start_exec(
            &exec.id,
            Some(StartExecOptions {
                detach: false,
                tty: false,
                output_capacity: Some(64 * 1024),
            }),
        )
        .await?;
    let StartExecResults::Attached { output, mut input } = started else {
        return Err(SandboxError::Internal(
            "Docker did not attach to the step".into(),
        ));
    };
    tokio::spawn(async move {
        let _ = input.write_all(&stdin).await;
        let _ = input.shutdown().await;
    });
    Ok(Step {
        exec_id: exec.id,
        output,
    })
}

pub async fn exit_code(docker: &Docker, exec_id: &str) -> Result<Option<i64>> {
    Ok(docker.inspect_exec(exec_id).await?.exit_code)
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
    docker: &Docker,
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
    out.exit_code = exit_code(docker, &step.exec_id).await?;
    Ok(out)
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
