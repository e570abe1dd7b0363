//! What runs inside the container for each language: the files (the candidate's code, the
//! harness, generated glue), the compile script, and the run script. The harness reads the
//! tests from input.json, calls the candidate's function once per test, captures its output,
//! and reports results as frames only the harness can write (see `crate::frames`).

mod codegen;

use rehearse_core::{Language, Signature};

const PY_HARNESS: &str = include_str!("../../harness/harness.py");
const JS_HARNESS: &str = include_str!("../../harness/harness.js");
const JAVA_HARNESS: &str = include_str!("../../harness/Harness.java");
const CPP_PRELUDE: &str = include_str!("../../harness/prelude.hpp");
const CPP_DRIVER: &str = include_str!("../../harness/driver.hpp");
const GO_HARNESS: &str = include_str!("../../harness/harness.go");
const RS_PRELUDE: &str = include_str!("../../harness/prelude.rs");
const RS_DRIVER: &str = include_str!("../../harness/driver.rs");

const TS_DECLARATIONS: &str = "declare var console: any;\n\
declare class ListNode { val: number; next: ListNode | null; constructor(val?: number, next?: ListNode | null); }\n\
declare class TreeNode { val: number; left: TreeNode | null; right: TreeNode | null; constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null); }\n";

/// Type-strips TypeScript where the image has Node's built-in stripper but no `tsc`.
const TS_STRIP: &str = r#"const m = require("module"), fs = require("fs");
if (typeof m.stripTypeScriptTypes !== "function") {
  console.error("This image has neither the TypeScript compiler (tsc) nor a Node.js that can strip types (22.13 or later).");
  process.exit(1);
}
try {
  fs.writeFileSync(process.argv[3], m.stripTypeScriptTypes(fs.readFileSync(process.argv[2], "utf8")));
} catch (e) {
  console.error(process.argv[2] + ": " + e.message);
  process.exit(1);
}
"#;

/// Java's, C++'s and Go's imports LeetCode-style code takes for granted, put on the
/// candidate's first line so compiler line numbers stay theirs.
const JAVA_IMPORTS: &str =
    "import java.util.*; import java.util.function.*; import java.util.stream.*; ";

/// What a step needs: its files, and the scripts that compile and run them.
#[derive(Debug, Clone)]
pub struct Plan {
    /// What compiling needs (the compile-cache key is made of these).
    pub files: Vec<(String, Vec<u8>)>,
    /// What running needs besides the compiled program in build/ (for interpreted
    /// languages, everything).
    pub run_files: Vec<(String, Vec<u8>)>,
    /// A script that leaves the program in /work/build, or None for interpreted languages.
    pub compile: Option<String>,
    /// The command that runs the program from /work (stdin is given by the caller).
    pub run: String,
    /// The candidate's file, as compiler messages name it.
    pub source_name: String,
}

/// What is being run: the judge harness around a function, or a whole program.
pub enum Program<'a> {
    Judge(&'a Signature),
    Main,
}

fn file(name: &str, text: impl Into<String>) -> (String, Vec<u8>) {
    (name.to_string(), text.into().into_bytes())
}

pub fn plan(lang: Language, code: &str, program: &Program) -> Plan {
    match program {
        Program::Judge(sig) => judge_plan(lang, code, sig),
        Program::Main => main_plan(lang, code),
    }
}

fn ts_compile(source: &str) -> String {
    format!(
        "mkdir -p build\n\
         if command -v tsc >/dev/null 2>&1; then\n  \
           tsc --pretty false --target es2020 --lib es2020 --noEmitOnError --outDir build rehearse.d.ts {source} || exit 1\n\
         else\n  \
           node strip.js {source} build/{js} || exit 1\n\
         fi\n",
        js = source.replace(".ts", ".js")
    )
}

const JAVAC: &str = "javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -J-Xshare:auto -encoding UTF-8 -nowarn -d build";
const JAVA: &str = "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -XX:MaxRAMPercentage=75 -cp build";
const GPP: &str =
    "g++ -std=c++17 -O2 -pthread -fdiagnostics-color=never -fmax-errors=20 -o build/prog";
const RUSTC: &str = "rustc --edition 2021 -O -C debuginfo=0 --color never -o build/prog";
const GO_MOD: &str = "module rehearse\n\ngo 1.18\n";

fn go_source(code: &str) -> String {
    if code.lines().any(|l| l.trim_start().starts_with("package ")) {
        code.to_string()
    } else {
        format!("package main\n//line solution.go:1\n{code}")
    }
}

