//! The `media:` of an event or a source, as written: a video, a recording or a social post to
//! show beside the note, recognised by its address.
//!
//! ```yaml
//! media:
//!   url: https://www.youtube.com/watch?v=aqz-KE-bpKQ   # or clip.mp4, beside the note; or /video/clip.mp4, in static/
//!   title: What it shows                               # required
//!   credit: Who made it                                # optional
//! ```
//!
//! YouTube and Vimeo are recognised by host and get a player; so does an
//! audio or video file anywhere on the web (by its extension). A post on
//! X (Twitter), Mastodon, Bluesky, Instagram, TikTok or Facebook is shown
//! as a link: their embeds are the platforms' own scripts, which follow the
//! reader. A path is a file of the site; the model checks that it exists.
//! Any other address is refused, with where to put it instead.
//!
//! Hosts and paths are matched here by hand: no crate recognises these
//! providers, and the `url` crate does the parsing.

use url::Url;

use crate::content::fields::{Fields, Item};

/// What `media:` names, recognised.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MediaLink {
    /// A YouTube video, by its id.
    YouTube(String),
    /// A Vimeo video: its number, and the hash of an unlisted one.
    Vimeo(String, Option<String>),
    /// An audio (`audio: true`) or video file on the web.
    File {
        /// Its address.
        url: String,
        /// Sound only.
        audio: bool,
    },
    /// A post on a social network, shown as a link.
    Post {
        /// The network's name ("Bluesky").
        provider: &'static str,
        /// The post's address.
        url: String,
    },
    /// A file of the site: beside the note (`clip.mp4`, `media/clip.mp4`)
    /// or, starting with `/`, in `static/`.
    Local {
        /// The path as written.
        path: String,
        /// Sound only.
        audio: bool,
    },
}

/// The media of an event or a source, as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MediaNote {
    /// What it is.
    pub link: MediaLink,
    /// What it shows or says.
    pub title: String,
    /// Who made it, when said.
    pub credit: Option<String>,
    /// Byte offset of `url`'s value in the note, for the model's errors.
    pub offset: usize,
}

const KEYS: &[&str] = &["url", "title", "credit"];

/// Extensions of audio files, and of video files, browsers play.
const AUDIO: &[&str] = &[
    "mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac", "weba",
];
const VIDEO: &[&str] = &["mp4", "m4v", "webm", "ogv", "mov"];

/// Reads `media:`; `None` when absent or wrong (each fault reported).
pub(crate) fn media(fields: &mut Fields<'_>) -> Option<MediaNote> {
    let example = "media: {url: https://www.youtube.com/watch?v=..., title: What it shows}";
    let mut item: Item = fields.mapping("media", example)?;
    let url = item.text(
        fields,
        "url",
        Some("add `url:` with the address of the video, recording or post, or the path of a file"),
    );
    let title = item.text(
        fields,
        "title",
        Some("add `title:` saying what the media shows, for its card and its player"),
    );
    let credit = item.text(fields, "credit", None);
    item.finish(fields, KEYS);
    let (url, offset) = url?;
    let link = match classify(&url) {
        Ok(link) => Some(link),
        Err(why) => {
            fields.report(
                "unknown-media",
                offset,
                url.len(),
                why,
                "give a YouTube or Vimeo link, an audio or video file (its address, or its path beside the note or in static/), or a post on X, Mastodon, Bluesky, Instagram, TikTok or Facebook; link anything else in the body".into(),
            );
            None
        }
    };
    Some(MediaNote {
        link: link?,
        title: title?.0,
        credit: credit.map(|(c, _)| c),
        offset,
    })
}

/// What the address or path `url` names, or why it names nothing dateline
/// can show.
pub fn classify(url: &str) -> Result<MediaLink, String> {
    if !url.contains("://") && !url.starts_with("//") {
        return local(url);
    }
    let parsed = Url::parse(url).map_err(|err| format!("`{url}` is not an address ({err})"))?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err(format!("`{url}` is not an http(s) address"));
    }
    let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let segments: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    match host {
        "youtube.com" | "m.youtube.com" | "youtube-nocookie.com" | "youtu.be" => {
            return youtube(host, &parsed, &segments)
                .map(MediaLink::YouTube)
                .ok_or_else(|| format!("`{url}` is a YouTube address, but not of one video"));
        }
        "vimeo.com" | "player.vimeo.com" => {
            return vimeo(&parsed, &segments)
                .ok_or_else(|| format!("`{url}` is a Vimeo address, but not of one video"));
        }
        _ => {}
    }
    let provider = match (host, segments.as_slice()) {
        ("x.com" | "twitter.com" | "mobile.twitter.com" | "mobile.x.com", [_, "status", _, ..]) => {
            Some("X (Twitter)")
        }
        ("bsky.app", ["profile", _, "post", _]) => Some("Bluesky"),
        ("instagram.com", ["p" | "reel" | "tv", _, ..]) => Some("Instagram"),
        ("tiktok.com", [user, "video", _]) if user.starts_with('@') => Some("TikTok"),
        ("vm.tiktok.com", [_]) => Some("TikTok"),
        ("facebook.com" | "m.facebook.com" | "fb.watch", [_, ..]) => Some("Facebook"),
        // Mastodon has no one host: a server's post is `/@user/<number>`.
        (_, [user, number]) if user.starts_with('@') && is_number(number) => Some("Mastodon"),
        _ => None,
    };
    if let Some(provider) = provider {
        return Ok(MediaLink::Post {
            provider,
            url: url.to_string(),
        });
    }
    match file_kind(segments.last().copied().unwrap_or_default()) {
        Some(audio) => Ok(MediaLink::File {
            url: url.to_string(),
            audio,
        }),
        None => Err(format!(
            "`{url}` is not a video, a recording or a post dateline recognises"
        )),
    }
}

