//! From a request target to what answers it.
//!
//! Pages are looked up in memory by key, so no request can reach the disk;
//! still, anything that could mean "elsewhere" is refused outright rather
//! than normalised: `.` and `..` segments (also percent-encoded), empty
//! segments (`//host` would make a redirect leave the site), backslashes,
//! NUL, control characters, and any target not starting with `/`.

/// The path of the live-reload script.
pub(crate) const SCRIPT: &str = "/__dateline/reload.js";
/// The path of the server-sent event stream.
pub(crate) const EVENTS: &str = "/__dateline/events";

/// What a request target asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// A file of the site: its key (`events/leak/index.html`); `redirect`
    /// is where to send the browser if only `key/index.html` exists.
    File { key: String, redirect: String },
    /// The live-reload script.
    Script,
    /// The event stream.
    Events,
    /// A target that is malformed or tries to leave the site.
    Bad,
}

/// Routes a request target (the second word of the request line).
pub(crate) fn route(target: &str) -> Route {
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let path = path.split('#').next().unwrap_or_default();
    if !path.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Route::Bad;
    }
    let Some(decoded) = percent_decode(path) else {
        return Route::Bad;
    };
    if decoded.contains(['\\', '\0']) || decoded.chars().any(char::is_control) {
        return Route::Bad;
    }
    let rest = &decoded[1..];
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if *segment == "." || *segment == ".." || (segment.is_empty() && i != last) {
            return Route::Bad;
        }
    }
    match decoded.as_str() {
        SCRIPT => return Route::Script,
        EVENTS => return Route::Events,
        _ => {}
    }
    let key = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    let redirect = match query {
        Some(query) => format!("{path}/?{query}"),
        None => format!("{path}/"),
    };
    Route::File { key, redirect }
}

/// Decodes `%XX` escapes; `None` when one is malformed or the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file, by its extension.
pub(crate) fn content_type(key: &str) -> &'static str {
    let ext = key.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" if key.ends_with("feed.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(target: &str) -> Option<String> {
        match route(target) {
            Route::File { key, .. } => Some(key),
            _ => None,
        }
    }

    #[test]
    fn folders_get_their_index_and_files_their_own_key() {
        assert_eq!(key("/").as_deref(), Some("index.html"));
        assert_eq!(
            key("/events/leak/").as_deref(),
            Some("events/leak/index.html")
        );
        assert_eq!(key("/style.css?v=2").as_deref(), Some("style.css"));
        assert_eq!(
            key("/people/%D0%BF%D1%83/").as_deref(),
            Some("people/пу/index.html")
        );
        assert_eq!(
            route("/events/leak?x=1"),
            Route::File {
                key: "events/leak".into(),
                redirect: "/events/leak/?x=1".into()
            }
        );
        assert_eq!(route("/__dateline/events"), Route::Events);
        assert_eq!(route("/__dateline/reload.js"), Route::Script);
    }

    #[test]
    fn every_way_out_is_refused() {
        for target in [
            "/../etc/passwd",
            "/events/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc/passwd",
            "/.%2e/x",
            "/a/./b",
            "/..\\..\\windows",
            "/%5c..%5cx",
            "//etc/passwd",
            "/%2f%2fevil.example/",
            "/a//b",
            "/x%00.html",
            "/%zz",
            "/%c3%28",
            "etc/passwd",
            "http://example.org/",
            "*",
            "/\u{7f}",
            "/a b",
        ] {
            assert_eq!(route(target), Route::Bad, "{target}");
        }
        // Absolute-looking paths stay keys of the site, which has no such file.
        assert_eq!(key("/etc/passwd").as_deref(), Some("etc/passwd"));
        assert_eq!(
            key("/C:/Windows/").as_deref(),
            Some("C:/Windows/index.html")
        );
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/atom+xml");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("img/a.PNG"), "image/png");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
