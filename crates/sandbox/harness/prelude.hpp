// Rehearse judge prelude for C++: what LeetCode-style code expects to find (the standard
// library, `using namespace std`, ListNode, TreeNode) and the JSON reading and writing the
// generated call needs. Included before the candidate's solution.cpp.
#include <bits/stdc++.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>
using namespace std;

struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
    int val;
    TreeNode *left, *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace rehearse {
struct Value {
    enum Kind { Null, Bool, Int, Float, Str, Arr } kind = Null;
    long long i = 0;
    double d = 0;
    bool b = false;
    std::string s;
    std::vector<Value> a;
    const Value &operator[](size_t k) const { return a[k]; }
};

struct Parser {
    const std::string &t;
    size_t p = 0;
    void ws() { while (p < t.size() && isspace((unsigned char)t[p])) p++; }
    Value parse() {
        ws();
        Value v;
        char c = t[p];
        if (c == '[') {
            v.kind = Value::Arr;
            p++; ws();
            if (t[p] == ']') { p++; return v; }
            while (true) {
                v.a.push_back(parse()); ws();
                if (t[p++] == ']') return v;
            }
        }
        if (c == '"') {
            v.kind = Value::Str;
            p++;
            while (t[p] != '"') {
                char d = t[p++];
                if (d != '\\') { v.s += d; continue; }
                char e = t[p++];
                if (e == 'u') {
                    unsigned cp = std::stoul(t.substr(p, 4), nullptr, 16);
                    p += 4;
                    if (cp < 0x80) v.s += (char)cp;
                    else if (cp < 0x800) { v.s += (char)(0xC0 | (cp >> 6)); v.s += (char)(0x80 | (cp & 0x3F)); }
                    else { v.s += (char)(0xE0 | (cp >> 12)); v.s += (char)(0x80 | ((cp >> 6) & 0x3F)); v.s += (char)(0x80 | (cp & 0x3F)); }
                } else v.s += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
            }
            p++;
            return v;
        }
        if (t.compare(p, 4, "true") == 0) { p += 4; v.kind = Value::Bool; v.b = true; return v; }
        if (t.compare(p, 5, "false") == 0) { p += 5; v.kind = Value::Bool; return v; }
        if (t.compare(p, 4, "null") == 0) { p += 4; return v; }
        size_t start = p;
        bool real = false;
        while (p < t.size() && strchr("+-0123456789.eE", t[p])) { real |= strchr(".eE", t[p]) != nullptr; p++; }
        std::string num = t.substr(start, p - start);
        if (real) { v.kind = Value::Float; v.d = std::stod(num); }
        else { v.kind = Value::Int; v.i = std::stoll(num); v.d = (double)v.i; }
        return v;
    }
};

template <class T> struct As;
template <> struct As<int> { static int get(const Value &v) { return (int)v.i; } };
template <> struct As<long long> { static long long get(const Value &v) { return v.i; } };
template <> struct As<double> { static double get(const Value &v) { return v.kind == Value::Int ? (double)v.i : v.d; } };
template <> struct As<bool> { static bool get(const Value &v) { return v.b; } };
template <> struct As<char> { static char get(const Value &v) { return v.s.empty() ? '\0' : v.s[0]; } };
template <> struct As<std::string> { static std::string get(const Value &v) { return v.s; } };
template <> struct As<ListNode *> {
    static ListNode *get(const Value &v) {
        ListNode *head = nullptr;
        for (size_t k = v.a.size(); k-- > 0;) head = new ListNode((int)v.a[k].i, head);
        return head;
    }
};
template <> struct As<TreeNode *> {
    static TreeNode *get(const Value &v) {
        if (v.a.empty() || v.a[0].kind == Value::Null) return nullptr;
        TreeNode *root = new TreeNode((int)v.a[0].i);
        std::vector<TreeNode *> queue{root};
        size_t k = 1;
        for (size_t q = 0; q < queue.size() && k < v.a.size(); q++) {
            if (v.a[k].kind != Value::Null) { queue[q]->left = new TreeNode((int)v.a[k].i); queue.push_back(queue[q]->left); }
            k++;
            if (k < v.a.size() && v.a[k].kind != Value::Null) { queue[q]->right = new TreeNode((int)v.a[k].i); queue.push_back(queue[q]->right); }
            k++;
        }
        return root;
    }
};
template <class T> struct As<std::vector<T>> {
    static std::vector<T> get(const Value &v) {
        std::vector<T> out;
        out.reserve(v.a.size());
        for (const Value &x : v.a) out.push_back(As<T>::get(x));
        return out;
    }
};
template <class T> T as(const Value &v) { return As<T>::get(v); }

inline std::string quote(const std::string &x) {
    std::string o = "\"";
    for (unsigned char c : x) {
        if (c == '"' || c == '\\') { o += '\\'; o += (char)c; }
        else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\u%04x", c); o += buf; }
        else o += (char)c;
    }
    return o + "\"";
}

inline std::string dump(bool b) { return b ? "true" : "false"; }
inline std::string dump(char c) { return quote(std::string(1, c)); }
inline std::string dump(double d) {
    if (!std::isfinite(d)) return quote(std::to_string(d));
    char buf[32];
    snprintf(buf, sizeof buf, "%.17g", d);
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}
inline std::string dump(float d) { return dump((double)d); }
template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>, int> = 0>
std::string dump(T x) { return std::to_string(x); }
inline std::string dump(const std::string &s) { return quote(s); }
inline std::string dump(const char *s) { return quote(s ? s : ""); }
inline std::string dump(ListNode *n) {
    std::string o = "[";
    size_t count = 0;
    for (; n; n = n->next) {
        if (++count > 10000000) throw std::runtime_error("the returned list does not end (a cycle?)");
        if (o.size() > 1) o += ',';
        o += std::to_string(n->val);
    }
    return o + "]";
}
inline std::string dump(TreeNode *root) {
    std::vector<std::string> out;
    std::vector<TreeNode *> level{root};
    for (size_t q = 0; q < level.size(); q++) {
        if (!level[q]) { out.push_back("null"); continue; }
        out.push_back(std::to_string(level[q]->val));
        level.push_back(level[q]->left);
        level.push_back(level[q]->right);
        if (level.size() > 10000000) throw std::runtime_error("the returned tree is too large (a cycle?)");
    }
    while (!out.empty() && out.back() == "null") out.pop_back();
    std::string o = "[";
    for (size_t k = 0; k < out.size(); k++) o += (k ? "," : "") + out[k];
    return o + "]";
}
template <class T> std::string dump(const std::vector<T> &v) {
    std::string o = "[";
    for (size_t k = 0; k < v.size(); k++) {
        if (k) o += ',';
        o += dump((T)v[k]);
    }
    return o + "]";
}
}  // namespace rehearse
