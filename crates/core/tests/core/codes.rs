//! The table of error codes in docs/cli.md against `ErrorCode`: every code, its exit status
//! and its meaning, none missing and none extra.

use rehearse_core::ErrorCode;

#[test]
fn the_table_of_codes_in_the_cli_docs_is_the_error_code_enum() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/cli.md"))
        .expect("docs/cli.md");
    let documented: Vec<(String, u8, String)> = doc
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((
                code.to_string(),
                cells.get(2)?.parse().ok()?,
                cells.get(3)?.to_string(),
            ))
        })
        .collect();
    let expected: Vec<(String, u8, String)> = ErrorCode::ALL
        .iter()
        .map(|c| {
            (
                c.as_str().to_string(),
                c.exit_status(),
                c.meaning().to_string(),
            )
        })
        .collect();
    assert_eq!(documented, expected);
}

#[test]
fn each_code_is_written_as_it_is_serialized() {
    for code in ErrorCode::ALL {
        let json = serde_json::to_value(code).expect("serialize");
        assert_eq!(json, serde_json::Value::String(code.as_str().into()));
        assert_eq!(
            serde_json::from_value::<ErrorCode>(json).expect("parse"),
            *code
        );
    }
}
