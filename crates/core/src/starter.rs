//! Starter code for each language, generated from a problem's signature.

use crate::language::Language;
use crate::problem::{Param, Signature};
use crate::types::TypeRef;

/// The code the editor opens with for a problem in `lang`.
pub fn starter_code(sig: &Signature, lang: Language) -> String {
    let mut out = String::new();
    let uses = |t: &TypeRef| sig.returns == *t || sig.params.iter().any(|p| contains(&p.ty, t));
    if uses(&TypeRef::ListNode) {
        out.push_str(&node_comment(lang, NodeKind::List));
    }
    if uses(&TypeRef::TreeNode) {
        out.push_str(&node_comment(lang, NodeKind::Tree));
    }
    if let Some(note) = in_place_note(sig, lang) {
        out.push_str(&note);
    }
    out.push_str(&function(sig, lang));
    out
}

fn contains(haystack: &TypeRef, needle: &TypeRef) -> bool {
    match haystack {
        TypeRef::Array(inner) => contains(inner, needle),
        t => t == needle,
    }
}

/// `two_sum` → `twoSum`: the naming of JavaScript, TypeScript, Java, C++, Go and of IPC payloads.
pub fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in snake.chars() {
        if ch == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

fn param_name(p: &Param, lang: Language) -> String {
    match lang {
        Language::Python | Language::Rust => p.name.clone(),
        _ => camel(&p.name),
    }
}

fn in_place_note(sig: &Signature, lang: Language) -> Option<String> {
    let out = sig.output.as_ref()?;
    let name = sig
        .params
        .iter()
        .find(|p| &p.name == out)
        .map(|p| param_name(p, lang))?;
    let c = comment_prefix(lang);
    Some(format!(
        "{c} Modify `{name}` in place; the function returns nothing.\n\n"
    ))
}

fn comment_prefix(lang: Language) -> &'static str {
    match lang {
        Language::Python => "#",
        _ => "//",
    }
}

#[derive(Clone, Copy)]
enum NodeKind {
    List,
    Tree,
}

fn node_comment(lang: Language, kind: NodeKind) -> String {
    let def: &[&str] = match (lang, kind) {
        (Language::Python, NodeKind::List) => &[
            "class ListNode:",
            "    def __init__(self, val=0, next=None):",
            "        self.val = val",
            "        self.next = next",
        ],
        (Language::Python, NodeKind::Tree) => &[
            "class TreeNode:",
            "    def __init__(self, val=0, left=None, right=None):",
            "        self.val = val",
            "        self.left = left",
            "        self.right = right",
        ],
        (Language::Javascript, NodeKind::List) => &[
            "function ListNode(val, next) {",
            "    this.val = (val === undefined ? 0 : val);",
            "    this.next = (next === undefined ? null : next);",
            "}",
        ],
        (Language::Javascript, NodeKind::Tree) => &[
            "function TreeNode(val, left, right) {",
            "    this.val = (val === undefined ? 0 : val);",
            "    this.left = (left === undefined ? null : left);",
            "    this.right = (right === undefined ? null : right);",
            "}",
        ],
        (Language::Typescript, NodeKind::List) => &[
            "class ListNode {",
            "    val: number;",
            "    next: ListNode | null;",
            "}",
        ],
        (Language::Typescript, NodeKind::Tree) => &[
            "class TreeNode {",
            "    val: number;",
            "    left: TreeNode | null;",
            "    right: TreeNode | null;",
            "}",
        ],
        (Language::Java, NodeKind::List) => &[
            "class ListNode {",
            "    int val;",
            "    ListNode next;",
            "    ListNode(int val) { this.val = val; }",
            "}",
        ],
        (Language::Java, NodeKind::Tree) => &[
            "class TreeNode {",
            "    int val;",
            "    TreeNode left, right;",
            "    TreeNode(int val) { this.val = val; }",
            "}",
        ],
        (Language::Cpp, NodeKind::List) => &[
            "struct ListNode {",
            "    int val;",
            "    ListNode *next;",
            "    ListNode(int x) : val(x), next(nullptr) {}",
            "};",
        ],
        (Language::Cpp, NodeKind::Tree) => &[
            "struct TreeNode {",
            "    int val;",
            "    TreeNode *left, *right;",
            "    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}",
            "};",
        ],
        (Language::Go, NodeKind::List) => &[
            "type ListNode struct {",
            "    Val  int",
            "    Next *ListNode",
            "}",
        ],
        (Language::Go, NodeKind::Tree) => &[
            "type TreeNode struct {",
            "    Val   int",
            "    Left  *TreeNode",
            "    Right *TreeNode",
            "}",
        ],
        (Language::Rust, NodeKind::List) => &[
            "pub struct ListNode {",
            "    pub val: i32,",
            "    pub next: Option<Box<ListNode>>,",
            "}",
        ],
        (Language::Rust, NodeKind::Tree) => &[
            "pub struct TreeNode {",
            "    pub val: i32,",
            "    pub left: Option<Rc<RefCell<TreeNode>>>,",
            "    pub right: Option<Rc<RefCell<TreeNode>>>,",
            "}",
        ],
    };
    let c = comment_prefix(lang);
    let mut s = format!("{c} Provided by the judge:\n");
    for line in def {
        s.push_str(&format!("{c} {line}\n"));
    }
    s.push('\n');
    s
}

