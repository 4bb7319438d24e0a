//! An event's `media:`: a YouTube or Vimeo video, a recording, a social
//! post, or a video or audio file of the site. Each is recognised and shown
//! as a card; no page asks another site for anything as written (a player
//! is created only on a click, by `media.js`, which the browser check
//! `web/check-embed.mjs` exercises); a file beside the note is published
//! beside the event's page; what is wrong is an error at its line.

use std::fs;

use crate::common::TestSite;

/// An event note whose front matter ends with `media`.
fn event(slug: &str, media: &str) -> (String, String) {
    (
        format!("content/events/{slug}.md"),
        format!("---\ntitle: Event {slug}\ndate: 2022-02-21\nmedia:\n{media}---\nBody.\n"),
    )
}

fn with_events(events: &[(&str, &str)]) -> TestSite {
    let mut site = TestSite::empty().file("dateline.yaml", "title: Media\n");
    for (slug, media) in events {
        let (path, text) = event(slug, media);
        site = site.file(&path, &text);
    }
    site
}

/// Every `src="…"` value of a page.
fn srcs(html: &str) -> Vec<&str> {
    html.split(" src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// No page of the built site, as written, loads anything from another
/// site: no frame, and every `src` is a path of the site.
fn loads_nothing_from_elsewhere(site: &TestSite) {
    for (rel, bytes) in site.snapshot() {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        assert!(!html.contains("<iframe"), "{rel} has a frame");
        for src in srcs(&html) {
            assert!(
                !src.contains(':') && !src.starts_with("//"),
                "{rel} loads {src}"
            );
        }
    }
}

#[test]
fn each_provider_is_recognised_and_nothing_is_loaded_from_it_as_written() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "youtube",
            "https://youtu.be/aqz-KE-bpKQ",
            "Watch on YouTube",
            Some("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"),
        ),
        (
            "vimeo",
            "https://vimeo.com/76979871",
            "Watch on Vimeo",
            Some("https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1"),
        ),
        (
            "audio",
            "https://radio.example.org/2022/interview.mp3",
            "Listen on radio.example.org",
            Some("https://radio.example.org/2022/interview.mp3"),
        ),
        (
            "x",
            "https://x.com/someone/status/1234567890",
            "See the post on X (Twitter)",
            None,
        ),
        (
            "mastodon",
            "https://mastodon.social/@someone/109876543210",
            "See the post on Mastodon",
            None,
        ),
        (
            "bluesky",
            "https://bsky.app/profile/someone.bsky.social/post/3kabc",
            "See the post on Bluesky",
            None,
        ),
        (
            "instagram",
            "https://www.instagram.com/p/Cabc123/",
            "See the post on Instagram",
            None,
        ),
        (
            "tiktok",
            "https://www.tiktok.com/@someone/video/7123456789",
            "See the post on TikTok",
            None,
        ),
        (
            "facebook",
            "https://www.facebook.com/someone/posts/123",
            "See the post on Facebook",
            None,
        ),
    ];
    let events: Vec<(String, String)> = cases
        .iter()
        .map(|(slug, url, ..)| {
            (
                slug.to_string(),
                format!("  url: {url}\n  title: What {slug} shows\n  credit: Someone\n"),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = events
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = with_events(&borrowed);
    site.build_ok();
    for (slug, url, says, player) in cases {
        let html = site.page(&format!("events/{slug}/index.html"));
        assert!(html.contains(says), "{slug}: no `{says}`:\n{html}");
        assert!(
            html.contains(&format!("What {slug} shows")),
            "{slug}: no title"
        );
        assert!(html.contains("Credit: Someone"), "{slug}: no credit");
        assert!(
            html.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))) || *slug == "youtube",
            "{slug}: no link to {url}"
        );
        match player {
            Some(player) => {
                assert!(
                    html.contains(&format!("data-player=\"{player}\"")),
                    "{slug}: {html}"
                );
                assert!(
                    html.contains("media.js"),
                    "{slug}: no script for the player"
                );
                assert!(
                    html.contains("<span class=\"media-play-box\" hidden>"),
                    "{slug}"
                );
            }
            None => {
                assert!(
                    !html.contains("data-player"),
                    "{slug}: a post has no player"
                );
                assert!(!html.contains("media.js"), "{slug}");
            }
        }
    }
    // The YouTube link is the watch page, whatever address was written.
    let youtube = site.page("events/youtube/index.html");
    assert!(youtube.contains("href=\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\""));
    loads_nothing_from_elsewhere(&site);
}

