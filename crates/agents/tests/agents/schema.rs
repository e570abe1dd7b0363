use rehearse_agents::schema::violations;
use serde_json::json;

#[test]
fn a_conforming_answer_has_no_violations() {
    let schema = crate::note_shape().schema;
    let v = json!({"approach": "optimized", "summary": "hash map", "warnings": []});
    assert_eq!(violations(&schema, &v), Vec::<String>::new());
}

#[test]
fn each_broken_rule_is_named_with_its_path() {
    let schema = json!({
        "type": "object",
        "properties": {
            "score": {"type": "integer", "minimum": 0, "maximum": 100},
            "level": {"type": "string", "enum": ["a", "b"]},
            "items": {"type": "array", "maxItems": 1, "items": {"type": "string", "minLength": 2}},
            "maybe": {"type": ["string", "null"]},
        },
        "required": ["score", "level"],
        "additionalProperties": false,
    });
    let v = json!({"score": 101, "level": "c", "items": ["x", 3], "maybe": null, "extra": true});
    let found = violations(&schema, &v);
    let expect = [
        "$.score: 101 is above the maximum of 100",
        "$.level: \"c\" is not one of \"a\", \"b\"",
        "$.items: 2 items is above the maximum of 1",
        "$.items[0]: 1 characters is below the minimum of 2",
        "$.items[1]: expected string, found integer",
        "$: `extra` is not a field of this answer",
    ];
    for e in expect {
        assert!(found.iter().any(|f| f == e), "{e} not in {found:?}");
    }
    assert_eq!(found.len(), expect.len(), "{found:?}");
    assert_eq!(
        violations(&schema, &json!({"level": "a"})),
        vec!["$: `score` is missing".to_string()]
    );
    assert_eq!(
        violations(&schema, &json!({"score": 1.5, "level": "a"})),
        vec!["$.score: expected integer, found number".to_string()]
    );
}
