//! The playground: whole programs with stdin.

use crate::support::*;
use rehearse_core::run::ExecStatus;
use rehearse_core::Language;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn programs_get_stdin_and_report_how_they_ended() {
    let sb = sandbox().await;
    let echo = "import sys\nprint(sys.stdin.read().upper(), end='')\nsys.exit(4)\n";
    let r = sb
        .exec(Language::Python, echo, b"hello\nworld\n", &|_| {})
        .await
        .expect("exec");
    assert_eq!(r.stdout, "HELLO\nWORLD\n");
    assert_eq!(
        (r.status, r.exit_code, r.signal),
        (ExecStatus::RuntimeError, Some(4), None)
    );

    let go = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar a, b int\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}\n";
    let r = sb
        .exec(Language::Go, go, b"40 2", &|_| {})
        .await
        .expect("exec");
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (ExecStatus::Ok, "42\n"),
        "{r:#?}"
    );

    let segv = "int main() { volatile int *p = 0; return *p; }\n";
    let r = sb
        .exec(Language::Cpp, segv, b"", &|_| {})
        .await
        .expect("exec");
    assert_eq!(
        (r.status, r.signal),
        (ExecStatus::RuntimeError, Some(11)),
        "{r:#?}"
    );

    let flood = "fn main() { loop { println!(\"all work and no play\"); } }\n";
    let r = sb
        .exec(Language::Rust, flood, b"", &|_| {})
        .await
        .expect("exec");
    assert!(
        r.output_truncated && r.stdout.len() <= 1 << 20,
        "{:?}",
        (r.status, r.stdout.len())
    );
    assert_eq!(r.status, ExecStatus::OutputLimitExceeded);

    let r = sb
        .exec(
            Language::Java,
            "public class Spin { public static void main(String[] a) { while (true) {} } }\n",
            b"",
            &|_| {},
        )
        .await
        .expect("exec");
    assert!(
        r.timed_out && r.status == ExecStatus::TimeLimitExceeded,
        "{r:#?}"
    );

    let r = sb
        .exec(
            Language::Typescript,
            "const n: number = 6 * 7;\nconsole.log(n);\n",
            b"",
            &|_| {},
        )
        .await
        .expect("exec");
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (ExecStatus::Ok, "42\n"),
        "{r:#?}"
    );
    sb.settle().await;
}
