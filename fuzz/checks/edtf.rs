//! The EDTF parser never panics, and what it accepts is self-consistent.

use dateline::date::Date;

/// Panics when the input breaks what the target holds to.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Date::parse(text) {
        Ok(date) => {
            if let (Some(start), Some(end)) = (date.earliest(), date.latest()) {
                assert!(start <= end, "{text:?}");
            }
            assert!(!date.words().is_empty());
            let _ = date.machine();
            assert_eq!(Date::parse(date.edtf()).ok(), Some(date));
        }
        Err(err) => {
            assert!(err.offset + err.len <= text.len() + 1, "{text:?}: {err:?}");
            assert!(!err.message.is_empty());
        }
    }
}
