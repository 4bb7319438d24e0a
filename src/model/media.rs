//! The media of an event or a source, resolved: where its player comes
//! from, and for a file of the site, that the file is there and where it is
//! published.
//!
//! A file beside the note is published beside the note's page
//! (`content/events/clip.mp4` -> `events/<slug>/clip.mp4`,
//! `content/sources/tape.ogg` -> `sources/<id>/tape.ogg`); a path starting
//! with `/` names a file of `static/`, published where it is anyway. The
//! check is made on every run, as the file may come or go while the note
//! stays the same.

use std::path::{Path, PathBuf};

use crate::content::media::{MediaLink, MediaNote};
use crate::content::note::{NoteFile, check_slug};
use crate::diagnostic::Diagnostic;

/// The media of an event or a source, as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Media {
    /// `youtube`, `vimeo`, `audio`, `video` or `post`.
    pub kind: &'static str,
    /// Who serves it: "YouTube", "Vimeo", "Bluesky", a file's host; empty
    /// for the site's own files.
    pub provider: String,
    /// Where a reader finds it: an address, or for the site's own file its
    /// path from the site root.
    pub url: String,
    /// Whether `url` is a file of this site.
    pub local: bool,
    /// The address a click loads in the page (YouTube's, Vimeo's player,
    /// or a file on the web); none for posts and the site's own files.
    pub player: Option<String>,
    /// What it shows or says.
    pub title: String,
    /// Who made it.
    pub credit: Option<String>,
    /// A file of the note's to publish: its path in the output, and on disk.
    pub file: Option<(String, PathBuf)>,
}

/// The media of the note `file`, whose page is in the output's folder
/// `page` (`events/<slug>`, `sources/<id>`), or why it cannot be shown.
pub(super) fn resolve(file: &NoteFile, page: &str, media: &MediaNote) -> Result<Media, Diagnostic> {
    let mut resolved = Media {
        kind: "post",
        provider: String::new(),
        url: String::new(),
        local: false,
        player: None,
        title: media.title.clone(),
        credit: media.credit.clone(),
        file: None,
    };
    match &media.link {
        MediaLink::YouTube(id) => {
            resolved.kind = "youtube";
            resolved.provider = "YouTube".into();
            resolved.url = format!("https://www.youtube.com/watch?v={id}");
            // The privacy-enhanced host sets no cookie until the video plays.
            resolved.player = Some(format!(
                "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"
            ));
        }
        MediaLink::Vimeo(id, hash) => {
            resolved.kind = "vimeo";
            resolved.provider = "Vimeo".into();
            let (page, query) = match hash {
                Some(hash) => (format!("/{hash}"), format!("&h={hash}")),
                None => (String::new(), String::new()),
            };
            resolved.url = format!("https://vimeo.com/{id}{page}");
            // `dnt=1`: Vimeo's player then tracks no session.
            resolved.player = Some(format!(
                "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1{query}"
            ));
        }
        MediaLink::File { url, audio } => {
            resolved.kind = if *audio { "audio" } else { "video" };
            resolved.provider = url::Url::parse(url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default();
            resolved.url = url.clone();
            resolved.player = Some(url.clone());
        }
        MediaLink::Post { provider, url } => {
            resolved.provider = (*provider).to_string();
            resolved.url = url.clone();
        }
        MediaLink::Local { path, audio } => {
            resolved.kind = if *audio { "audio" } else { "video" };
            resolved.local = true;
            let (url, published) = local(file, page, path).map_err(|(message, hint)| {
                Diagnostic::error("missing-media", &file.path, message)
                    .at_offset(&file.text, media.offset, path.len())
                    .with_hint(hint)
            })?;
            resolved.url = url;
            resolved.file = published;
        }
    }
    Ok(resolved)
}

/// The URL of the site's file `path` (from the root), and the file to
/// publish there when it is the note's own; or what is wrong, and a hint.
#[allow(clippy::type_complexity)]
fn local(
    note: &NoteFile,
    page: &str,
    path: &str,
) -> Result<(String, Option<(String, PathBuf)>), (String, String)> {
    let content = content_folder(&note.path, &note.rel);
    if let Some(in_static) = path.strip_prefix('/') {
        let site = content.parent().unwrap_or(Path::new(""));
        let found = site.join("static").join(in_static);
        return if found.is_file() {
            Ok((in_static.to_string(), None))
        } else {
            Err((
                format!("`{path}` names static/{in_static}, which does not exist"),
                "a path starting with `/` is a file of static/: put the file there, or write its path from beside the note without the `/`".into(),
            ))
        };
    }
    let folder = note.path.parent().unwrap_or(Path::new(""));
    let found = folder.join(path);
    if !found.is_file() {
        return Err((
            format!("the media file `{path}` is not beside the note"),
            "put the file beside the note (the path is read from the note's folder), or start the path with `/` for a file of static/".into(),
        ));
    }
    let name = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if check_slug(name).is_err() {
        return Err((
            format!("the media file's name `{name}` is not safe in a URL"),
            "rename the file with ASCII letters, digits, `-`, `_` and `.` only".into(),
        ));
    }
    let rel = format!("{page}/{name}");
    Ok((rel.clone(), Some((rel, found))))
}

/// The `content/` folder of a note at `path`, which is `rel` within it.
fn content_folder(path: &Path, rel: &str) -> PathBuf {
    let depth = rel.split('/').count();
    path.ancestors()
        .nth(depth)
        .map_or_else(PathBuf::new, Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_folder_is_found_from_a_notes_path() {
        assert_eq!(
            content_folder(Path::new("/s/content/events/a/b.md"), "events/a/b.md"),
            Path::new("/s/content")
        );
    }
}
