// Rehearse judge prelude for Rust: what LeetCode-style code expects to find (ListNode,
// TreeNode, `struct Solution`, the common std imports) and the JSON reading and writing the
// generated call needs. The candidate's solution.rs is `include!`d after it, so compiler
// messages point at solution.rs lines. Must build with Debian's rustc (1.63).
#![allow(dead_code, unused_imports, unused_macros, non_snake_case)]
use std::cell::*;
use std::cmp::*;
use std::collections::*;
use std::rc::*;

#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        ListNode { next: None, val }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<Rc<RefCell<TreeNode>>>,
    pub right: Option<Rc<RefCell<TreeNode>>>,
}

impl TreeNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}

pub struct Solution;

mod rehearse {
    use super::{ListNode, TreeNode};
    use std::cell::RefCell;
    use std::rc::Rc;

    pub enum Value {
        Null,
        Bool(bool),
        Int(i64),
        Float(f64),
        Str(String),
        Arr(Vec<Value>),
    }

    pub struct Parser<'a> {
        pub t: &'a [u8],
        pub p: usize,
    }

    impl<'a> Parser<'a> {
        fn ws(&mut self) {
            while self.p < self.t.len() && (self.t[self.p] as char).is_whitespace() {
                self.p += 1;
            }
        }
        pub fn parse(&mut self) -> Value {
            self.ws();
            match self.t[self.p] {
                b'[' => {
                    self.p += 1;
                    let mut items = Vec::new();
                    self.ws();
                    if self.t[self.p] == b']' {
                        self.p += 1;
                        return Value::Arr(items);
                    }
                    loop {
                        items.push(self.parse());
                        self.ws();
                        let c = self.t[self.p];
                        self.p += 1;
                        if c == b']' {
                            return Value::Arr(items);
                        }
                    }
                }
                b'"' => {
                    self.p += 1;
                    let mut s: Vec<u8> = Vec::new();
                    while self.t[self.p] != b'"' {
                        let d = self.t[self.p];
                        self.p += 1;
                        if d != b'\\' {
                            s.push(d);
                            continue;
                        }
                        let e = self.t[self.p];
                        self.p += 1;
                        match e {
                            b'u' => {
                                let hex = std::str::from_utf8(&self.t[self.p..self.p + 4]).unwrap();
                                let cp = u32::from_str_radix(hex, 16).unwrap();
                                self.p += 4;
                                let ch = std::char::from_u32(cp).unwrap_or('\u{fffd}');
                                let mut buf = [0u8; 4];
                                s.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            }
                            b'n' => s.push(b'\n'),
                            b't' => s.push(b'\t'),
                            b'r' => s.push(b'\r'),
                            b'b' => s.push(8),
                            b'f' => s.push(12),
                            other => s.push(other),
                        }
                    }
                    self.p += 1;
                    Value::Str(String::from_utf8_lossy(&s).into_owned())
                }
                b't' => {
                    self.p += 4;
                    Value::Bool(true)
                }
                b'f' => {
                    self.p += 5;
                    Value::Bool(false)
                }
                b'n' => {
                    self.p += 4;
                    Value::Null
                }
                _ => {
                    let start = self.p;
                    while self.p < self.t.len() && b"+-0123456789.eE".contains(&self.t[self.p]) {
                        self.p += 1;
                    }
                    let num = std::str::from_utf8(&self.t[start..self.p]).unwrap();
                    if num.contains(|c| c == '.' || c == 'e' || c == 'E') {
                        Value::Float(num.parse().unwrap())
                    } else {
                        Value::Int(num.parse().unwrap())
                    }
                }
            }
        }
    }

    impl Value {
        pub fn items(&self) -> &[Value] {
            match self {
                Value::Arr(a) => a,
                _ => &[],
            }
        }
        fn int(&self) -> i64 {
            match self {
                Value::Int(i) => *i,
                Value::Float(f) => *f as i64,
                _ => 0,
            }
        }
    }

    pub trait FromJson: Sized {
        fn from_json(v: &Value) -> Self;
    }
    impl FromJson for i32 {
        fn from_json(v: &Value) -> Self {
            v.int() as i32
        }
    }
    impl FromJson for i64 {
        fn from_json(v: &Value) -> Self {
            v.int()
        }
    }
    impl FromJson for f64 {
        fn from_json(v: &Value) -> Self {
            match v {
                Value::Float(f) => *f,
                other => other.int() as f64,
            }
        }
    }
    impl FromJson for bool {
        fn from_json(v: &Value) -> Self {
            matches!(v, Value::Bool(true))
        }
    }
    impl FromJson for char {
        fn from_json(v: &Value) -> Self {
            match v {
                Value::Str(s) => s.chars().next().unwrap_or('\0'),
                _ => '\0',
            }
        }
    }
    impl FromJson for String {
        fn from_json(v: &Value) -> Self {
            match v {
                Value::Str(s) => s.clone(),
                _ => String::new(),
            }
        }
    }
    impl<T: FromJson> FromJson for Vec<T> {
        fn from_json(v: &Value) -> Self {
            v.items().iter().map(T::from_json).collect()
        }
    }
    impl FromJson for Option<Box<ListNode>> {
        fn from_json(v: &Value) -> Self {
            let mut head = None;
            for x in v.items().iter().rev() {
                head = Some(Box::new(ListNode { val: x.int() as i32, next: head }));
            }
            head
        }
    }
    impl FromJson for Option<Rc<RefCell<TreeNode>>> {
        fn from_json(v: &Value) -> Self {
            let items = v.items();
            if items.is_empty() || matches!(items[0], Value::Null) {
                return None;
            }
            let node = |x: &Value| Rc::new(RefCell::new(TreeNode::new(x.int() as i32)));
            let root = node(&items[0]);
            let mut queue = vec![root.clone()];
            let mut k = 1;
            let mut q = 0;
            while q < queue.len() && k < items.len() {
                let cur = queue[q].clone();
                q += 1;
                if !matches!(items[k], Value::Null) {
                    let n = node(&items[k]);
                    cur.borrow_mut().left = Some(n.clone());
                    queue.push(n);
                }
                k += 1;
                if k < items.len() && !matches!(items[k], Value::Null) {
                    let n = node(&items[k]);
                    cur.borrow_mut().right = Some(n.clone());
                    queue.push(n);
                }
                k += 1;
            }
            Some(root)
        }
    }

    pub fn quote(s: &str) -> String {
        let mut o = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
                c => o.push(c),
            }
        }
        o.push('"');
        o
    }

    pub trait ToJson {
        fn to_json(&self) -> String;
    }
    impl ToJson for i32 {
        fn to_json(&self) -> String {
            self.to_string()
        }
    }
    impl ToJson for i64 {
        fn to_json(&self) -> String {
            self.to_string()
        }
    }
    impl ToJson for usize {
        fn to_json(&self) -> String {
            self.to_string()
        }
    }
    impl ToJson for f64 {
        fn to_json(&self) -> String {
            if self.is_finite() {
                format!("{:?}", self)
            } else {
                quote(&self.to_string())
            }
        }
    }
    impl ToJson for bool {
        fn to_json(&self) -> String {
            self.to_string()
        }
    }
    impl ToJson for char {
        fn to_json(&self) -> String {
            quote(&self.to_string())
        }
    }
    impl ToJson for String {
        fn to_json(&self) -> String {
            quote(self)
        }
    }
    impl<T: ToJson> ToJson for Vec<T> {
        fn to_json(&self) -> String {
            let parts: Vec<String> = self.iter().map(|x| x.to_json()).collect();
            format!("[{}]", parts.join(","))
        }
    }
    impl ToJson for Option<Box<ListNode>> {
        fn to_json(&self) -> String {
            let mut parts = Vec::new();
            let mut cur = self.as_ref();
            while let Some(n) = cur {
                parts.push(n.val.to_string());
                cur = n.next.as_ref();
            }
            format!("[{}]", parts.join(","))
        }
    }
    impl ToJson for Option<Rc<RefCell<TreeNode>>> {
        fn to_json(&self) -> String {
            let mut out: Vec<String> = Vec::new();
            let mut level: Vec<Option<Rc<RefCell<TreeNode>>>> = vec![self.clone()];
            let mut q = 0;
            while q < level.len() {
                match level[q].clone() {
                    None => out.push("null".into()),
                    Some(n) => {
                        let n = n.borrow();
                        out.push(n.val.to_string());
                        level.push(n.left.clone());
                        level.push(n.right.clone());
                        if level.len() > 10_000_000 {
                            panic!("the returned tree is too large (a cycle?)");
                        }
                    }
                }
                q += 1;
            }
            while out.last().map_or(false, |s| s == "null") {
                out.pop();
            }
            format!("[{}]", out.join(","))
        }
    }
}

include!("solution.rs");
