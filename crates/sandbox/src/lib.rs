//! Runs candidates' code in local Docker containers: one locked-down container per run,
//! taken from a warm pool any process can claim from, with a harness generated per language
//! from the problem's signature, limits on everything, and a verdict per test.

mod cache;
mod checker;
pub mod config;
mod container;
pub mod docker;
mod error;
mod exec;
mod frames;
pub mod harness;
mod images;
mod judge;
pub mod measure;
mod pool;
mod supervisor;

pub use config::{Limits, PoolConfig, SandboxConfig};
pub use docker::EngineInfo;
pub use error::{Result, SandboxError};
pub use judge::{JudgeRequest, JudgeTest, Suite};

use bollard::Docker;
use cache::CompileCache;
use container::{Greeting, Step};
use harness::Plan;
use rehearse_core::run::{RunnerInfo, SandboxProgress};
use rehearse_core::Language;
use std::path::PathBuf;
use supervisor::{Event, Exit, Job, Stop};
use tokio::time::{Duration, Instant};

/// Told what the sandbox is doing while a person waits.
pub type Progress<'a> = &'a (dyn Fn(SandboxProgress) + Send + Sync);

/// Keep no more of compiler messages than this.
const COMPILER_OUTPUT_CAP: usize = 256 << 10;
/// The most source code a run takes.
const MAX_CODE_BYTES: usize = 256 << 10;
/// How long after a step's own wall limit the host gives up on hearing from its supervisor.
const HOST_GRACE_MS: u64 = 15_000;

pub struct Sandbox {
    docker: Docker,
    engine: EngineInfo,
    config: SandboxConfig,
    cache: CompileCache,
    background: std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
    /// Languages whose pool a short-lived process leaves to be refilled by someone else.
    deferred: std::sync::Mutex<Option<Vec<Language>>>,
}

impl Sandbox {
    /// Connects to Docker. `cache_dir` holds compiled programs between runs and processes.
    pub async fn connect(config: SandboxConfig, cache_dir: PathBuf) -> Result<Sandbox> {
        let (docker, engine) = docker::connect().await?;
        Ok(Sandbox {
            docker,
            engine,
            config,
            cache: CompileCache::new(cache_dir),
            background: std::sync::Mutex::new(Vec::new()),
            deferred: std::sync::Mutex::new(None),
        })
    }

    pub fn engine(&self) -> &EngineInfo {
        &self.engine
    }

    pub fn config(&self) -> &SandboxConfig {
        &self.config
    }

    /// Each language's image and whether it is on this machine.
    pub async fn runners(&self) -> Result<Vec<RunnerInfo>> {
        let mut out = Vec::new();
        for language in Language::ALL {
            let image = self.config.image(language);
            let present = images::present(&self.docker, &image).await?;
            out.push(RunnerInfo {
                language,
                image,
                present,
            });
        }
        Ok(out)
    }

    /// Pulls the language's image if it is missing, reporting progress.
    pub async fn ensure_image(&self, lang: Language, progress: Progress<'_>) -> Result<String> {
        let image = self.config.image(lang);
        images::ensure(&self.docker, &image, progress).await?;
        Ok(image)
    }

    /// Starts pooled containers for `lang` up to the pool size (the problem view calls it for
    /// the language on screen). Returns how many were started.
    pub async fn warm(&self, lang: Language) -> Result<u32> {
        let image = self.config.image(lang);
        if !images::present(&self.docker, &image).await? {
            return Ok(0);
        }
        pool::warm(
            &self.docker,
            lang,
            &image,
            &self.config.limits,
            &self.config.pool,
        )
        .await
    }

    /// How many of Rehearse's containers for `lang` run with today's image and limits
    /// (pooled and in use).
    pub async fn containers_of_this_spec(&self, lang: Language) -> Result<usize> {
        let spec = pool::spec(&self.config.image(lang), &self.config.limits);
        pool::count(&self.docker, lang, &spec).await
    }

