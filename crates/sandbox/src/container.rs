//! One sandbox container: how it is locked down, starting it, running a step in it with its
//! files passed on stdin, and removing it.

use crate::config::Limits;
use crate::error::{Result, SandboxError};
use bollard::container::LogOutput;
use bollard::models::{
    ContainerCreateBody, HostConfig, HostConfigCgroupnsModeEnum, ResourcesUlimits,
};
use bollard::query_parameters::{CreateContainerOptionsBuilder, RemoveContainerOptionsBuilder};
use bollard::Docker;
use futures_util::Stream;
use std::collections::HashMap;
use std::pin::Pin;
use tokio::io::AsyncWriteExt;

/// The container's user: root, for the supervisor alone, holding nothing but what it needs
/// to start the program as `nobody` (65534, see harness/supervise.pl).
pub const USER: &str = "0:0";
const CAPS: [&str; 2] = ["SETUID", "SETGID"];
pub const LABEL_POOL: &str = "app.rehearse.pool";
pub const LABEL_LANGUAGE: &str = "app.rehearse.language";
pub const LABEL_SPEC: &str = "app.rehearse.spec";
pub const LABEL_EXPIRES: &str = "app.rehearse.expires-ms";

const MIB: i64 = 1 << 20;

/// What a pooled container runs: unpack the files sent on stdin (waiting at most the idle
/// timeout) into /work and /rehearse, say so on stderr, then hand over to the supervisor.
pub fn agent(idle_s: u64) -> String {
    format!(
        "m=$(timeout {idle_s} tar -x -f - -C / --no-same-owner 2>&1); s=$?; \
         if [ $s -ne 0 ]; then [ $s -eq 124 ] && exit 97; echo rehearse-unpack-failed >&2; echo \"tar ended with status $s: $m\" | head -c 2000 >&2; exit 98; fi; \
         echo rehearse-claimed >&2; exec perl /rehearse/supervise.pl"
    )
}

/// The first thing a claimed container says (see `agent`): it got the files and is starting
/// the step.
pub const CLAIMED: &[u8] = b"rehearse-claimed\n";
/// Or: the files did not fit (or tar refused them); the rest is tar's message.
pub const UNPACK_FAILED: &[u8] = b"rehearse-unpack-failed\n";

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
    let private = format!("rw,noexec,nosuid,nodev,size={}m,mode=0700", limits.tmpfs_mb);
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
                ("/rehearse".to_string(), private),
            ])),
            cap_drop: Some(vec!["ALL".into()]),
            cap_add: Some(CAPS.iter().map(|c| c.to_string()).collect()),
            security_opt: Some(vec!["no-new-privileges".into()]),
            ulimits: Some(vec![
                ulimit("nofile", limits.nofile),
                ulimit("fsize", limits.fsize_mb * MIB),
                ulimit("core", 0),
            ]),
            init: Some(true),
            auto_remove: Some(true),
            ipc_mode: Some("none".into()),
            // The supervisor reads the container's CPU and memory from /sys/fs/cgroup: it must
            // be the container's own cgroup, never the host's.
            cgroupns_mode: Some(HostConfigCgroupnsModeEnum::PRIVATE),
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
    /// What the container said on stderr after the claim (the supervisor's own complaints).
    pub stderr: Vec<u8>,
    /// The supervisor's first reports, when Docker delivered them before the claim marker
    /// (it copies stdout and stderr separately, so their order across the two is not kept).
    pub early: Vec<u8>,
}

/// What a claimed container first said.
#[derive(Debug, PartialEq)]
pub enum Greeting {
    /// It has the files and the supervisor is starting.
    Claimed,
    /// tar refused the files; its message.
    UnpackFailed(String),
    /// Anything else (a container on its way out at its idle timeout says nothing).
    Other(String),
}

/// Reads the claimed container's first words on stderr (see `agent`). Docker copies the
/// container's stdout and stderr separately, so the supervisor's first reports on stdout may
/// come before the marker: they are kept in `step.early`, in order.
pub async fn greeting(step: &mut Step) -> Greeting {
    use futures_util::StreamExt;
    let mut said = Vec::new();
    while let Some(Ok(chunk)) = step.output.next().await {
        match chunk {
            LogOutput::StdErr { message } => {
                said.extend_from_slice(&message);
                if said.starts_with(CLAIMED) {
                    step.stderr = said.split_off(CLAIMED.len());
                    return Greeting::Claimed;
                }
                if !CLAIMED.starts_with(&said) && !said.starts_with(UNPACK_FAILED) {
                    break;
                }
            }
            LogOutput::StdOut { message } => step.early.extend_from_slice(&message),
            _ => {}
        }
    }
    match said.strip_prefix(UNPACK_FAILED) {
        Some(why) => Greeting::UnpackFailed(String::from_utf8_lossy(why).trim().to_string()),
        None => Greeting::Other(String::from_utf8_lossy(&said).into_owned()),
    }
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
        stderr: Vec::new(),
        early: Vec::new(),
    })
}

/// A tar archive of files for a step to unpack (paths relative to the container's root).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn step(chunks: Vec<LogOutput>) -> Step {
        Step {
            output: Box::pin(futures_util::stream::iter(chunks.into_iter().map(Ok))),
            stderr: Vec::new(),
            early: Vec::new(),
        }
    }

    fn out(s: &str) -> LogOutput {
        LogOutput::StdOut {
            message: s.as_bytes().to_vec().into(),
        }
    }

    fn err(s: &str) -> LogOutput {
        LogOutput::StdErr {
            message: s.as_bytes().to_vec().into(),
        }
    }

    #[tokio::test]
    async fn reports_that_overtake_the_claim_marker_are_kept_in_order() {
        let mut s = step(vec![
            out("s 0 0\n"),
            out("t 0 0 5 10\n"),
            err("rehearse-"),
            err("claimed\nperl: a warning"),
            out("s 1 0\n"),
        ]);
        assert_eq!(greeting(&mut s).await, Greeting::Claimed);
        assert_eq!(s.early, b"s 0 0\nt 0 0 5 10\n");
        assert_eq!(s.stderr, b"perl: a warning");
        use futures_util::StreamExt;
        assert!(matches!(
            s.output.next().await,
            Some(Ok(LogOutput::StdOut { .. }))
        ));
    }

    #[tokio::test]
    async fn a_refused_unpack_and_a_silent_container_are_told_apart() {
        let mut s = step(vec![err("rehearse-unpack-failed\ntar: no space left\n")]);
        assert_eq!(
            greeting(&mut s).await,
            Greeting::UnpackFailed("tar: no space left".into())
        );
        assert_eq!(
            greeting(&mut step(vec![])).await,
            Greeting::Other(String::new())
        );
        assert_eq!(
            greeting(&mut step(vec![err("something else\n")])).await,
            Greeting::Other("something else\n".into())
        );
    }
}
