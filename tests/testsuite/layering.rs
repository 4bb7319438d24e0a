//! The library's modules form layers: each uses only modules before it in
//! [`ORDER`], as `src/lib.rs` tells the pipeline. Every `crate::…` path of
//! `src/` (in `use`, in code, in macros) is read with `syn`, comments and
//! `#[cfg(test)]` items left out, and resolved to the top-level module it
//! names; a name `src/lib.rs` re-exports counts as its module's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::ToTokens;

/// The modules from the bottom up. `error` sits after `render`, whose
/// `WriteError` it carries, and before everything that returns it.
const ORDER: [&str; 19] = [
    "date",
    "diagnostic",
    "chars",
    "nofollow",
    "timings",
    "content",
    "markdown",
    "media",
    "model",
    "render",
    "error",
    "export",
    "output",
    "build",
    "cache",
    "serve",
    "scaffold",
    "import",
    "report",
];

/// Where one module names another.
struct Use {
    from: String,
    to: String,
    at: String,
}

/// Whether a `cfg` predicate holds only in tests (`test`, `all(test, …)`).
fn test_only(predicate: &syn::Meta) -> bool {
    match predicate {
        syn::Meta::Path(path) => path.is_ident("test"),
        syn::Meta::List(list) => {
            let inner = list
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )
                .unwrap_or_default();
            if list.path.is_ident("all") {
                inner.iter().any(test_only)
            } else if list.path.is_ident("any") {
                !inner.is_empty() && inner.iter().all(test_only)
            } else {
                false
            }
        }
        syn::Meta::NameValue(_) => false,
    }
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Meta>()
                .is_ok_and(|predicate| test_only(&predicate))
    })
}

/// The file of the module `name` declared in a file whose children live in `dir`.
fn module_file(dir: &Path, name: &str) -> PathBuf {
    let flat = dir.join(format!("{name}.rs"));
    if flat.is_file() {
        flat
    } else {
        dir.join(name).join("mod.rs")
    }
}

/// Reads the items of a module: `module` is its path from the crate root,
/// `dir` where its children's files are.
struct Reader<'a> {
    src: &'a Path,
    /// Names at the crate root: modules, and what `lib.rs` re-exports, to
    /// the top-level module each stands for.
    root: &'a BTreeMap<String, String>,
    uses: Vec<Use>,
}

