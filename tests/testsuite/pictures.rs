//! Pictures: in note bodies and as lead images, beside the notes and in
//! `static/`; published under names that change with their content, at
//! several widths, from a cache on the next build; every fault an error at
//! its place, and the previous site kept.

use std::io::Cursor;

use crate::common::TestSite;
use crate::common::server::Server;

/// A PNG of `width` by `height` pixels, its colours from `seed`.
pub(crate) fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, seed])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encode a PNG");
    out.into_inner()
}

const EVENT: &str = "---
title: The bridge opens
date: 2020-05-01
sources: [paper]
image:
  src: img/bridge.png
  alt: The bridge at dawn
  caption: Opening day.
  credit: Ann Photographer
  credit_url: https://ann.example/
---
Crowds came. ![A map of the crossing](/maps/crossing.png)
";

const SOURCE: &str = "---
title: Bridge opens
outlet: The Paper
url: https://paper.example/a
published: 2020-05-02
image: {src: ../events/img/bridge.png, decorative: true}
---
";

/// A site with a large picture beside an event (its lead image, and the
/// source's, decorative), and a small one in `static/` in its body.
fn site() -> TestSite {
    TestSite::empty()
        .file("dateline.yaml", "title: Pictures\n")
        .file("content/events/bridge.md", EVENT)
        .file("content/sources/paper.md", SOURCE)
        .bytes("content/events/img/bridge.png", &png(1700, 850, 1))
        .bytes("static/maps/crossing.png", &png(300, 200, 2))
}

/// The `<img ...>` tags of a page.
fn imgs(html: &str) -> Vec<&str> {
    html.match_indices("<img ")
        .map(|(at, _)| &html[at..at + html[at..].find('>').expect("a closed tag") + 1])
        .collect()
}

