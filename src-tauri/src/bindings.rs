//! Generates `ui/src/bindings/`: a `.ts` file per Rust type that crosses IPC, and
//! `commands.ts` with one typed function per command. CI fails when the committed files
//! differ from what the Rust code generates (`cargo xtask bindings` rewrites them).

use crate::commands;
use rehearse_core::starter::camel;
use std::path::Path;
use std::process::ExitCode;

const HEADER: &str =
    "// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.\n";

fn config(dir: &Path) -> ts_rs::Config {
    ts_rs::Config::new()
        .with_out_dir(dir)
        .with_large_int("number")
}

fn ts_type(name: &str) -> &str {
    if name == "null" {
        "void"
    } else {
        name
    }
}

/// Writes every binding into `dir`, replacing what was there.
pub fn write(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let cfg = config(dir);
    commands::export_types(&cfg).map_err(std::io::Error::other)?;

    let sigs = commands::signatures(&cfg);
    let mut types: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".ts"))
                .map(String::from)
        })
        .collect();
    types.sort();
    let mut ts = String::from(HEADER);
    ts.push_str("import { invoke } from \"@tauri-apps/api/core\";\n");
    ts.push_str("import { listen, type UnlistenFn } from \"@tauri-apps/api/event\";\n");
    for t in &types {
        ts.push_str(&format!("import type {{ {t} }} from \"./{t}\";\n"));
    }
    ts.push_str("\nexport type {\n");
    for t in &types {
        ts.push_str(&format!("  {t},\n"));
    }
    ts.push_str("};\n");
    for sig in &sigs {
        let params: Vec<String> = sig
            .args
            .iter()
            .map(|(n, t)| format!("{}: {}", camel(n), ts_type(t)))
            .collect();
        let keys: Vec<String> = sig.args.iter().map(|(n, _)| camel(n)).collect();
        let payload = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        ts.push_str(&format!(
            "\n/** {} */\nexport function {}({}): Promise<{}> {{\n  return invoke(\"{}\"{payload});\n}}\n",
            sig.doc,
            camel(sig.name),
            params.join(", "),
            ts_type(&sig.ret),
            sig.name,
        ));
    }
    for (event, payload) in commands::EVENTS {
        let name = format!("on_{}", event.replace('-', "_"));
        ts.push_str(&format!(
            "\n/** Calls `handler` with each `{event}` event until the returned function is called. */\nexport function {}(handler: (payload: {payload}) => void): Promise<UnlistenFn> {{\n  return listen<{payload}>(\"{event}\", (e) => handler(e.payload));\n}}\n",
            camel(&name),
        ));
    }
    std::fs::write(dir.join("commands.ts"), ts)?;
    for t in &types {
        let path = dir.join(format!("{t}.ts"));
        let body = std::fs::read_to_string(&path)?;
        let body = body.trim_start_matches(|c| c != '\n').trim_start();
        std::fs::write(&path, format!("{HEADER}{body}"))?;
    }
    Ok(())
}

/// `rehearse-desktop --write-bindings DIR`
pub fn write_from_args(args: &[String]) -> ExitCode {
    let dir = args.iter().skip_while(|a| *a != "--write-bindings").nth(1);
    let Some(dir) = dir else {
        eprintln!("usage: rehearse-desktop --write-bindings <dir>");
        return ExitCode::from(2);
    };
    match write(Path::new(dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the bindings to {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    fn read(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| {
                        (
                            e.file_name().to_string_lossy().into_owned(),
                            std::fs::read_to_string(e.path()).unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn committed_bindings_are_current() {
        let fresh = std::env::temp_dir().join(format!("rehearse-bindings-{}", std::process::id()));
        super::write(&fresh).expect("bindings generate");
        let committed = std::path::PathBuf::from(
            std::env::var("CARGO_MANIFEST_DIR")
                .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
        )
        .join("../ui/src/bindings");
        let (want, have) = (read(&fresh), read(&committed));
        let _ = std::fs::remove_dir_all(&fresh);
        let stale: Vec<&String> = want
            .keys()
            .chain(have.keys())
            .filter(|k| want.get(*k) != have.get(*k))
            .collect();
        assert!(stale.is_empty(), "ui/src/bindings is out of date ({stale:?}); run `cargo xtask bindings` and commit the result");
    }
}
