//! The per-signature glue for the typed languages whose harness cannot find and call the
//! candidate's function by itself (C++, Go, Rust): convert each JSON argument to the
//! parameter's type, call, convert the answer back to JSON.

use rehearse_core::starter::camel;
use rehearse_core::{Signature, TypeRef};

fn cpp_type(t: &TypeRef) -> String {
    match t {
        TypeRef::Int => "int".into(),
        TypeRef::Long => "long long".into(),
        TypeRef::Double => "double".into(),
        TypeRef::Bool => "bool".into(),
        TypeRef::Char => "char".into(),
        TypeRef::String => "string".into(),
        TypeRef::Array(inner) => format!("vector<{}>", cpp_type(inner)),
        TypeRef::ListNode => "ListNode*".into(),
        TypeRef::TreeNode => "TreeNode*".into(),
        TypeRef::Void => "void".into(),
    }
}

/// `rehearse_call` for C++, placed between solution.cpp and the driver.
pub fn cpp(sig: &Signature) -> String {
    let mut body = String::new();
    let mut args = Vec::new();
    for (k, p) in sig.params.iter().enumerate() {
        body.push_str(&format!(
            "    auto p{k} = rehearse::as<{}>(a[{k}]);\n",
            cpp_type(&p.ty)
        ));
        args.push(format!("p{k}"));
    }
    let call = format!("Solution().{}({})", camel(&sig.function), args.join(", "));
    match output_index(sig) {
        Some(k) => body.push_str(&format!("    {call};\n    return rehearse::dump(p{k});\n")),
        None => body.push_str(&format!("    return rehearse::dump({call});\n")),
    }
    format!("static std::string rehearse_call(const rehearse::Value &a) {{\n{body}}}\n")
}

fn go_from_json(t: &TypeRef) -> String {
    match t {
        TypeRef::Int => "toInt".into(),
        TypeRef::Long => "toInt64".into(),
        TypeRef::Double => "toFloat".into(),
        TypeRef::Bool => "toBool".into(),
        TypeRef::Char => "toByte".into(),
        TypeRef::String => "toString".into(),
        TypeRef::ListNode => "toList".into(),
        TypeRef::TreeNode => "toTree".into(),
        TypeRef::Array(inner) => format!(
            "func(x any) {} {{ return toSlice(x, {}) }}",
            go_type(t),
            go_from_json(inner)
        ),
        TypeRef::Void => "nil".into(),
    }
}

fn go_type(t: &TypeRef) -> String {
    match t {
        TypeRef::Int => "int".into(),
        TypeRef::Long => "int64".into(),
        TypeRef::Double => "float64".into(),
        TypeRef::Bool => "bool".into(),
        TypeRef::Char => "byte".into(),
        TypeRef::String => "string".into(),
        TypeRef::ListNode => "*ListNode".into(),
        TypeRef::TreeNode => "*TreeNode".into(),
        TypeRef::Array(inner) => format!("[]{}", go_type(inner)),
        TypeRef::Void => String::new(),
    }
}

fn go_to_json(t: &TypeRef) -> String {
    match t {
        TypeRef::Double => "fromFloat".into(),
        TypeRef::Char => "fromByte".into(),
        TypeRef::ListNode => "fromList".into(),
        TypeRef::TreeNode => "fromTree".into(),
        TypeRef::Array(inner) => format!(
            "func(x {}) any {{ return fromSlice(x, {}) }}",
            go_type(t),
            go_to_json(inner)
        ),
        other => format!("fromPlain[{}]", go_type(other)),
    }
}

/// call.go: `rehearseCall` for Go.
pub fn go(sig: &Signature) -> String {
    let mut body = String::new();
    let mut args = Vec::new();
    for (k, p) in sig.params.iter().enumerate() {
        let conv = go_from_json(&p.ty);
        body.push_str(&format!("\tp{k} := ({conv})(a[{k}])\n"));
        args.push(format!("p{k}"));
    }
    let call = format!("{}({})", camel(&sig.function), args.join(", "));
    match output_index(sig) {
        Some(k) => body.push_str(&format!(
            "\t{call}\n\treturn ({})(p{k})\n",
            go_to_json(&sig.params[k].ty)
        )),
        None => body.push_str(&format!(
            "\treturn ({})({call})\n",
            go_to_json(&sig.returns)
        )),
    }
    format!("package main\n\nfunc rehearseCall(a []any) any {{\n{body}}}\n")
}

fn rust_type(t: &TypeRef) -> String {
    match t {
        TypeRef::Int => "i32".into(),
        TypeRef::Long => "i64".into(),
        TypeRef::Double => "f64".into(),
        TypeRef::Bool => "bool".into(),
        TypeRef::Char => "char".into(),
        TypeRef::String => "String".into(),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_type(inner)),
        TypeRef::ListNode => "Option<Box<ListNode>>".into(),
        TypeRef::TreeNode => "Option<Rc<RefCell<TreeNode>>>".into(),
        TypeRef::Void => "()".into(),
    }
}

/// `rehearse_call` for Rust, placed between the prelude (which includes solution.rs) and
/// the driver.
pub fn rust(sig: &Signature) -> String {
    let out = output_index(sig);
    let mut body = String::from("    use rehearse::{FromJson, ToJson};\n");
    let mut args = Vec::new();
    for (k, p) in sig.params.iter().enumerate() {
        let mutable = if out == Some(k) { "mut " } else { "" };
        body.push_str(&format!(
            "    let {mutable}p{k}: {} = FromJson::from_json(&a[{k}]);\n",
            rust_type(&p.ty)
        ));
        args.push(if out == Some(k) {
            format!("&mut p{k}")
        } else {
            format!("p{k}")
        });
    }
    let call = format!("Solution::{}({})", sig.function, args.join(", "));
    match out {
        Some(k) => body.push_str(&format!("    {call};\n    p{k}.to_json()\n")),
        None => body.push_str(&format!("    {call}.to_json()\n")),
    }
    format!("fn rehearse_call(a: &[rehearse::Value]) -> String {{\n{body}}}\n")
}

fn output_index(sig: &Signature) -> Option<usize> {
    let out = sig.output.as_deref()?;
    sig.params.iter().position(|p| p.name == out)
}