/// The files of the output's `media/` folder.
fn media(site: &TestSite) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.path("site/media"))
        .map(|entries| {
            entries
                .map(|e| {
                    e.expect("an entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn pictures_are_published_at_their_widths_and_shown_everywhere() {
    let site = site();
    let run = site.build_ok();
    // The site has no base_url on purpose (pictures are then relative);
    // that is the one warning.
    assert_eq!(run.stderr.matches("warning").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[no-base-url]"),
        "{}",
        run.stderr
    );
    let files = media(&site);
    assert_eq!(files.len(), 5, "{files:?}");
    let original = files
        .iter()
        .find(|f| f.starts_with("bridge.") && !f.contains('w'))
        .expect("the picture itself");
    let stem = original.trim_end_matches(".png");
    for width in [480, 960, 1600] {
        let copy = site.path(&format!("site/media/{stem}-{width}w.png"));
        let decoded = image::open(&copy).expect("a PNG copy");
        assert_eq!(decoded.width(), width);
    }
    assert!(files.iter().any(|f| f.starts_with("crossing.")));

    let page = site.page("events/bridge/index.html");
    let tags = imgs(&page);
    assert_eq!(tags.len(), 2, "{tags:?}");
    let lead = tags[0];
    assert!(
        lead.contains(&format!("src=\"../../media/{original}\"")),
        "{lead}"
    );
    assert!(lead.contains("alt=\"The bridge at dawn\""));
    assert!(lead.contains("width=\"1700\" height=\"850\""));
    assert!(
        lead.contains(&format!("../../media/{stem}-480w.png 480w")),
        "{lead}"
    );
    assert!(
        lead.contains(&format!("../../media/{original} 1700w\"")),
        "{lead}"
    );
    assert!(lead.contains("sizes=") && lead.contains("loading=\"lazy\""));
    assert!(lead.contains("decoding=\"async\""));
    assert!(page.contains(
        "<figcaption>Opening day. <span class=\"credit\"><a href=\"https://ann.example/\""
    ));
    let body = tags[1];
    assert!(body.contains("src=\"../../media/crossing."), "{body}");
    assert!(body.contains("width=\"300\" height=\"200\""));
    assert!(!body.contains("srcset"), "too small to be resized: {body}");
    // Without base_url, no og:image (a relative one is invalid) nor JSON-LD image.
    assert!(!page.contains("og:image"));
    assert!(!page.contains("ImageObject"));

    let index = site.page("index.html");
    let thumb = imgs(&index);
    assert_eq!(thumb.len(), 1);
    assert!(
        thumb[0].contains(&format!("src=\"media/{original}\"")),
        "{}",
        thumb[0]
    );
    assert!(thumb[0].contains("sizes=\"8rem\""));

    let source = site.page("sources/paper/index.html");
    assert!(imgs(&source)[0].contains("alt=\"\""), "decorative");

    let timeline: serde_json::Value =
        serde_json::from_str(&site.page("timeline.json")).expect("JSON");
    assert_eq!(
        timeline["events"][0]["media"],
        serde_json::json!({
            "alt": "The bridge at dawn",
            "caption": "Opening day.",
            "credit": "Ann Photographer",
            "link": "https://ann.example/",
            "url": format!("media/{original}"),
        })
    );

    let run = site.run(&["build", "--base-url", "https://news.example/bridge/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("events/bridge/index.html");
    let absolute = format!("https://news.example/bridge/media/{original}");
    assert!(
        page.contains(&format!(
            "<meta property=\"og:image\" content=\"{absolute}\">"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "<meta name=\"twitter:image\" content=\"{absolute}\">"
    )));
    assert!(page.contains(&format!("\"url\":\"{absolute}\"")), "JSON-LD");
    assert!(
        site.page("timeline.json")
            .contains(&format!("\"url\": \"{absolute}\""))
    );
    let events: serde_json::Value = serde_json::from_str(&site.page("events.json")).expect("JSON");
    let bridge = events["events"]
        .as_array()
        .and_then(|events| events.iter().find(|e| e["slug"] == "bridge"))
        .expect("the bridge event");
    assert_eq!(bridge["image"]["url"], absolute.as_str(), "{bridge}");
}

#[test]
fn a_rebuild_decodes_nothing_and_a_changed_picture_gets_a_new_name() {
    let site = site();
    let first = site.run(&["build", "--timings"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stderr.contains("pictures: 2 published, 2 decoded"),
        "{}",
        first.stderr
    );
    assert!(site.path(".dateline-cache/images").is_dir());
    let before = media(&site);

    let again = site.run(&["build", "--timings"]);
    assert!(
        again.stderr.contains("pictures: 2 published, 0 decoded"),
        "{}",
        again.stderr
    );
    assert_eq!(media(&site), before);

    let site = site.bytes("content/events/img/bridge.png", &png(1700, 850, 9));
    let changed = site.run(&["build", "--timings"]);
    assert!(changed.stderr.contains("1 decoded"), "{}", changed.stderr);
    let after = media(&site);
    assert_ne!(after, before);
    assert_eq!(after.len(), 5, "the old copies are gone: {after:?}");
    // The cache holds only what this build used.
    let kept = std::fs::read_dir(site.path(".dateline-cache/images"))
        .expect("the cache")
        .count();
    assert_eq!(kept, 2);
}

#[test]
fn a_missing_picture_is_an_error_at_its_place_and_every_one_is_told() {
    let site = site()
        .file(
            "content/events/bridge.md",
            &EVENT
                .replace("img/bridge.png", "img/gone.png")
                .replace("/maps/crossing.png", "/maps/nowhere.png"),
        )
        .file("dateline.yaml", "title: Pictures\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[missing-image]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/events/bridge.md:6:8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/events/bridge.md:12:39"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/events/img/gone.png does not exist")
    );
    assert!(!site.path("site").exists());
}

#[test]
fn alt_text_is_required_unless_decorative() {
    let site = site().file(
        "content/events/bridge.md",
        &EVENT.replace("  alt: The bridge at dawn\n", ""),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the required key `alt`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/events/bridge.md:5:"),
        "{}",
        run.stderr
    );

    // In a body, a picture without alt text is a warning.
    let site = site.file(
        "content/events/bridge.md",
        &EVENT.replace("![A map of the crossing]", "![]"),
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning[image-alt]"), "{}", run.stderr);
}

#[test]
fn a_broken_picture_fails_the_build_and_the_previous_site_stays() {
    let site = site();
    site.build_ok();
    let before = site.snapshot();
    let whole = png(1200, 600, 5);
    let site = site.bytes("content/events/img/bridge.png", &whole[..whole.len() / 3]);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-image]"), "{}", run.stderr);
    assert!(run.stderr.contains("bridge.png"), "{}", run.stderr);
    assert_eq!(site.snapshot(), before, "nothing written");

    let site = site.file("content/events/img/bridge.png", "not a picture at all");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/events/img/bridge.png is not a picture"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/events/bridge.md:6:8"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_picture_on_another_site_is_kept_with_a_warning() {
    let site = site().file(
        "content/events/bridge.md",
        &EVENT.replace("/maps/crossing.png", "https://elsewhere.example/a.png"),
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning[remote-image]"),
        "{}",
        run.stderr
    );
    let page = site.page("events/bridge/index.html");
    assert!(page.contains("src=\"https://elsewhere.example/a.png\""));
}

#[test]
fn serve_shows_the_pictures_and_a_changed_one_renders_again() {
    let site = site();
    let server = Server::start(&site, &[]);
    let page = server.get("/events/bridge/").text();
    let src = page
        .split("src=\"../../")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a picture")
        .to_string();
    let served = server.get(&format!("/{src}"));
    assert_eq!(served.status, 200);
    assert_eq!(served.header("content-type"), Some("image/png"));
    assert_eq!(
        served.body,
        std::fs::read(site.path("content/events/img/bridge.png")).expect("the picture")
    );
    let copy = src.replace(".png", "-480w.png");
    assert_eq!(server.get(&format!("/{copy}")).status, 200);

    let events = server.events();
    std::fs::write(
        site.path("content/events/img/bridge.png"),
        png(1700, 850, 7),
    )
    .expect("write");
    let deadline = std::time::Instant::now() + crate::common::server::PATIENCE;
    loop {
        assert!(
            std::time::Instant::now() < deadline,
            "never re-rendered:\n{}",
            server.log()
        );
        events.next("reload");
        let page = server.get("/events/bridge/").text();
        if !page.contains(&src) {
            assert_eq!(server.get(&format!("/{src}")).status, 404);
            break;
        }
    }
}

#[test]
fn the_demos_chart_shows_every_event_as_its_note_dates_it() {
    let site = TestSite::demo();
    site.build_ok();
    let page = site.page("events/nyt-publishes-report/index.html");
    let img = imgs(&page)
        .into_iter()
        .find(|img| img.contains("story-dates."))
        .unwrap_or_else(|| panic!("no chart on:\n{page}"));
    assert!(img.contains("alt=\"A chart of the 14 events"), "{img}");
    assert!(
        page.contains("Chart made by the dateline project"),
        "{page}"
    );
    let src = img
        .split("src=\"../../")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("its path");
    let chart = std::fs::read_to_string(site.path(&format!("site/{src}"))).expect("the chart");
    // The pages follow the reader's colour scheme, and so does the chart.
    assert!(
        chart.contains("@media (prefers-color-scheme: dark)"),
        "{chart}"
    );
    // Drawn from the notes by scripts/demo-chart.py: run it again when a
    // title or a date changes, and this holds once more.
    let export: serde_json::Value =
        serde_json::from_str(&site.page("events.json")).expect("events.json");
    let events = export["events"].as_array().expect("events");
    for event in events {
        let escape = |text: &str| {
            text.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let title = escape(event["title"].as_str().expect("a title"));
        let words = escape(event["date"]["words"].as_str().expect("words"));
        assert!(chart.contains(&format!(">{title}</text>")), "{title}");
        assert!(
            chart.contains(&format!(">{words}</text>")),
            "{title}: {words}"
        );
    }
    assert_eq!(chart.matches("font-size=\"14\"").count(), events.len());
}