    /// Waits for background work (removing used containers, refilling the pool). A process
    /// that is about to exit calls it so it leaves nothing half done.
    pub async fn settle(&self) {
        let handles: Vec<_> =
            std::mem::take(&mut *self.background.lock().expect("background list"));
        for h in handles {
            let _ = h.await;
        }
    }

    /// For a process that exits once its result is out (the CLI): used containers are still
    /// removed, but refilling the pool is left to the caller (see `deferred_refills`), so the
    /// process need not wait for a container to start.
    pub fn defer_refills(&self) {
        *self.deferred.lock().expect("deferred list") = Some(Vec::new());
    }

    /// The languages whose pool wants refilling since `defer_refills`.
    pub fn deferred_refills(&self) -> Vec<Language> {
        self.deferred
            .lock()
            .expect("deferred list")
            .clone()
            .unwrap_or_default()
    }

    fn spawn(&self, task: impl std::future::Future<Output = ()> + Send + 'static) {
        let mut list = self.background.lock().expect("background list");
        list.retain(|h| !h.is_finished());
        list.push(tokio::spawn(task));
    }

    /// Removes a used container and refills the pool, in the background.
    fn release(&self, lease: Lease) {
        if lease.containers.is_empty() {
            return;
        }
        let docker = self.docker.clone();
        let (image, limits, pool) = (
            lease.image,
            self.config.limits.clone(),
            self.config.pool.clone(),
        );
        let lang = lease.language;
        let refill = match self.deferred.lock().expect("deferred list").as_mut() {
            Some(list) => {
                if !list.contains(&lang) {
                    list.push(lang);
                }
                false
            }
            None => true,
        };
        self.spawn(async move {
            // Each step's container ends with its step; removing makes sure of it even when
            // the program left something running.
            for id in &lease.containers {
                container::remove(&docker, id).await;
            }
            if !refill {
                return;
            }
            if let Err(e) = pool::warm(&docker, lang, &image, &limits, &pool).await {
                tracing::warn!(error = %e, "could not refill the sandbox pool");
            }
        });
    }
}

/// The containers one run has claimed (one per step).
struct Lease {
    language: Language,
    image: String,
    containers: Vec<String>,
}

impl Lease {
    fn new(language: Language, image: String) -> Lease {
        Lease {
            language,
            image,
            containers: Vec::new(),
        }
    }
}

/// What a step run to its end produced, as the supervisor reported it.
#[derive(Debug, Default)]
struct Collected {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    exit: Option<Exit>,
    stop: Option<Stop>,
}

impl Sandbox {
    /// Starts a step in a container of its own: claims a pooled one (or starts one when
    /// none is free) and sends it the job and the program's files.
    async fn step(
        &self,
        lease: &mut Lease,
        job: Job<'_>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<Step> {
        let payload = container::archive(&job.files(files))?;
        let spec = pool::spec(&lease.image, &self.config.limits);
        let mut candidates =
            pool::claimable(&self.docker, lease.language, &spec, &self.config.pool).await?;
        candidates.reverse();
        let mut fresh = 0;
        loop {
            let id = match candidates.pop() {
                Some(id) => id,
                None if fresh < 3 => {
                    fresh += 1;
                    pool::start(&self.docker, lease.language, &lease.image, &self.config.limits, &self.config.pool).await?
                }
                None => {
                    return Err(SandboxError::Docker(format!(
                        "new containers from `{}` do not start steps (are `sh`, `tar`, `timeout` and `perl` in the image?)",
                        lease.image
                    )))
                }
            };
            if !container::claim(&self.docker, &id).await {
                continue;
            }
            lease.containers.push(id.clone());
            let mut step = match container::start_step(&self.docker, &id, payload.clone()).await {
                Ok(step) => step,
                Err(e) => {
                    tracing::debug!(container = id, error = %e, "claimed container not usable");
                    continue;
                }
            };
            match container::greeting(&mut step).await {
                Greeting::Claimed => return Ok(step),
                Greeting::UnpackFailed(why) => {
                    return Err(SandboxError::Internal(format!(
                        "the run's files could not be unpacked in the container: {why}"
                    )))
                }
                Greeting::Other(said) => {
                    tracing::debug!(container = id, %said, "claimed container did not start the step");
                }
            }
        }
    }