fn judge_plan(lang: Language, code: &str, sig: &Signature) -> Plan {
    let signature = file("signature.json", sig.to_json().to_string());
    match lang {
        Language::Python => Plan {
            files: Vec::new(),
            run_files: vec![file("harness.py", PY_HARNESS), file("solution.py", code), signature],
            compile: None,
            run: "python3 -S harness.py".into(),
            source_name: "solution.py".into(),
        },
        Language::Javascript => Plan {
            files: Vec::new(),
            run_files: vec![file("harness.js", JS_HARNESS), file("solution.js", code), signature],
            compile: None,
            run: "node --stack-size=4000 harness.js solution.js".into(),
            source_name: "solution.js".into(),
        },
        Language::Typescript => Plan {
            files: vec![
                file("solution.ts", code),
                file("rehearse.d.ts", TS_DECLARATIONS),
                file("strip.js", TS_STRIP),
            ],
            run_files: vec![file("harness.js", JS_HARNESS), signature],
            compile: Some(ts_compile("solution.ts")),
            run: "node --stack-size=4000 harness.js build/solution.js".into(),
            source_name: "solution.ts".into(),
        },
        Language::Java => Plan {
            files: vec![
                file("Harness.java", JAVA_HARNESS),
                file("Solution.java", format!("{JAVA_IMPORTS}{code}")),
            ],
            run_files: vec![signature],
            compile: Some(format!("mkdir -p build && {JAVAC} Harness.java Solution.java\n")),
            run: format!("{JAVA} Harness"),
            source_name: "Solution.java".into(),
        },
        Language::Cpp => Plan {
            files: vec![
                file("prelude.hpp", CPP_PRELUDE),
                file("driver.hpp", CPP_DRIVER),
                file("solution.cpp", code),
                file(
                    "main.cpp",
                    format!(
                        "#include \"prelude.hpp\"\n#include \"solution.cpp\"\n{}#include \"driver.hpp\"\n",
                        codegen::cpp(sig)
                    ),
                ),
            ],
            run_files: vec![signature],
            compile: Some(format!("mkdir -p build && {GPP} main.cpp\n")),
            run: "./build/prog".into(),
            source_name: "solution.cpp".into(),
        },
        Language::Go => Plan {
            files: vec![
                file("go.mod", GO_MOD),
                file("harness.go", GO_HARNESS),
                file("call.go", codegen::go(sig)),
                file("solution.go", go_source(code)),
            ],
            run_files: vec![signature],
            compile: Some("mkdir -p build && go build -o build/prog .\n".into()),
            run: "./build/prog".into(),
            source_name: "solution.go".into(),
        },
        Language::Rust => Plan {
            files: vec![
                file("solution.rs", code),
                file("main.rs", format!("{RS_PRELUDE}\n{}\n{RS_DRIVER}", codegen::rust(sig))),
            ],
            run_files: vec![signature],
            compile: Some(format!("mkdir -p build && {RUSTC} main.rs\n")),
            run: "./build/prog".into(),
            source_name: "solution.rs".into(),
        },
    }
}

/// The class a Java program's `main` lives in: the public class, else `Main`.
fn java_class(code: &str) -> String {
    code.split("public class ")
        .nth(1)
        .and_then(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .unwrap_or_else(|| "Main".into())
}

fn main_plan(lang: Language, code: &str) -> Plan {
    match lang {
        Language::Python => Plan {
            files: Vec::new(),
            run_files: vec![file("main.py", code)],
            compile: None,
            run: "python3 main.py".into(),
            source_name: "main.py".into(),
        },
        Language::Javascript => Plan {
            files: Vec::new(),
            run_files: vec![file("main.js", code)],
            compile: None,
            run: "node main.js".into(),
            source_name: "main.js".into(),
        },
        Language::Typescript => Plan {
            files: vec![
                file("main.ts", code),
                file("rehearse.d.ts", "declare var console: any;\ndeclare var require: any;\ndeclare var process: any;\n"),
                file("strip.js", TS_STRIP),
            ],
            run_files: Vec::new(),
            compile: Some(ts_compile("main.ts")),
            run: "node build/main.js".into(),
            source_name: "main.ts".into(),
        },
        Language::Java => {
            let class = java_class(code);
            Plan {
                files: vec![file(&format!("{class}.java"), code)],
                run_files: Vec::new(),
                compile: Some(format!("mkdir -p build && {JAVAC} {class}.java\n")),
                run: format!("{JAVA} {class}"),
                source_name: format!("{class}.java"),
            }
        }
        Language::Cpp => Plan {
            files: vec![file("main.cpp", code)],
            run_files: Vec::new(),
            compile: Some(format!("mkdir -p build && {GPP} main.cpp\n")),
            run: "./build/prog".into(),
            source_name: "main.cpp".into(),
        },
        Language::Go => Plan {
            files: vec![file("go.mod", GO_MOD), file("main.go", code)],
            run_files: Vec::new(),
            compile: Some("mkdir -p build && go build -o build/prog .\n".into()),
            run: "./build/prog".into(),
            source_name: "main.go".into(),
        },
        Language::Rust => Plan {
            files: vec![file("main.rs", code)],
            run_files: Vec::new(),
            compile: Some(format!("mkdir -p build && {RUSTC} main.rs\n")),
            run: "./build/prog".into(),
            source_name: "main.rs".into(),
        },
    }
}

/// Compiler messages as the candidate should read them: paths relative to their file, and
/// none of the harness's "included from" lines.
pub fn clean_compiler_output(text: &str) -> String {
    text.lines()
        .filter(|l| {
            !l.starts_with("In file included from main.cpp")
                && !l.trim_start().starts_with("from main.cpp")
        })
        .map(|l| {
            l.replace("/work/", "")
                .replace("./solution.go", "solution.go")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