#[test]
fn a_video_beside_the_note_is_published_beside_its_page() {
    let site = with_events(&[
        ("clip", "  url: media/clip.mp4\n  title: The clip\n"),
        ("tape", "  url: /audio/tape.ogg\n  title: The tape\n"),
    ])
    .bytes("content/events/media/clip.mp4", b"not really a video")
    .bytes("static/audio/tape.ogg", b"not really a tape");
    site.build_ok();
    assert_eq!(
        fs::read(site.path("site/events/clip/clip.mp4")).unwrap(),
        b"not really a video"
    );
    let clip = site.page("events/clip/index.html");
    assert!(
        clip.contains(
            "<video controls preload=\"metadata\" src=\"../../events/clip/clip.mp4\"></video>"
        ),
        "{clip}"
    );
    assert!(
        !clip.contains("media.js"),
        "a file of the site needs no facade"
    );
    let tape = site.page("events/tape/index.html");
    assert!(
        tape.contains("<audio controls preload=\"metadata\" src=\"../../audio/tape.ogg\"></audio>"),
        "{tape}"
    );
    assert_eq!(
        fs::read(site.path("site/audio/tape.ogg")).unwrap(),
        b"not really a tape"
    );
    // `check` finds the files too, and writes nothing.
    assert_eq!(site.run(&["check"]).code, 0);
}

#[test]
fn a_missing_media_file_is_an_error_at_its_line_and_the_site_survives() {
    let site = with_events(&[("clip", "  url: media/clip.mp4\n  title: The clip\n")])
        .bytes("content/events/media/clip.mp4", b"v");
    site.build_ok();
    let before = site.snapshot();
    fs::remove_file(site.path("content/events/media/clip.mp4")).unwrap();
    site.write(
        "content/events/tape.md",
        "---\ntitle: Tape\ndate: 2022\nmedia:\n  url: /audio/tape.ogg\n  title: The tape\n---\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[missing-media]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/events/clip.md:5:8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/events/tape.md:5:8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("static/audio/tape.ogg"),
        "{}",
        run.stderr
    );
    assert_eq!(site.snapshot(), before, "the last good site is kept");
}

#[test]
fn media_is_read_strictly() {
    let site = with_events(&[
        (
            "unknown-key",
            "  url: https://youtu.be/aqz-KE-bpKQ\n  title: T\n  caption: C\n",
        ),
        ("no-title", "  url: https://youtu.be/aqz-KE-bpKQ\n"),
        (
            "unknown-site",
            "  url: https://example.org/story.html\n  title: T\n",
        ),
        ("not-a-mapping", "  - https://youtu.be/aqz-KE-bpKQ\n"),
        ("not-a-file", "  url: notes.txt\n  title: T\n"),
    ]);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "error[unknown-key]: unknown key `caption`",
        "content/events/unknown-key.md:7:3",
        "error[missing-key]: this item lacks the required key `title`",
        "content/events/no-title.md:4:7",
        "error[unknown-media]: `https://example.org/story.html` is not a video, a recording or a post dateline recognises",
        "content/events/unknown-site.md:5:8",
        "error[wrong-type]: `media` should be a mapping",
        "content/events/not-a-mapping.md:4:7",
        "`notes.txt` is not an audio or video file",
    ] {
        assert!(
            run.stderr.contains(expected),
            "no `{expected}` in:\n{}",
            run.stderr
        );
    }
}