    /// Reads a started step's reports until the supervisor ends it, handing each to
    /// `on_event`. Gives up `HOST_GRACE_MS` after the step's own wall limit (the container
    /// is then removed).
    async fn follow(
        &self,
        lease: &Lease,
        mut step: Step,
        wall_ms: u64,
        mut on_event: impl FnMut(Event),
    ) -> Result<()> {
        use futures_util::StreamExt;
        let deadline = Instant::now() + Duration::from_millis(wall_ms + HOST_GRACE_MS);
        let mut decoder = supervisor::Decoder::default();
        // Whether the supervisor has reported the end, after handing its events on.
        let mut reported = |bytes: &[u8]| -> Result<bool> {
            let mut ended = false;
            for event in decoder.feed(bytes)? {
                match event {
                    Event::Failed(why) => {
                        return Err(SandboxError::Internal(format!(
                            "the sandbox's supervisor failed: {why}"
                        )))
                    }
                    Event::Exit(_) => {
                        ended = true;
                        on_event(event);
                    }
                    other => on_event(other),
                }
            }
            Ok(ended)
        };
        if reported(&std::mem::take(&mut step.early))? {
            return Ok(());
        }
        let mut late = false;
        loop {
            let chunk = match tokio::time::timeout_at(deadline, step.output.next()).await {
                Err(_) => {
                    late = true;
                    break;
                }
                Ok(None) => break,
                Ok(Some(chunk)) => chunk?,
            };
            match chunk {
                bollard::container::LogOutput::StdOut { message } if reported(&message)? => {
                    return Ok(());
                }
                bollard::container::LogOutput::StdErr { message }
                    if step.stderr.len() < 64 << 10 =>
                {
                    step.stderr.extend_from_slice(&message);
                }
                _ => {}
            }
        }
        if let Some(id) = lease.containers.last() {
            container::remove(&self.docker, id).await;
        }
        Err(SandboxError::StepLost(format!(
            "the sandbox's supervisor stopped without reporting how the program ended ({}){}",
            if late {
                format!(
                    "no report {} s after the step's time limit",
                    HOST_GRACE_MS / 1000
                )
            } else {
                "its container's output ended".to_string()
            },
            match String::from_utf8_lossy(&step.stderr).trim() {
                "" => String::new(),
                said => format!(": {said}"),
            }
        )))
    }

    /// Runs a step to its end (compile steps, whole programs, the problem's own scripts).
    async fn run_to_end(
        &self,
        lease: &mut Lease,
        job: Job<'_>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<Collected> {
        let wall_ms = job.wall_ms;
        let step = self.step(lease, job, files).await?;
        let mut out = Collected::default();
        self.follow(lease, step, wall_ms, |event| match event {
            Event::Stdout(bytes) => out.stdout.extend_from_slice(&bytes),
            Event::Stderr(bytes) => out.stderr.extend_from_slice(&bytes),
            Event::Stopped(stop) => out.stop = Some(stop),
            Event::Exit(exit) => out.exit = Some(exit),
            _ => {}
        })
        .await?;
        Ok(out)
    }

    /// Runs a trusted script of ours (a problem's generator or checker) in a leased Python
    /// container and reads the JSON it prints; `Ok(Err(why))` when the script failed, with
    /// its stderr.
    async fn python_json<T: serde::de::DeserializeOwned>(
        &self,
        files: Vec<(String, Vec<u8>)>,
        script: &str,
        out_cap: usize,
        progress: Progress<'_>,
    ) -> Result<std::result::Result<T, String>> {
        let image = self.config.image(Language::Python);
        images::ensure(&self.docker, &image, progress).await?;
        let mut lease = Lease::new(Language::Python, image);
        let cmd = format!("exec python3 -S {script}");
        let job = Job::exec(&cmd, self.config.limits.submit_wall_ms, out_cap, 64 << 10);
        let out = self.run_to_end(&mut lease, job, files).await;
        self.release(lease);
        let out = out?;
        let stderr = || String::from_utf8_lossy(&out.stderr).trim().to_string();
        if out.exit.and_then(|e| e.code) != Some(0) {
            return Ok(Err(stderr()));
        }
        Ok(serde_json::from_slice(&out.stdout).map_err(|e| {
            format!("{e} in what it printed. {}", stderr())
                .trim()
                .to_string()
        }))
    }
}