fn function(sig: &Signature, lang: Language) -> String {
    let name = match lang {
        Language::Python | Language::Rust => sig.function.clone(),
        _ => camel(&sig.function),
    };
    let ret = ty(&sig.returns, lang, Position::Return);
    let params = sig.params.iter().map(|p| {
        let pos = if sig.output.as_deref() == Some(p.name.as_str()) {
            Position::Output
        } else {
            Position::Param
        };
        (param_name(p, lang), ty(&p.ty, lang, pos), &p.ty)
    });
    match lang {
        Language::Python => {
            let ps: Vec<String> = params.map(|(n, t, _)| format!("{n}: {t}")).collect();
            format!("def {name}({}) -> {ret}:\n    pass\n", ps.join(", "))
        }
        Language::Javascript => {
            let mut doc = String::from("/**\n");
            let mut names = Vec::new();
            for (n, _, t) in params {
                doc.push_str(&format!(" * @param {{{}}} {n}\n", jsdoc(t)));
                names.push(n);
            }
            doc.push_str(&format!(" * @return {{{}}}\n */\n", jsdoc(&sig.returns)));
            format!("{doc}function {name}({}) {{\n\n}}\n", names.join(", "))
        }
        Language::Typescript => {
            let ps: Vec<String> = params.map(|(n, t, _)| format!("{n}: {t}")).collect();
            format!("function {name}({}): {ret} {{\n\n}}\n", ps.join(", "))
        }
        Language::Java => {
            let ps: Vec<String> = params.map(|(n, t, _)| format!("{t} {n}")).collect();
            format!(
                "class Solution {{\n    public {ret} {name}({}) {{\n\n    }}\n}}\n",
                ps.join(", ")
            )
        }
        Language::Cpp => {
            let ps: Vec<String> = params.map(|(n, t, _)| format!("{t} {n}")).collect();
            format!(
                "class Solution {{\npublic:\n    {ret} {name}({}) {{\n\n    }}\n}};\n",
                ps.join(", ")
            )
        }
        Language::Go => {
            let ps: Vec<String> = params.map(|(n, t, _)| format!("{n} {t}")).collect();
            let ret = if sig.returns == TypeRef::Void {
                String::new()
            } else {
                format!(" {ret}")
            };
            format!("func {name}({}){ret} {{\n\n}}\n", ps.join(", "))
        }
        Language::Rust => {
            let ps: Vec<String> = params.map(|(n, t, _)| format!("{n}: {t}")).collect();
            let ret = if sig.returns == TypeRef::Void {
                String::new()
            } else {
                format!(" -> {ret}")
            };
            format!(
                "impl Solution {{\n    pub fn {name}({}){ret} {{\n\n    }}\n}}\n",
                ps.join(", ")
            )
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Position {
    Param,
    Output,
    Return,
}

fn jsdoc(t: &TypeRef) -> String {
    ty(t, Language::Javascript, Position::Param)
}

fn ty(t: &TypeRef, lang: Language, pos: Position) -> String {
    use Language as L;
    use TypeRef as T;
    match (lang, t) {
        (L::Python, T::Int | T::Long) => "int".into(),
        (L::Python, T::Double) => "float".into(),
        (L::Python, T::Bool) => "bool".into(),
        (L::Python, T::Char | T::String) => "str".into(),
        (L::Python, T::Array(i)) => format!("list[{}]", ty(i, lang, Position::Param)),
        (L::Python, T::ListNode) => "ListNode | None".into(),
        (L::Python, T::TreeNode) => "TreeNode | None".into(),
        (L::Python, T::Void) => "None".into(),

        (L::Javascript | L::Typescript, T::Int | T::Long | T::Double) => "number".into(),
        (L::Javascript | L::Typescript, T::Bool) => "boolean".into(),
        (L::Javascript | L::Typescript, T::Char | T::String) => "string".into(),
        (L::Javascript | L::Typescript, T::Array(i)) => {
            format!("{}[]", ty(i, lang, Position::Param))
        }
        (L::Javascript | L::Typescript, T::ListNode) => "ListNode | null".into(),
        (L::Javascript | L::Typescript, T::TreeNode) => "TreeNode | null".into(),
        (L::Javascript | L::Typescript, T::Void) => "void".into(),

        (L::Java, T::Int) => "int".into(),
        (L::Java, T::Long) => "long".into(),
        (L::Java, T::Double) => "double".into(),
        (L::Java, T::Bool) => "boolean".into(),
        (L::Java, T::Char) => "char".into(),
        (L::Java, T::String) => "String".into(),
        (L::Java, T::Array(i)) => format!("{}[]", ty(i, lang, Position::Param)),
        (L::Java, T::ListNode) => "ListNode".into(),
        (L::Java, T::TreeNode) => "TreeNode".into(),
        (L::Java, T::Void) => "void".into(),

        (L::Cpp, T::Int) => "int".into(),
        (L::Cpp, T::Long) => "long long".into(),
        (L::Cpp, T::Double) => "double".into(),
        (L::Cpp, T::Bool) => "bool".into(),
        (L::Cpp, T::Char) => "char".into(),
        (L::Cpp, T::String) => "string".into(),
        (L::Cpp, T::Array(i)) => {
            let inner = format!("vector<{}>", ty(i, lang, Position::Return));
            if pos == Position::Return {
                inner
            } else {
                format!("{inner}&")
            }
        }
        (L::Cpp, T::ListNode) => "ListNode*".into(),
        (L::Cpp, T::TreeNode) => "TreeNode*".into(),
        (L::Cpp, T::Void) => "void".into(),

        (L::Go, T::Int) => "int".into(),
        (L::Go, T::Long) => "int64".into(),
        (L::Go, T::Double) => "float64".into(),
        (L::Go, T::Bool) => "bool".into(),
        (L::Go, T::Char) => "byte".into(),
        (L::Go, T::String) => "string".into(),
        (L::Go, T::Array(i)) => format!("[]{}", ty(i, lang, Position::Param)),
        (L::Go, T::ListNode) => "*ListNode".into(),
        (L::Go, T::TreeNode) => "*TreeNode".into(),
        (L::Go, T::Void) => String::new(),

        (L::Rust, T::Int) => "i32".into(),
        (L::Rust, T::Long) => "i64".into(),
        (L::Rust, T::Double) => "f64".into(),
        (L::Rust, T::Bool) => "bool".into(),
        (L::Rust, T::Char) => "char".into(),
        (L::Rust, T::String) => "String".into(),
        (L::Rust, T::Array(i)) => {
            let v = format!("Vec<{}>", ty(i, lang, Position::Param));
            if pos == Position::Output {
                format!("&mut {v}")
            } else {
                v
            }
        }
        (L::Rust, T::ListNode) => "Option<Box<ListNode>>".into(),
        (L::Rust, T::TreeNode) => "Option<Rc<RefCell<TreeNode>>>".into(),
        (L::Rust, T::Void) => "()".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::camel;

    #[test]
    fn camel_cases_names() {
        assert_eq!(camel("two_sum"), "twoSum");
        assert_eq!(camel("num_courses_2"), "numCourses2");
        assert_eq!(camel("nums"), "nums");
    }
}
