//! Which hosts are this machine, and byte ranges.

use super::*;

#[test]
fn only_loopback_names_are_this_machine() {
    for yes in [
        "localhost",
        "localhost:1111",
        "LOCALHOST",
        "site.localhost:80",
        "127.0.0.1:1111",
        "127.1.2.3",
        "[::1]:1111",
        "[::1]",
    ] {
        assert!(is_loopback_host(yes), "{yes}");
    }
    for no in [
        "evil.example",
        "evil.example:1111",
        "localhost.evil.example",
        "10.0.0.1",
        "[::2]:1",
        "127.0.0.1.evil.example",
        "",
    ] {
        assert!(!is_loopback_host(no), "{no}");
    }
}

#[test]
fn two_host_headers_are_not_this_machine() {
    let mut headers = HeaderMap::new();
    assert!(names_this_machine(&headers));
    headers.append(header::HOST, HeaderValue::from_static("localhost"));
    assert!(names_this_machine(&headers));
    headers.append(header::HOST, HeaderValue::from_static("evil.example"));
    assert!(!names_this_machine(&headers));
}

fn range(value: &str, size: usize) -> (u16, Option<String>, usize) {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::RANGE,
        HeaderValue::from_str(value).expect("a header"),
    );
    let response = ranged(Some(&headers), "video/mp4", Bytes::from(vec![7; size]));
    let content_range = response
        .headers()
        .get(header::CONTENT_RANGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let length = match response.body() {
        Body::Full(bytes) => bytes.as_ref().map_or(0, Bytes::len),
        Body::Events(_) => usize::MAX,
    };
    (response.status().as_u16(), content_range, length)
}

#[test]
fn ranges() {
    assert_eq!(
        range("bytes=0-1", 10),
        (206, Some("bytes 0-1/10".into()), 2)
    );
    assert_eq!(range("bytes=-3", 10), (206, Some("bytes 7-9/10".into()), 3));
    assert_eq!(range("bytes=4-", 10), (206, Some("bytes 4-9/10".into()), 6));
    assert_eq!(range("bytes=0-1,4-5", 10), (200, None, 10));
    assert_eq!(
        range("bytes=0-1,40-50", 10),
        (206, Some("bytes 0-1/10".into()), 2)
    );
    assert_eq!(range("bytes=10-", 10), (416, Some("bytes */10".into()), 26));
    assert_eq!(range("bytes=0-", 0), (416, Some("bytes */0".into()), 26));
    assert_eq!(range("bytes=-5", 0), (200, None, 0));
    assert_eq!(range("lines=1-2", 10), (200, None, 10));
    assert_eq!(range("bytes=5-1", 10), (200, None, 10));
}