impl Reader<'_> {
    fn file(&mut self, path: &Path, module: &[String], dir: &Path) {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let file = syn::parse_file(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        self.items(&file.items, path, module, dir);
    }

    fn items(&mut self, items: &[syn::Item], path: &Path, module: &[String], dir: &Path) {
        for item in items {
            match item {
                syn::Item::Mod(m) if is_test(&m.attrs) => {}
                syn::Item::Mod(m) => {
                    let name = m.ident.to_string();
                    let mut inner = module.to_vec();
                    inner.push(name.clone());
                    match &m.content {
                        Some((_, items)) => self.items(items, path, &inner, &dir.join(&name)),
                        // `dir/name.rs` or `dir/name/mod.rs`: its children in `dir/name/`.
                        None => self.file(&module_file(dir, &name), &inner, &dir.join(&name)),
                    }
                }
                syn::Item::Impl(block) if !is_test(&block.attrs) => {
                    self.tokens(block.self_ty.to_token_stream(), path, module);
                    if let Some((_, to, _)) = &block.trait_ {
                        self.tokens(to.to_token_stream(), path, module);
                    }
                    for inner in &block.items {
                        let attrs = match inner {
                            syn::ImplItem::Fn(f) => &f.attrs,
                            syn::ImplItem::Const(c) => &c.attrs,
                            syn::ImplItem::Type(t) => &t.attrs,
                            _ => &Vec::new(),
                        };
                        if !is_test(attrs) {
                            self.tokens(inner.to_token_stream(), path, module);
                        }
                    }
                }
                other => {
                    let attrs: &[syn::Attribute] = match other {
                        syn::Item::Use(u) => &u.attrs,
                        syn::Item::Fn(f) => &f.attrs,
                        syn::Item::Const(c) => &c.attrs,
                        syn::Item::Static(s) => &s.attrs,
                        syn::Item::Struct(s) => &s.attrs,
                        syn::Item::Enum(e) => &e.attrs,
                        syn::Item::Trait(t) => &t.attrs,
                        syn::Item::Type(t) => &t.attrs,
                        syn::Item::Macro(m) => &m.attrs,
                        syn::Item::Impl(i) => &i.attrs,
                        _ => &[],
                    };
                    if !is_test(attrs) {
                        self.tokens(other.to_token_stream(), path, module);
                    }
                }
            }
        }
    }

    /// Finds `crate::name`, `crate::{a, b::c}` and `super::…::name` paths
    /// that leave `module`'s top-level module, in macros too.
    fn tokens(&mut self, stream: TokenStream, path: &Path, module: &[String]) {
        let tokens: Vec<TokenTree> = stream.into_iter().collect();
        let sep = |i: usize| {
            matches!((tokens.get(i), tokens.get(i + 1)),
                (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                    if a.as_char() == ':' && b.as_char() == ':')
        };
        for (i, token) in tokens.iter().enumerate() {
            match token {
                TokenTree::Group(group) => self.tokens(group.stream(), path, module),
                TokenTree::Ident(ident) if ident == "crate" && sep(i + 1) => {
                    let line = ident.span().start().line;
                    match tokens.get(i + 3) {
                        Some(TokenTree::Ident(name)) => self.root_use(name, path, line, module),
                        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                            // `crate::{a, b::c}`: the first name of each part.
                            let mut first = true;
                            for inner in g.stream() {
                                match &inner {
                                    TokenTree::Ident(name) if first => {
                                        self.root_use(name, path, line, module);
                                        first = false;
                                    }
                                    TokenTree::Punct(p) if p.as_char() == ',' => first = true,
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
                TokenTree::Ident(ident)
                    if ident == "super" && !(i >= 2 && sep(i - 2)) && sep(i + 1) =>
                {
                    // `super::super::name`: up as many modules as there are `super`s.
                    let mut ups = 0;
                    let mut at = i;
                    while matches!(tokens.get(at), Some(TokenTree::Ident(s)) if s == "super")
                        && sep(at + 1)
                    {
                        ups += 1;
                        at += 3;
                    }
                    if ups >= module.len()
                        && let Some(TokenTree::Ident(name)) = tokens.get(at)
                    {
                        self.root_use(name, path, ident.span().start().line, module);
                    }
                }
                _ => {}
            }
        }
    }

    fn root_use(&mut self, name: &proc_macro2::Ident, path: &Path, line: usize, module: &[String]) {
        let name = name.to_string();
        let to = self.root.get(&name).unwrap_or_else(|| {
            panic!(
                "{}:{line}: `crate::{name}` is neither a module nor a re-export of src/lib.rs",
                path.display()
            )
        });
        if *to != module[0] {
            let at = path.strip_prefix(self.src).unwrap_or(path).display();
            self.uses.push(Use {
                from: module[0].clone(),
                to: to.clone(),
                at: format!("src/{at}:{line}"),
            });
        }
    }
}

/// Every use of one top-level module by another in `src/`.
fn uses(src: &Path) -> (Vec<String>, Vec<Use>) {
    let lib = syn::parse_file(&std::fs::read_to_string(src.join("lib.rs")).expect("read lib.rs"))
        .expect("parse lib.rs");
    let mut modules = Vec::new();
    let mut root = BTreeMap::new();
    for item in &lib.items {
        match item {
            syn::Item::Mod(m) => {
                modules.push(m.ident.to_string());
                root.insert(m.ident.to_string(), m.ident.to_string());
            }
            syn::Item::Use(u) => {
                // `pub use module::…::{A, B}`: A and B stand for `module`.
                let mut names = Vec::new();
                let mut stack = vec![(&u.tree, None::<String>)];
                while let Some((tree, top)) = stack.pop() {
                    match tree {
                        syn::UseTree::Path(p) => {
                            let top = top.unwrap_or_else(|| p.ident.to_string());
                            stack.push((&p.tree, Some(top)));
                        }
                        syn::UseTree::Name(n) => names.push((n.ident.to_string(), top)),
                        syn::UseTree::Rename(r) => names.push((r.rename.to_string(), top)),
                        syn::UseTree::Group(g) => {
                            stack.extend(g.items.iter().map(|t| (t, top.clone())));
                        }
                        syn::UseTree::Glob(_) => {}
                    }
                }
                for (name, top) in names {
                    if let Some(top) = top {
                        root.insert(name, top);
                    }
                }
            }
            _ => {}
        }
    }
    let mut reader = Reader {
        src,
        root: &root,
        uses: Vec::new(),
    };
    for module in &modules {
        reader.file(
            &module_file(src, module),
            std::slice::from_ref(module),
            &src.join(module),
        );
    }
    (modules, reader.uses)
}

#[test]
fn each_module_uses_only_modules_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (modules, uses) = uses(&src);
    let mut listed: Vec<&str> = modules.iter().map(String::as_str).collect();
    listed.sort_unstable();
    let mut ordered = ORDER.to_vec();
    ordered.sort_unstable();
    assert_eq!(
        listed, ordered,
        "the modules of src/lib.rs and ORDER differ: give a new module its place"
    );
    assert!(
        uses.len() > 50,
        "only {} uses found: the reading is broken",
        uses.len()
    );
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let upward: Vec<String> = uses
        .iter()
        .filter(|u| rank(&u.to) >= rank(&u.from))
        .map(|u| format!("{}: {} uses {}, above it", u.at, u.from, u.to))
        .collect();
    assert!(upward.is_empty(), "{}", upward.join("\n"));
}
