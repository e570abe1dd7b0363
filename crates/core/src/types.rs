//! The type vocabulary of problem signatures and the check that a JSON test value fits it.

use serde_json::Value;
use std::fmt;

/// A parameter or return type in a problem signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    Int,
    Long,
    Double,
    Bool,
    Char,
    String,
    Array(Box<TypeRef>),
    /// A singly linked list of ints, written in tests as an array of its values.
    ListNode,
    /// A binary tree of ints, written in tests in level order with `null` for gaps.
    TreeNode,
    /// Only as a return type: the function changes an output parameter in place.
    Void,
}

impl TypeRef {
    pub fn parse(s: &str) -> Result<TypeRef, String> {
        let s = s.trim();
        if let Some(inner) = s.strip_suffix("[]") {
            let inner = TypeRef::parse(inner)?;
            if matches!(inner, TypeRef::Void) {
                return Err("void[] is not a type".into());
            }
            if inner.depth() >= 2 {
                return Err(format!("`{s}`: at most two array dimensions are supported"));
            }
            return Ok(TypeRef::Array(Box::new(inner)));
        }
        Ok(match s {
            "int" => TypeRef::Int,
            "long" => TypeRef::Long,
            "double" => TypeRef::Double,
            "bool" => TypeRef::Bool,
            "char" => TypeRef::Char,
            "string" => TypeRef::String,
            "ListNode" => TypeRef::ListNode,
            "TreeNode" => TypeRef::TreeNode,
            "void" => TypeRef::Void,
            other => {
                return Err(format!(
                    "unknown type `{other}` (known: int, long, double, bool, char, string, T[], T[][], ListNode, TreeNode, void)"
                ))
            }
        })
    }

    fn depth(&self) -> usize {
        match self {
            TypeRef::Array(inner) => 1 + inner.depth(),
            _ => 0,
        }
    }

    /// Checks that `value` is a valid JSON encoding of this type; the error names the
    /// offending position relative to `value`.
    pub fn check(&self, value: &Value) -> Result<(), String> {
        let found = || describe(value);
        match (self, value) {
            (TypeRef::Int, Value::Number(n)) => match n.as_i64() {
                Some(i) if i32::try_from(i).is_ok() => Ok(()),
                _ => Err(format!("expected int (32-bit), found {n}")),
            },
            (TypeRef::Long, Value::Number(n)) if n.is_i64() => Ok(()),
            (TypeRef::Double, Value::Number(_)) => Ok(()),
            (TypeRef::Bool, Value::Bool(_)) => Ok(()),
            (TypeRef::Char, Value::String(s)) if s.chars().count() == 1 => Ok(()),
            (TypeRef::String, Value::String(_)) => Ok(()),
            (TypeRef::Array(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    inner.check(item).map_err(|e| format!("[{i}]: {e}"))?;
                }
                Ok(())
            }
            (TypeRef::ListNode, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    TypeRef::Int
                        .check(item)
                        .map_err(|e| format!("[{i}]: {e}"))?;
                }
                Ok(())
            }
            (TypeRef::TreeNode, Value::Array(items)) => {
                if items.first().is_some_and(Value::is_null) {
                    return Err("a tree's root cannot be null (use [] for an empty tree)".into());
                }
                for (i, item) in items.iter().enumerate() {
                    if !item.is_null() {
                        TypeRef::Int
                            .check(item)
                            .map_err(|e| format!("[{i}]: {e}"))?;
                    }
                }
                Ok(())
            }
            (TypeRef::Void, _) => Err("void has no value".into()),
            _ => Err(format!("expected {self}, found {}", found())),
        }
    }

    /// The size of a value of this type, used to tell a large test input from a small one.
    pub fn size_of(&self, value: &Value) -> usize {
        match value {
            Value::Array(items) => items
                .len()
                .max(items.iter().map(|v| self.element_size(v)).sum()),
            Value::String(s) => s.len(),
            Value::Number(n) if matches!(self, TypeRef::Int | TypeRef::Long) => {
                n.as_i64().map_or(0, |i| i.unsigned_abs() as usize)
            }
            _ => 0,
        }
    }

    fn element_size(&self, v: &Value) -> usize {
        match (self, v) {
            (TypeRef::Array(inner), Value::Array(_)) => inner.size_of(v),
            (TypeRef::Array(_), Value::String(s)) => s.len(),
            _ => 1,
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "a bool".into(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 20 => "a string".into(),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Int => f.write_str("int"),
            TypeRef::Long => f.write_str("long"),
            TypeRef::Double => f.write_str("double"),
            TypeRef::Bool => f.write_str("bool"),
            TypeRef::Char => f.write_str("char"),
            TypeRef::String => f.write_str("string"),
            TypeRef::Array(inner) => write!(f, "{inner}[]"),
            TypeRef::ListNode => f.write_str("ListNode"),
            TypeRef::TreeNode => f.write_str("TreeNode"),
            TypeRef::Void => f.write_str("void"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_prints_round_trip() {
        for s in [
            "int",
            "long[]",
            "string[][]",
            "ListNode",
            "TreeNode",
            "char[][]",
            "void",
        ] {
            assert_eq!(TypeRef::parse(s).unwrap().to_string(), s);
        }
        assert!(TypeRef::parse("int[][][]").is_err());
        assert!(TypeRef::parse("float").is_err());
        assert!(TypeRef::parse("void[]").is_err());
    }

    #[test]
    fn checks_values() {
        let t = TypeRef::parse("int[][]").unwrap();
        assert!(t.check(&json!([[1, 2], []])).is_ok());
        assert_eq!(
            t.check(&json!([[1], [2, "x"]])).unwrap_err(),
            "[1]: [1]: expected int, found the string \"x\""
        );
        assert!(TypeRef::Int.check(&json!(3_000_000_000_i64)).is_err());
        assert!(TypeRef::Long.check(&json!(3_000_000_000_i64)).is_ok());
        assert!(TypeRef::Long.check(&json!(1.5)).is_err());
        assert!(TypeRef::Char.check(&json!("ab")).is_err());
        assert!(TypeRef::TreeNode.check(&json!([1, null, 2])).is_ok());
        assert!(TypeRef::TreeNode.check(&json!([null])).is_err());
        assert!(TypeRef::ListNode.check(&json!([1, null])).is_err());
    }

    #[test]
    fn measures_size() {
        let t = TypeRef::parse("int[]").unwrap();
        assert_eq!(t.size_of(&json!([1, 2, 3])), 3);
        let g = TypeRef::parse("char[][]").unwrap();
        assert_eq!(g.size_of(&json!([["a", "b"], ["c", "d"]])), 4);
        assert_eq!(TypeRef::String.size_of(&json!("hello")), 5);
    }
}