/// A path of the site's own files.
fn local(path: &str) -> Result<MediaLink, String> {
    if path.contains(['\\', '?', '#']) || path.split('/').any(|part| part == "..") {
        return Err(format!(
            "`{path}` is not a path dateline takes: no `..`, `\\`, `?` or `#`"
        ));
    }
    match file_kind(path.rsplit('/').next().unwrap_or_default()) {
        Some(audio) => Ok(MediaLink::Local {
            path: path.to_string(),
            audio,
        }),
        None => Err(format!(
            "`{path}` is not an audio or video file browsers play (.{} or .{})",
            AUDIO.join(", ."),
            VIDEO.join(", .")
        )),
    }
}

/// Whether a file's name is of sound (`Some(true)`), of video
/// (`Some(false)`), or neither.
fn file_kind(name: &str) -> Option<bool> {
    let (_, extension) = name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    if AUDIO.contains(&extension.as_str()) {
        Some(true)
    } else if VIDEO.contains(&extension.as_str()) {
        Some(false)
    } else {
        None
    }
}

fn youtube(host: &str, url: &Url, segments: &[&str]) -> Option<String> {
    let id = match (host, segments) {
        ("youtu.be", [id]) => (*id).to_string(),
        (_, ["watch"]) => url
            .query_pairs()
            .find(|(k, _)| k == "v")
            .map(|(_, v)| v.into_owned())?,
        (_, ["embed" | "shorts" | "live" | "v", id]) => (*id).to_string(),
        _ => return None,
    };
    let safe = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    safe.then_some(id)
}

fn vimeo(url: &Url, segments: &[&str]) -> Option<MediaLink> {
    let (id, hash) = match segments {
        ["video", id] => (
            *id,
            url.query_pairs()
                .find(|(k, _)| k == "h")
                .map(|(_, v)| v.into_owned()),
        ),
        [id] => (*id, None),
        [id, hash] if is_number(id) => (*id, Some((*hash).to_string())),
        ["channels", _, id] => (*id, None),
        _ => return None,
    };
    let hash = hash.filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()));
    is_number(id).then(|| MediaLink::Vimeo(id.to_string(), hash))
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 20 && text.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(url: &str) -> Option<&'static str> {
        match classify(url) {
            Ok(MediaLink::Post { provider, .. }) => Some(provider),
            _ => None,
        }
    }

    #[test]
    fn youtube_and_vimeo_are_recognised_by_host() {
        let yt = |id: &str| Ok(MediaLink::YouTube(id.to_string()));
        for url in [
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://youtube.com/watch?v=aqz-KE-bpKQ&t=30s",
            "https://m.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://youtu.be/aqz-KE-bpKQ",
            "https://www.youtube.com/shorts/aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ] {
            assert_eq!(classify(url), yt("aqz-KE-bpKQ"), "{url}");
        }
        assert!(classify("https://www.youtube.com/@somechannel").is_err());
        assert!(classify("https://www.youtube.com/watch?v=a\"b").is_err());
        assert_eq!(
            classify("https://vimeo.com/76979871"),
            Ok(MediaLink::Vimeo("76979871".into(), None))
        );
        assert_eq!(
            classify("https://player.vimeo.com/video/76979871?h=abc123"),
            Ok(MediaLink::Vimeo("76979871".into(), Some("abc123".into())))
        );
        assert!(classify("https://vimeo.com/about").is_err());
    }

    #[test]
    fn posts_are_recognised_by_host_and_path() {
        for (url, provider) in [
            ("https://x.com/someone/status/1234567890", "X (Twitter)"),
            (
                "https://twitter.com/someone/status/1234567890",
                "X (Twitter)",
            ),
            ("https://mastodon.social/@someone/109876543210", "Mastodon"),
            (
                "https://bsky.app/profile/someone.bsky.social/post/3kabc",
                "Bluesky",
            ),
            ("https://www.instagram.com/p/Cabc123/", "Instagram"),
            ("https://www.tiktok.com/@someone/video/7123456789", "TikTok"),
            ("https://www.facebook.com/someone/posts/123", "Facebook"),
        ] {
            assert_eq!(post(url), Some(provider), "{url}");
        }
        assert_eq!(post("https://x.com/someone"), None);
    }

    #[test]
    fn files_are_recognised_by_extension() {
        assert_eq!(
            classify("https://example.org/a/interview.MP3"),
            Ok(MediaLink::File {
                url: "https://example.org/a/interview.MP3".into(),
                audio: true
            })
        );
        assert!(matches!(
            classify("https://example.org/clip.webm"),
            Ok(MediaLink::File { audio: false, .. })
        ));
        assert_eq!(
            classify("media/clip.mp4"),
            Ok(MediaLink::Local {
                path: "media/clip.mp4".into(),
                audio: false
            })
        );
        assert!(matches!(
            classify("/audio/a.ogg"),
            Ok(MediaLink::Local { audio: true, .. })
        ));
        for bad in [
            "../clip.mp4",
            "clip.txt",
            "https://example.org/story.html",
            "javascript:alert(1)",
            "ftp://example.org/a.mp3",
        ] {
            assert!(classify(bad).is_err(), "{bad}");
        }
    }
}
