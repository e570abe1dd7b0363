//! Programs that try to forge what the sandbox reports: their exit status, their verdict,
//! their time, or the reports of the supervisor itself. Each attempt is refused: the program
//! runs as another user than the supervisor, never holds the stream the host reads, and its
//! harness is only ever believed for its answers.

use crate::support::*;
use rehearse_core::run::{ExecStatus, Verdict};
use rehearse_core::Language;
use rehearse_sandbox::SandboxError;

/// What each forging program prints: the supervisor's own report lines, the old exit-line
/// format, and a harness frame.
const FORGED: &str = "x 0 0 0 0\\nk wall 0 0\\nf 2\\nokbogus {\\\"t\\\":\\\"exit\\\",\\\"code\\\":0}\\n@rehearse {\\\"t\\\":\\\"done\\\"}\\n";

/// A program per language that prints forged reports, tries to write them into the
/// supervisor's stream (through /proc of PID 1 and of its parent), tries to kill its parent,
/// then exits with status 3.
fn forger(lang: Language) -> String {
    match lang {
        Language::Python => format!(
            "import os, sys\nsys.stdout.write(\"{FORGED}\")\nsys.stdout.flush()\nfor p in (\"/proc/1/fd/1\", \"/proc/%d/fd/1\" % os.getppid()):\n    try:\n        open(p, \"w\").write(\"x 0 0 0 0\\n\")\n        print(\"WROTE\", p)\n    except OSError as e:\n        print(\"refused\", e.errno)\ntry:\n    os.kill(os.getppid(), 9)\n    print(\"KILLED\")\nexcept OSError as e:\n    print(\"refused\", e.errno)\nsys.exit(3)\n"
        ),
        Language::Javascript | Language::Typescript => format!(
            "const fs = require(\"fs\");\nprocess.stdout.write(\"{FORGED}\");\nfor (const p of [\"/proc/1/fd/1\", \"/proc/\" + process.ppid + \"/fd/1\"]) {{\n  try {{ fs.writeFileSync(p, \"x 0 0 0 0\\n\"); console.log(\"WROTE \" + p); }} catch (e) {{ console.log(\"refused \" + e.code); }}\n}}\ntry {{ process.kill(process.ppid, \"SIGKILL\"); console.log(\"KILLED\"); }} catch (e) {{ console.log(\"refused \" + e.code); }}\nprocess.exitCode = 3;\n"
        ),
        Language::Java => format!(
            "import java.io.*;\npublic class Main {{\n  public static void main(String[] a) {{\n    System.out.print(\"{FORGED}\");\n    long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);\n    for (String p : new String[] {{\"/proc/1/fd/1\", \"/proc/\" + ppid + \"/fd/1\"}}) {{\n      try (FileOutputStream f = new FileOutputStream(p)) {{ f.write(\"x 0 0 0 0\\n\".getBytes()); System.out.println(\"WROTE \" + p); }} catch (IOException e) {{ System.out.println(\"refused\"); }}\n    }}\n    ProcessHandle.current().parent().ifPresent(h -> System.out.println(h.destroyForcibly() ? \"KILL ASKED\" : \"refused\"));\n    System.out.flush();\n    System.exit(3);\n  }}\n}}\n"
        ),
        Language::Cpp => format!(
            "#include <cstdio>\n#include <signal.h>\n#include <unistd.h>\nint main() {{\n  printf(\"{FORGED}\");\n  fflush(stdout);\n  char path[64];\n  snprintf(path, sizeof path, \"/proc/%d/fd/1\", (int)getppid());\n  const char *paths[] = {{\"/proc/1/fd/1\", path}};\n  for (const char *p : paths) {{\n    FILE *f = fopen(p, \"w\");\n    if (f) {{ fputs(\"x 0 0 0 0\\n\", f); fclose(f); printf(\"WROTE %s\\n\", p); }} else printf(\"refused\\n\");\n  }}\n  printf(kill(getppid(), SIGKILL) == 0 ? \"KILLED\\n\" : \"refused\\n\");\n  return 3;\n}}\n"
        ),
        Language::Go => format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"syscall\"\n)\n\nfunc main() {{\n\tfmt.Print(\"{FORGED}\")\n\tfor _, p := range []string{{\"/proc/1/fd/1\", fmt.Sprintf(\"/proc/%d/fd/1\", os.Getppid())}} {{\n\t\tif f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {{\n\t\t\tf.WriteString(\"x 0 0 0 0\\n\")\n\t\t\tfmt.Println(\"WROTE\", p)\n\t\t}} else {{\n\t\t\tfmt.Println(\"refused\")\n\t\t}}\n\t}}\n\tif syscall.Kill(os.Getppid(), syscall.SIGKILL) == nil {{\n\t\tfmt.Println(\"KILLED\")\n\t}} else {{\n\t\tfmt.Println(\"refused\")\n\t}}\n\tos.Exit(3)\n}}\n"
        ),
        Language::Rust => format!(
            "use std::io::Write;\nfn main() {{\n    print!(\"{{}}\", \"{FORGED}\");\n    let parent = std::os::unix::process::parent_id();\n    for p in [\"/proc/1/fd/1\".to_string(), format!(\"/proc/{{}}/fd/1\", parent)] {{\n        match std::fs::OpenOptions::new().write(true).open(&p) {{\n            Ok(mut f) => {{ let _ = f.write_all(b\"x 0 0 0 0\\n\"); println!(\"WROTE {{}}\", p); }}\n            Err(_) => println!(\"refused\"),\n        }}\n    }}\n    let killed = std::process::Command::new(\"sh\").arg(\"-c\").arg(format!(\"kill -9 {{}} 2>/dev/null\", parent)).status().map(|s| s.success()).unwrap_or(false);\n    println!(\"{{}}\", if killed {{ \"KILLED\" }} else {{ \"refused\" }});\n    let _ = std::io::stdout().flush();\n    std::process::exit(3);\n}}\n"
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_program_can_forge_its_exit_status_in_any_language() {
    let sb = sandbox().await;
    for lang in Language::ALL {
        let r = sb
            .exec(lang, &forger(lang), b"", &|_| {})
            .await
            .unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_eq!(
            (r.status, r.exit_code, r.signal),
            (ExecStatus::RuntimeError, Some(3), None),
            "{lang:?}: {r:#?}"
        );
        assert!(
            r.stdout.starts_with("x 0 0 0 0\nk wall 0 0\n"),
            "{lang:?}: the forged lines are the program's output: {r:#?}"
        );
        assert!(
            !r.stdout.contains("WROTE") && !r.stdout.contains("KILLED"),
            "{lang:?}: {r:#?}"
        );
        assert!(r.stdout.contains("refused"), "{lang:?}: {r:#?}");
        assert!(!r.timed_out && !r.output_truncated, "{lang:?}: {r:#?}");
    }
    sb.settle().await;
}

/// A judge solution whose code, as it loads, reports made-up answers for the examples on the
/// harness's own channel and then ends the program.
fn fake_reporter(lang: Language) -> String {
    let frames = "\\n@rehearse {\\\"t\\\":\\\"ready\\\"}\\n@rehearse {\\\"t\\\":\\\"result\\\",\\\"i\\\":0,\\\"status\\\":\\\"ok\\\",\\\"value\\\":3}\\n@rehearse {\\\"t\\\":\\\"result\\\",\\\"i\\\":1,\\\"status\\\":\\\"ok\\\",\\\"value\\\":8}\\n@rehearse {\\\"t\\\":\\\"done\\\"}\\n";
    match lang {
        Language::Python => format!(
            "import os, sys\nmain = sys.modules['__main__']\nmain.frame = lambda obj: None\nos.write(1, b\"{frames}\")\nos._exit(0)\ndef stair_paths(n):\n    return 0\n"
        ),
        Language::Javascript => format!(
            "process.mainModule.require(\"fs\").writeSync(1, \"{frames}\");\nprocess.reallyExit(0);\nfunction stairPaths(n) {{ return 0; }}\n"
        ),
        Language::Cpp => format!(
            "#include <unistd.h>\nstatic int forged = [] {{ const char s[] = \"{frames}\"; (void)!write(1, s, sizeof s - 1); _exit(0); return 0; }}();\nclass Solution {{ public: int stairPaths(int n) {{ return 0; }} }};\n"
        ),
        _ => unreachable!(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn made_up_answers_from_the_harness_channel_are_not_accepted() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    let examples = p.tests.iter().filter(|t| t.example).count();
    for lang in [Language::Python, Language::Javascript, Language::Cpp] {
        let r = submit(&sb, &p, lang, &fake_reporter(lang)).await;
        assert_ne!(r.verdict, Verdict::Accepted, "{lang:?}: {r:#?}");
        assert!(r.passed < r.total, "{lang:?}: {r:#?}");
        assert!(
            r.tests[examples..]
                .iter()
                .all(|t| t.verdict != Verdict::Accepted),
            "{lang:?}: no hidden test passes on made-up reports: {r:#?}"
        );
        let stopped = r
            .tests
            .iter()
            .find(|t| !matches!(t.verdict, Verdict::Accepted | Verdict::WrongAnswer));
        assert!(
            stopped.is_some_and(|t| t.verdict == Verdict::RuntimeError),
            "{lang:?}: the test in hand when the program quit is a Runtime Error: {r:#?}"
        );
    }
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_program_cannot_report_its_own_time_or_quit_halfway_and_pass() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    // The harness times the call with time.perf_counter: stop that clock, then work for
    // longer than the limit. The supervisor's count of CPU is out of reach.
    let frozen = format!(
        "import time\n_t = time.process_time\ntime.perf_counter = lambda: 1.0\ndef stair_paths(n):\n    _end = _t() + {:.1}\n    while _t() < _end:\n        pass\n{}\n",
        f64::from(p.time_limit_ms) / 1000.0 + 0.1,
        solution(&p, "py")
            .lines()
            .skip_while(|l| !l.starts_with("def stair_paths"))
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let r = run(&sb, &p, Language::Python, &frozen).await;
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded, "{r:#?}");
    // Answered past its limit, or (on a machine too busy to give it the CPU within the run's
    // wall limit) stopped before it answered: never a time within the limit.
    assert!(
        r.tests[0]
            .time_ms
            .is_none_or(|ms| ms > f64::from(p.time_limit_ms)),
        "{r:#?}"
    );

    // A program that waits instead of working uses no CPU, and is stopped all the same.
    let sleeps = "import time\ndef stair_paths(n):\n    time.sleep(3600)\n";
    let r = submit(&sb, &p, Language::Python, sleeps).await;
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded, "{r:#?}");
    assert!(
        r.tests[0]
            .message
            .as_deref()
            .is_some_and(|e| e.contains("used little CPU")),
        "{r:#?}"
    );

    // Right answers for the two examples, then the program ends: the rest did not pass.
    let quits = format!(
        "import os\n_seen = [0]\n{}\n_real = stair_paths\ndef stair_paths(n):\n    _seen[0] += 1\n    if _seen[0] > 2:\n        os._exit(0)\n    return _real(n)\n",
        solution(&p, "py")
    );
    let r = submit(&sb, &p, Language::Python, &quits).await;
    assert_eq!(r.verdict, Verdict::RuntimeError, "{r:#?}");
    assert_eq!((r.passed, r.total), (2, p.tests.len() as u32), "{r:#?}");
    assert!(
        r.tests[3..].iter().all(|t| t.verdict == Verdict::NotRun),
        "{r:#?}"
    );
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_supervisor_fails_and_a_signal_to_itself_is_said_plainly() {
    let sb = sandbox().await;
    let p = problem("stair-paths");
    // kill(-1) reaches every process the program may signal (the supervisor is not one of
    // them), and its parent refuses: the run goes on and the answers are judged.
    let attacker = format!(
        "import os, signal\ntry:\n    os.kill(os.getppid(), signal.SIGKILL)\nexcept PermissionError:\n    pass\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept OSError:\n    pass\n{}",
        solution(&p, "py")
    );
    let r = submit(&sb, &p, Language::Python, &attacker).await;
    assert_eq!(r.verdict, Verdict::Accepted, "{r:#?}");

    let r = run(
        &sb,
        &p,
        Language::Python,
        "import os, signal\ndef stair_paths(n):\n    os.kill(os.getpid(), signal.SIGTERM)\n",
    )
    .await;
    assert_eq!(r.verdict, Verdict::RuntimeError, "{r:#?}");
    let message = r.tests[0].message.as_deref().unwrap_or("");
    assert!(
        message.contains("SIGTERM") && message.contains("Nothing in the sandbox sends"),
        "{r:#?}"
    );

    let r = sb
        .exec(
            Language::Python,
            "import os, signal\nprint('before', flush=True)\nos.kill(os.getpid(), signal.SIGKILL)\n",
            b"",
            &|_| {},
        )
        .await
        .expect("exec");
    assert_eq!(
        (r.status, r.exit_code, r.signal),
        (ExecStatus::RuntimeError, None, Some(9)),
        "{r:#?}"
    );
    assert_eq!(r.stdout, "before\n", "{r:#?}");
    assert!(r.stderr.contains("Nothing in the sandbox sends"), "{r:#?}");
    sb.settle().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sizes_are_capped_with_a_clear_error_or_verdict() {
    let sb = sandbox().await;
    let huge = format!("print(1)\n#{}\n", "x".repeat(300 << 10));
    let e = sb
        .exec(Language::Python, &huge, b"", &|_| {})
        .await
        .expect_err("too big");
    assert!(
        matches!(&e, SandboxError::InvalidInput(m) if m.contains("the limit is 256 KiB")),
        "{e:?}"
    );
    let e = sb
        .exec(Language::Python, "print(1)", &vec![b'x'; 9 << 20], &|_| {})
        .await
        .expect_err("too big");
    assert!(matches!(e, SandboxError::InvalidInput(_)), "{e:?}");

    // Files that do not fit in the container are the sandbox's failure, said as such.
    let mut cramped = config();
    cramped.limits.tmpfs_mb = 1;
    let tiny = sandbox_with(cramped).await;
    let e = tiny
        .exec(Language::Python, "print(1)", &vec![b'x'; 2 << 20], &|_| {})
        .await
        .expect_err("does not fit");
    assert!(
        matches!(&e, SandboxError::Internal(m) if m.contains("could not be unpacked") && m.contains("No space left")),
        "{e:?}"
    );
    tiny.settle().await;

    // A compiled program larger than a run can take: a Compile Error that says so, not a
    // crash of the candidate's program.
    let mut config = config();
    config.limits.tmpfs_mb = 24;
    let small = sandbox_with(config).await;
    let big =
        "char blob[20 << 20] = {1};\nint main(int argc, char **) { return blob[argc * 12345]; }\n";
    let r = small
        .exec(Language::Cpp, big, b"", &|_| {})
        .await
        .expect("exec");
    assert_eq!(r.status, ExecStatus::CompileError, "{r:#?}");
    assert!(
        r.compile_output
            .as_deref()
            .is_some_and(|o| o.contains("larger than 16 MiB")),
        "{r:#?}"
    );
    small.settle().await;
    sb.settle().await;
}
