//! Hostile code: each attempt gets the right verdict within the limits, leaves no container
//! behind, and a normal run right after it is accepted.

use crate::support::*;
use rehearse_core::run::{RunReport, Verdict};
use rehearse_core::Language;
use rehearse_sandbox::Sandbox;

/// A sandbox whose containers carry their own spec label (a distinct limit), with no warm
/// pool, so the test can tell its own containers are all gone afterwards.
async fn hostile_sandbox(id: i64) -> Sandbox {
    let mut config = config();
    config.pool.size = 0;
    config.limits.compile_ms = 8_000;
    config.limits.nofile = 200 + id;
    sandbox_with(config).await
}

async fn after(sb: &Sandbox, what: &str) {
    let p = problem("stair-paths");
    let report = run(sb, &p, Language::Python, &solution(&p, "py")).await;
    assert_eq!(
        report.verdict,
        Verdict::Accepted,
        "a normal run right after {what}: {report:#?}"
    );
    sb.settle().await;
    let left = sb
        .containers_of_this_spec(Language::Python)
        .await
        .expect("list containers");
    assert_eq!(left, 0, "{what} left containers behind");
}

/// A Python function for `smallest-covering-window` (it returns a string, so the code can
/// say what happened).
async fn probe(sb: &Sandbox, body: &str) -> RunReport {
    let p = problem("smallest-covering-window");
    let code = format!("import os, socket, subprocess, threading, signal, sys\ndef smallest_covering_window(s, t):\n{body}\n");
    run(sb, &p, Language::Python, &code).await
}