/// How compilation went.
enum Compiled {
    /// Nothing to compile, or compiled (now or earlier): the build/ folder as a tar archive.
    Ready {
        build: Option<Vec<u8>>,
        output: Option<String>,
        ms: Option<u64>,
        cached: bool,
    },
    Failed {
        output: String,
    },
}

impl Sandbox {
    /// The largest compiled program a run takes: it must fit in /work beside the sources.
    fn artefact_cap(&self) -> usize {
        usize::try_from(self.config.limits.tmpfs_mb.saturating_sub(8).max(8) << 20)
            .unwrap_or(usize::MAX)
    }

    async fn compile(
        &self,
        lease: &mut Lease,
        plan: &Plan,
        progress: Progress<'_>,
    ) -> Result<Compiled> {
        let Some(script) = &plan.compile else {
            return Ok(Compiled::Ready {
                build: None,
                output: None,
                ms: None,
                cached: false,
            });
        };
        let image_id = images::id(&self.docker, &lease.image).await?;
        let key = CompileCache::key(&image_id, lease.language.id(), plan);
        if let Some(build) = self.cache.get(&key) {
            return Ok(Compiled::Ready {
                build: Some(build),
                output: None,
                ms: None,
                cached: true,
            });
        }
        progress(SandboxProgress::Compiling {
            language: lease.language,
        });
        let started = Instant::now();
        let limit = self.config.limits.compile_ms;
        let artefact_cap = self.artefact_cap();
        let cmd = format!("( {script} ) >&2 || exit $?\nexec tar -c -C build .\n");
        let job = Job::exec(&cmd, limit, artefact_cap, COMPILER_OUTPUT_CAP);
        let out = self.run_to_end(lease, job, plan.files.clone()).await?;
        let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let messages = harness::clean_compiler_output(&String::from_utf8_lossy(&out.stderr));
        let failed = |why: String| {
            Ok(Compiled::Failed {
                output: format!("{messages}\n{why}").trim_start().to_string(),
            })
        };
        match out.stop {
            Some(Stop::Wall | Stop::TestTime | Stop::TestWall) => {
                return failed(format!(
                    "Compilation took longer than {} s and was stopped.",
                    limit / 1000
                ))
            }
            Some(Stop::Stderr) => {
                return failed(
                    "… the compiler's output went over the limit and was cut here.".into(),
                )
            }
            Some(Stop::Stdout) => {
                return failed(format!(
                    "The compiled program is larger than {} MiB, the most a run can take.",
                    artefact_cap >> 20
                ))
            }
            None => {}
        }
        let exit = out.exit.unwrap_or_default();
        if exit.code != Some(0) {
            if messages.trim().is_empty() {
                let how = match (exit.code, exit.signal) {
                    (_, Some(sig)) => format!("was killed by signal {sig}"),
                    (Some(code), _) => format!("stopped with status {code}"),
                    _ => "stopped".to_string(),
                };
                return Ok(Compiled::Failed {
                    output: format!("The compiler {how} and printed no message."),
                });
            }
            return Ok(Compiled::Failed { output: messages });
        }
        if let Err(e) = self.cache.put(&key, &out.stdout) {
            tracing::warn!(error = %e, "compile cache not written");
        }
        Ok(Compiled::Ready {
            build: Some(out.stdout),
            output: (!messages.trim().is_empty()).then_some(messages),
            ms: Some(ms),
            cached: false,
        })
    }
}
