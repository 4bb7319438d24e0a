//! HTML read into a tree by html5ever (through scraper's tree), as a browser
//! reads it, with a bound on the tags read as markup; and tags written back
//! out as HTML.
//!
//! html5ever's tree builder looks through the open elements, and the
//! formatting elements it may have to reopen, for most tags it meets, so
//! hostile input costs time in the square of its tags (servo/html5ever#788)
//! and nothing in the crate bounds it. So only the first `MAX_TAGS` tags of
//! a piece are markup; the tree builder gets the later ones as text, written
//! as they were, and what is left of the input then costs it no more than
//! the first `MAX_TAGS` tags allow. The tokenizer alone is linear but for one thing: it compares
//! each attribute of a tag with the others, which costs time in the square
//! of one tag's attributes, and a tag with enough of them to matter is no
//! slide's.

use std::cell::Cell;

use html5ever::serialize::{HtmlSerializer, SerializeOpts, Serializer};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink, create_element};
use html5ever::{QualName, TokenizerResult, local_name, ns};
use scraper::{Html, HtmlTreeSink};

/// How many tags of one piece of HTML are read as markup: far more than a
/// slide's text has, and few enough that even the worst shapes of markup
/// cost the tree builder little.
pub(crate) const MAX_TAGS: usize = 1000;

/// A piece of HTML as a tree.
pub(super) struct Parsed {
    pub(super) html: Html,
    /// Whether tags past `MAX_TAGS` were read as text.
    pub(super) tags_as_text: bool,
}

/// Parses HTML as the content of a `<body>`, as a browser would.
pub(super) fn parse(text: &str) -> Parsed {
    let sink = HtmlTreeSink::new(Html::new_fragment());
    let body = QualName::new(None, ns!(html), local_name!("body"));
    let context = create_element(&sink, body, Vec::new());
    let builder = TreeBuilder::new_for_fragment(sink, context, None, TreeBuilderOpts::default());
    let opts = TokenizerOpts {
        initial_state: Some(builder.tokenizer_state_for_context_elem(false)),
        ..TokenizerOpts::default()
    };
    let tokenizer = Tokenizer::new(
        Bounded {
            builder,
            tags: Cell::new(0),
        },
        opts,
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    // The tokenizer pauses after a `</script>` or a `<meta charset>`; the
    // rest is still HTML to read.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let bounded = tokenizer.sink;
    let tags_as_text = bounded.tags.get() > MAX_TAGS;
    Parsed {
        html: bounded.builder.sink.finish(),
        tags_as_text,
    }
}

/// Hands tokens on to the tree builder, tags past `MAX_TAGS` as text.
struct Bounded<S> {
    builder: S,
    tags: Cell<usize>,
}

impl<S: TokenSink> TokenSink for Bounded<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        let token = match token {
            TagToken(tag) => {
                let seen = self.tags.get().saturating_add(1);
                self.tags.set(seen);
                if seen <= MAX_TAGS {
                    TagToken(tag)
                } else if tag.kind == EndTag {
                    CharacterTokens(format!("</{}>", tag.name).into())
                } else {
                    let name = QualName::new(None, ns!(html), tag.name);
                    let attrs = tag.attrs.iter().map(|a| (&a.name, &*a.value));
                    CharacterTokens(tags(&name, attrs).0.into())
                }
            }
            other => other,
        };
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// An element's start tag and end tag as HTML, the end tag empty for a
/// void element (`<img>`), attribute values escaped.
pub(super) fn tags<'a>(
    name: &QualName,
    attrs: impl Iterator<Item = (&'a QualName, &'a str)>,
) -> (String, String) {
    let opts = SerializeOpts {
        create_missing_parent: true,
        ..SerializeOpts::default()
    };
    let mut html = HtmlSerializer::new(Vec::new(), opts);
    // Writing to a `Vec` cannot fail.
    let _ = html.start_elem(name.clone(), attrs);
    let start = String::from_utf8_lossy(&std::mem::take(&mut html.writer)).into_owned();
    let _ = html.end_elem(name.clone());
    let end = String::from_utf8_lossy(&html.writer).into_owned();
    (start, end)
}