fn first_actual(report: &RunReport) -> String {
    report.tests[0]
        .actual
        .as_ref()
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fork_bomb() {
    let sb = hostile_sandbox(1).await;
    let r = probe(&sb, "    while True:\n        os.fork()").await;
    assert_eq!(r.verdict, Verdict::RuntimeError, "{r:#?}");
    assert!(
        r.tests[0]
            .message
            .as_deref()
            .unwrap_or("")
            .contains("BlockingIOError"),
        "{r:#?}"
    );
    after(&sb, "a fork bomb").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memory_bomb() {
    let sb = hostile_sandbox(2).await;
    let r = probe(
        &sb,
        "    x = []\n    while True:\n        x.append(bytearray(50 << 20))",
    )
    .await;
    assert_eq!(r.verdict, Verdict::MemoryLimitExceeded, "{r:#?}");
    after(&sb, "a memory bomb").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cpu_spin_ignoring_sigterm() {
    let sb = hostile_sandbox(3).await;
    let r = probe(
        &sb,
        "    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n    while True:\n        pass",
    )
    .await;
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded, "{r:#?}");
    assert!(
        r.wall_ms < 8_000,
        "stopped near the limit: {} ms",
        r.wall_ms
    );
    after(&sb, "a CPU spin").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endless_output() {
    let sb = hostile_sandbox(4).await;
    let r = probe(&sb, "    while True:\n        print('x' * 1000)").await;
    assert_eq!(r.verdict, Verdict::OutputLimitExceeded, "{r:#?}");
    assert!(
        r.tests[0].stdout.len() <= 17 << 10,
        "what is kept is capped"
    );
    let native = problem("stair-paths");
    let cpp = "class Solution {\npublic:\n    int stairPaths(int n) {\n        while (true) { printf(\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\n\"); }\n    }\n};\n";
    let r = run(&sb, &native, Language::Cpp, cpp).await;
    assert_eq!(r.verdict, Verdict::OutputLimitExceeded, "{r:#?}");
    after(&sb, "endless output").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filling_the_tmpfs_and_writing_outside_it() {
    let sb = hostile_sandbox(5).await;
    let r = probe(
        &sb,
        "    out = []\n    for path in ('/work/fill', '/tmp/fill'):\n        try:\n            with open(path, 'wb') as f:\n                for _ in range(200):\n                    f.write(b'x' * (1 << 20))\n            out.append('filled')\n        except OSError as e:\n            out.append(type(e).__name__)\n    for path in ('/etc/rehearse', '/usr/rehearse', '/rehearse'):\n        try:\n            open(path, 'w').write('x')\n            out.append('wrote')\n        except OSError as e:\n            out.append('denied')\n    return ','.join(out)",
    )
    .await;
    let what = first_actual(&r);
    assert!(
        !what.contains("filled") && !what.contains("wrote"),
        "{what}"
    );
    assert_eq!(what.matches("denied").count(), 3, "{what}");
    after(&sb, "filling the disk").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_network_no_http_no_dns() {
    let sb = hostile_sandbox(6).await;
    let r = probe(
        &sb,
        "    out = []\n    for attempt in (lambda: socket.create_connection(('1.1.1.1', 53), timeout=1), lambda: __import__('urllib.request').request.urlopen('http://example.com', timeout=1), lambda: socket.getaddrinfo('example.com', 80)):\n        try:\n            attempt()\n            out.append('reached')\n        except Exception as e:\n            out.append('blocked')\n    return ','.join(out)",
    )
    .await;
    assert_eq!(first_actual(&r), "blocked,blocked,blocked", "{r:#?}");
    after(&sb, "network attempts").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn host_files_are_out_of_reach() {
    let sb = hostile_sandbox(7).await;
    let secret = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(secret.path(), "rehearse-host-secret").expect("write secret");
    let path = secret.path().display().to_string();
    let r = probe(
        &sb,
        &format!("    try:\n        return open('{path}').read()\n    except OSError:\n        return 'unreadable:' + str(os.getuid())"),
    )
    .await;
    assert_eq!(first_actual(&r), "unreadable:65534", "{r:#?}");
    after(&sb, "reading host files").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_a_run_leaves_reaches_the_next_one() {
    let sb = hostile_sandbox(8).await;
    let r = probe(
        &sb,
        "    open('/tmp/left-behind', 'w').write('x')\n    open('/work/left-behind', 'w').write('x')\n    subprocess.Popen(['sleep', '1000'], start_new_session=True)\n    return 'planted'",
    )
    .await;
    assert_eq!(first_actual(&r), "planted", "{r:#?}");
    sb.settle().await;
    let r = probe(
        &sb,
        "    found = [p for p in ('/tmp/left-behind', '/work/left-behind') if os.path.exists(p)]\n    for pid in os.listdir('/proc'):\n        if pid.isdigit():\n            try:\n                if b'sleep\\x001000' in open('/proc/' + pid + '/cmdline', 'rb').read():\n                    found.append('sleep')\n            except OSError:\n                pass\n    return ','.join(found) or 'clean'",
    )
    .await;
    assert_eq!(first_actual(&r), "clean", "{r:#?}");
    after(&sb, "leaving files and processes behind").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_threads() {
    let sb = hostile_sandbox(9).await;
    let r = probe(&sb, "    ts = [threading.Thread(target=lambda: __import__('time').sleep(30)) for _ in range(5000)]\n    for t in ts:\n        t.start()\n    return 'started'").await;
    assert_eq!(r.verdict, Verdict::RuntimeError, "{r:#?}");
    assert!(
        r.tests[0]
            .message
            .as_deref()
            .unwrap_or("")
            .contains("thread"),
        "{r:#?}"
    );
    after(&sb, "thousands of threads").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn native_stack_overflow() {
    let sb = hostile_sandbox(10).await;
    let p = problem("stair-paths");
    let cpp = "class Solution {\npublic:\n    int stairPaths(int n) {\n        volatile char pad[4096];\n        pad[0] = n;\n        return stairPaths(n + 1) + pad[0];\n    }\n};\n";
    let r = run(&sb, &p, Language::Cpp, cpp).await;
    assert_eq!(r.verdict, Verdict::RuntimeError, "{r:#?}");
    assert!(
        r.tests[0]
            .message
            .as_deref()
            .unwrap_or("")
            .contains("SIGSEGV"),
        "{r:#?}"
    );
    after(&sb, "a stack overflow").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compiler_bombs() {
    let sb = hostile_sandbox(11).await;
    let p = problem("stair-paths");
    let noise = "undefined_name + ".repeat(12_000);
    let cases = [
        ("huge compiler output", format!("class Solution {{\npublic:\n    int stairPaths(int n) {{ return {noise} 0; }}\n}};\n")),
        ("deep template recursion", "template <int N> struct F { enum { v = F<N - 1>::v + 1 }; };\nclass Solution {\npublic:\n    int stairPaths(int n) { return F<100000>::v; }\n};\n".to_string()),
        ("#include </dev/random>", "#include </dev/random>\nclass Solution {\npublic:\n    int stairPaths(int n) { return n; }\n};\n".to_string()),
    ];
    for (what, code) in cases {
        let r = run(&sb, &p, Language::Cpp, &code).await;
        assert_eq!(r.verdict, Verdict::CompileError, "{what}: {r:#?}");
        assert!(
            r.compile_output.as_deref().unwrap_or("").len() < 300 << 10,
            "{what}: output capped"
        );
        assert!(
            r.wall_ms < 20_000,
            "{what}: stopped within the compile limit ({} ms)",
            r.wall_ms
        );
    }
    after(&sb, "compiler bombs").await;
}
