//! The look of highlighted code: which classes a token gets from the two
//! themes, and the stylesheet that colours those classes.
//!
//! syntect's own class output wraps every token in one `<span>` per scope
//! it is in, each naming the scope in full (`hl-meta hl-function hl-rust`),
//! some twenty times the code's size, and leaves the colours to CSS
//! selectors over those nested names. Here each theme resolves a token's
//! scopes to a style up front, as syntect does for inline styles, and the
//! token gets one flat `<span>` whose few short classes name that style's
//! colours in the theme's palette: `hl-l3` is the light theme's fourth
//! colour, `hl-d5 hl-db` the dark theme's sixth, bold. The stylesheet lists
//! each palette once, so it does not depend on the code a site has.

use std::fmt::Write as _;
use std::rc::Rc;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use syntect::highlighting::{Color, FontStyle, Highlighter, Style, Theme, ThemeSet};
use syntect::parsing::Scope;

/// The themes, by name in syntect's defaults: one for light pages, one for
/// readers whose system prefers dark.
const LIGHT: &str = "InspiredGitHub";
const DARK: &str = "base16-ocean.dark";

static THEMES: LazyLock<ThemeSet> = LazyLock::new(ThemeSet::load_defaults);

static LOOKS: LazyLock<[Look; 2]> = LazyLock::new(|| {
    [
        Look::new(&THEMES, LIGHT, 'l'),
        Look::new(&THEMES, DARK, 'd'),
    ]
});

/// One theme: how it styles a stack of scopes, and its palette.
struct Look {
    highlighter: Highlighter<'static>,
    plain: Style,
    /// Every colour the theme's rules give, sorted: a class names its index.
    palette: Vec<Color>,
    /// The letter that starts this theme's classes.
    letter: char,
}

impl Look {
    fn new(themes: &'static ThemeSet, name: &str, letter: char) -> Look {
        static EMPTY: LazyLock<Theme> = LazyLock::new(Theme::default);
        let theme = themes.themes.get(name).unwrap_or(&EMPTY);
        let highlighter = Highlighter::new(theme);
        let mut palette: Vec<Color> = theme
            .scopes
            .iter()
            .flat_map(|item| [item.style.foreground, item.style.background])
            .flatten()
            .collect();
        palette.sort_by_key(|c| (c.r, c.g, c.b, c.a));
        palette.dedup();
        Look {
            plain: highlighter.get_default(),
            highlighter,
            palette,
            letter,
        }
    }

    fn index(&self, color: Color) -> Option<usize> {
        self.palette
            .binary_search_by_key(&(color.r, color.g, color.b, color.a), |c| {
                (c.r, c.g, c.b, c.a)
            })
            .ok()
    }

    /// Adds the classes of the style `stack` gets, if it is not plain text.
    /// Returns whether the style shows on a space (a background or an
    /// underline does; a colour or a weight does not).
    fn classes(&self, stack: &[Scope], out: &mut String) -> bool {
        let style = self.highlighter.style_for_stack(stack);
        let letter = self.letter;
        let mut class = |name: std::fmt::Arguments<'_>| {
            if !out.is_empty() {
                out.push(' ');
            }
            let _ = write!(out, "hl-{letter}{name}");
        };
        if style.foreground != self.plain.foreground
            && let Some(i) = self.index(style.foreground)
        {
            class(format_args!("{i}"));
        }
        let mut shows_on_space = false;
        if style.background != self.plain.background
            && let Some(i) = self.index(style.background)
        {
            class(format_args!("bg{i}"));
            shows_on_space = true;
        }
        for (flag, name) in FONT {
            if style.font_style.contains(flag) {
                class(format_args!("{name}"));
                shows_on_space |= flag == FontStyle::UNDERLINE;
            }
        }
        shows_on_space
    }
}

const FONT: [(FontStyle, &str); 3] = [
    (FontStyle::BOLD, "b"),
    (FontStyle::ITALIC, "i"),
    (FontStyle::UNDERLINE, "u"),
];

/// How a token looks in both themes.
#[derive(Clone)]
pub(super) struct TokenLook {
    /// The span's classes; empty for plain text.
    pub classes: Rc<str>,
    /// Whether the style shows on spaces, which must then keep it.
    pub shows_on_space: bool,
}

impl TokenLook {
    /// Plain text: no span.
    pub(super) fn plain() -> TokenLook {
        TokenLook {
            classes: Rc::from(""),
            shows_on_space: false,
        }
    }
}

/// The look of each stack of scopes a thread has met: stacks recur from
/// token to token, and resolving one against a theme's rules is not cheap.
#[derive(Default)]
pub(super) struct Looks {
    by_stack: FxHashMap<Box<[Scope]>, TokenLook>,
}

impl Looks {
    /// At most this many stacks are kept; the table starts afresh when full.
    const CAPACITY: usize = 4096;

    pub(super) fn of(&mut self, stack: &[Scope]) -> &TokenLook {
        if !self.by_stack.contains_key(stack) {
            if self.by_stack.len() == Self::CAPACITY {
                self.by_stack.clear();
            }
            let mut classes = String::new();
            let mut shows_on_space = false;
            for look in LOOKS.iter() {
                shows_on_space |= look.classes(stack, &mut classes);
            }
            let look = TokenLook {
                classes: classes.into(),
                shows_on_space,
            };
            self.by_stack.insert(stack.into(), look);
        }
        &self.by_stack[stack]
    }
}

/// The stylesheet for highlighted code: the light theme's classes, and for
/// readers whose system prefers dark, the light ones undone and the dark
/// theme's.
pub(crate) fn stylesheet() -> String {
    let [light, dark] = &*LOOKS;
    let mut css = format!(
        "/* Code highlighting: syntect's themes {LIGHT} and, for a dark preference, {DARK}. */\n"
    );
    rules(light, &mut css);
    css.push_str("@media (prefers-color-scheme: dark) {\n");
    let light_classes = |kind: &str| {
        let names: Vec<String> = (0..light.palette.len())
            .map(|i| format!(".hl-l{kind}{i}"))
            .collect();
        names.join(", ")
    };
    let _ = writeln!(css, "{} {{ color: inherit; }}", light_classes(""));
    let _ = writeln!(
        css,
        "{} {{ background-color: transparent; }}",
        light_classes("bg")
    );
    css.push_str(
        ".hl-lb { font-weight: inherit; }\n.hl-li { font-style: inherit; }\n.hl-lu { text-decoration: inherit; }\n",
    );
    rules(dark, &mut css);
    css.push_str("}\n");
    css
}

fn rules(look: &Look, css: &mut String) {
    let l = look.letter;
    for (i, color) in look.palette.iter().enumerate() {
        let _ = writeln!(css, ".hl-{l}{i} {{ color: {}; }}", hex(*color));
    }
    for (i, color) in look.palette.iter().enumerate() {
        let _ = writeln!(css, ".hl-{l}bg{i} {{ background-color: {}; }}", hex(*color));
    }
    let _ = writeln!(
        css,
        ".hl-{l}b {{ font-weight: bold; }}\n.hl-{l}i {{ font-style: italic; }}\n.hl-{l}u {{ text-decoration: underline; }}"
    );
}

fn hex(c: Color) -> String {
    if c.a == 0xff {
        format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
    } else {
        format!("#{:02x}{:02x}{:02x}{:02x}", c.r, c.g, c.b, c.a)
    }
}