#[test]
fn timeline_json_exports_the_media_as_the_slides_media() {
    let site = with_events(&[
        (
            "youtube",
            "  url: https://youtu.be/aqz-KE-bpKQ\n  title: The launch\n  credit: Agency\n",
        ),
        ("clip", "  url: clip.mp4\n  title: The clip\n"),
    ])
    .bytes("content/events/clip.mp4", b"v")
    .file(
        "dateline.yaml",
        "title: Media\nbase_url: https://example.org/\n",
    );
    site.build_ok();
    let json: serde_json::Value = serde_json::from_str(&site.page("timeline.json")).unwrap();
    let slide = |id: &str| {
        json["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["unique_id"] == id)
            .unwrap()
            .clone()
    };
    let youtube = slide("youtube");
    assert_eq!(
        youtube["media"]["url"],
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    );
    assert_eq!(youtube["media"]["caption"], "The launch");
    assert_eq!(youtube["media"]["credit"], "Agency");
    assert_eq!(
        slide("clip")["media"]["url"],
        "https://example.org/events/clip/clip.mp4"
    );
    // events.json carries it too, with its kind.
    let events: serde_json::Value = serde_json::from_str(&site.page("events.json")).unwrap();
    let event = |slug: &str| {
        events["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["slug"] == slug)
            .unwrap()
            .clone()
    };
    assert_eq!(event("youtube")["media"]["kind"], "youtube");
    assert_eq!(event("youtube")["media"]["credit"], "Agency");
    assert_eq!(
        event("clip")["media"]["url"],
        "https://example.org/events/clip/clip.mp4"
    );
}

#[test]
fn import_brings_video_audio_and_posts_across_as_media() {
    let timeline = r#"{"events": [
      {"start_date": {"year": "2021"}, "text": {"headline": "Video"}, "unique_id": "video",
       "media": {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "caption": "The launch", "credit": "Agency"}},
      {"start_date": {"year": "2022"}, "text": {"headline": "Vimeo"}, "unique_id": "vimeo",
       "media": {"url": "https://vimeo.com/76979871"}},
      {"start_date": {"year": "2023"}, "text": {"headline": "Tape"}, "unique_id": "tape",
       "media": {"url": "https://radio.example.org/tape.mp3", "title": "The tape"}},
      {"start_date": {"year": "2024"}, "text": {"headline": "Post"}, "unique_id": "post",
       "media": {"url": "https://bsky.app/profile/someone.bsky.social/post/3kabc", "caption": "What she said"}},
      {"start_date": {"year": "2025"}, "text": {"headline": "Page"}, "unique_id": "page",
       "media": {"url": "https://news.example.com/story"}}
    ]}"#;
    let site = TestSite::empty().file("timeline.json", timeline);
    let run = site.run(&[
        "import",
        "timelinejs",
        site.path("timeline.json").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let note =
        |slug: &str| fs::read_to_string(site.path(&format!("content/events/{slug}.md"))).unwrap();
    let video = note("video");
    assert!(
        video.contains("media:\n  url: \"https://www.youtube.com/watch?v=aqz-KE-bpKQ\"\n  title: \"The launch\"\n  credit: \"Agency\"\n"),
        "{video}"
    );
    assert!(
        !video.contains("Media: "),
        "the address stays out of the body: {video}"
    );
    // Its credit travels with it: the agency that filmed it is no source.
    assert!(video.contains("sources: []\n"), "{video}");
    assert!(
        !site.path("content/sources").exists()
            || fs::read_dir(site.path("content/sources")).map_or(0, |d| d.count()) == 0
    );
    assert!(note("vimeo").contains("  url: \"https://vimeo.com/76979871\"\n  title: \"Media\"\n"));
    assert!(note("tape").contains("  title: \"The tape\"\n"));
    assert!(
        note("post")
            .contains("  url: \"https://bsky.app/profile/someone.bsky.social/post/3kabc\"\n")
    );
    // A page is no media dateline shows: it stays in the body, as before.
    let page = note("page");
    assert!(
        !page.contains("media:") && page.contains("Media: <https://news.example.com/story>"),
        "{page}"
    );
    assert!(
        !run.stdout.contains("\"Vimeo\": media without credit"),
        "{}",
        run.stdout
    );
    site.write("dateline.yaml", "title: Imported\n");
    site.build_ok();
    assert!(
        site.page("events/video/index.html")
            .contains("Watch on YouTube")
    );
}

#[test]
fn a_source_has_media_as_an_event_does() {
    let source = |id: &str, media: &str| {
        (
            format!("content/sources/{id}.md"),
            format!("---\ntitle: Report {id}\noutlet: Radio\nmedia:\n{media}---\nNotes.\n"),
        )
    };
    let (broadcast, broadcast_text) = source(
        "broadcast",
        "  url: https://youtu.be/aqz-KE-bpKQ\n  title: The broadcast\n  credit: Radio\n",
    );
    let (tape, tape_text) = source("tape", "  url: tape.ogg\n  title: The tape\n");
    let site = with_events(&[])
        .file(
            "dateline.yaml",
            "title: Media\nbase_url: https://example.org/\n",
        )
        .file(
            "content/events/cited.md",
            "---\ntitle: Cited\ndate: 2022\nsources: [broadcast, tape]\n---\n",
        )
        .file(&broadcast, &broadcast_text)
        .file(&tape, &tape_text)
        .bytes("content/sources/tape.ogg", b"not really a tape");
    site.build_ok();
    let page = site.page("sources/broadcast/index.html");
    assert!(page.contains("Watch on YouTube"), "{page}");
    assert!(page.contains("The broadcast"), "{page}");
    assert!(page.contains("Credit: Radio"), "{page}");
    assert!(
        page.contains(
            "data-player=\"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1\""
        ),
        "{page}"
    );
    assert!(page.contains("media.js"), "{page}");
    assert!(!page.contains("<iframe"), "{page}");
    // A file beside the source's note is published beside its page.
    let tape_page = site.page("sources/tape/index.html");
    assert!(
        tape_page.contains(
            "<audio controls preload=\"metadata\" src=\"../../sources/tape/tape.ogg\"></audio>"
        ),
        "{tape_page}"
    );
    assert_eq!(
        fs::read(site.path("site/sources/tape/tape.ogg")).unwrap(),
        b"not really a tape"
    );
    // events.json carries it, on the source, as on events.
    let events: serde_json::Value = serde_json::from_str(&site.page("events.json")).unwrap();
    let cited = &events["events"][0]["sources"];
    assert_eq!(cited[0]["media"]["kind"], "youtube");
    assert_eq!(cited[0]["media"]["credit"], "Radio");
    assert_eq!(
        cited[1]["media"]["url"],
        "https://example.org/sources/tape/tape.ogg"
    );
    let all = events["sources"].as_array().unwrap();
    assert!(all.iter().any(|s| s["media"]["title"] == "The tape"));
    // The same checks: a missing file or an unknown key is an error at its line.
    let before = site.snapshot();
    fs::remove_file(site.path("content/sources/tape.ogg")).unwrap();
    site.write(
        "content/sources/broadcast.md",
        "---\ntitle: B\noutlet: Radio\nmedia:\n  url: https://youtu.be/aqz-KE-bpKQ\n  title: T\n  caption: C\n---\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "error[missing-media]",
        "content/sources/tape.md:5:8",
        "error[unknown-key]: unknown key `caption`",
        "content/sources/broadcast.md:7:3",
    ] {
        assert!(
            run.stderr.contains(expected),
            "no `{expected}` in:\n{}",
            run.stderr
        );
    }
    assert_eq!(site.snapshot(), before, "the last good site is kept");
}

#[test]
fn a_card_shows_that_its_event_has_media_or_a_lead_picture() {
    let site = with_events(&[
        ("film", "  url: https://youtu.be/aqz-KE-bpKQ\n  title: The film\n"),
        ("tape", "  url: https://radio.example.org/tape.mp3\n  title: The tape\n"),
        ("clip", "  url: clip.webm\n  title: The clip\n"),
        ("post", "  url: https://mastodon.social/@someone/109876543210\n  title: The post\n"),
    ])
    .bytes("content/events/clip.webm", b"v")
    .file(
        "content/events/pictured.md",
        "---\ntitle: Pictured\ndate: 2022-03-01\nimage: {src: map.svg, alt: A map of the route}\n---\nBody.\n",
    )
    .file(
        "content/events/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\"/></svg>",
    )
    .file("content/events/plain.md", "---\ntitle: Plain\ndate: 2022-03-02\n---\nBody.\n");
    site.build_ok();
    let index = site.page("index.html");
    let embed = site.page("embed/index.html");
    /// The card of `slug` on a page.
    fn card<'p>(page: &'p str, slug: &str) -> &'p str {
        let id = page
            .find(&format!("id=\"{slug}\""))
            .unwrap_or_else(|| panic!("no card {slug}"));
        let at = page[..id].rfind("<article").expect("a card");
        let end = page[at..].find("</article>").expect("a closed card");
        &page[at..at + end]
    }
    for page in [&index, &embed] {
        for (slug, says) in [
            ("film", "With video"),
            ("clip", "With video"),
            ("tape", "With audio"),
            ("post", "With a post"),
        ] {
            let card = card(page, slug);
            assert!(card.contains("class=\"card-media\""), "{slug}: {card}");
            assert!(card.contains(says), "{slug}: no `{says}`: {card}");
            // The glyph is decoration; the words say it.
            assert!(
                card.contains("<span aria-hidden=\"true\">"),
                "{slug}: {card}"
            );
            // The mark is all: no player, no thumbnail from the provider.
            assert!(
                !card.contains("<img") && !card.contains("<iframe"),
                "{slug}: {card}"
            );
        }
        // A lead picture is the card's thumbnail, with its alt text.
        let pictured = card(page, "pictured");
        assert!(pictured.contains("has-thumb"), "{pictured}");
        assert!(
            pictured.contains("media/map.") && pictured.contains("alt=\"A map of the route\""),
            "{pictured}"
        );
        assert!(!pictured.contains("card-media"), "{pictured}");
        let plain = card(page, "plain");
        assert!(
            !plain.contains("card-media") && !plain.contains("<img"),
            "{plain}"
        );
    }
    loads_nothing_from_elsewhere(&site);
}
