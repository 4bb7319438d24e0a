use super::*;

#[test]
fn quoted_values_read_back_as_written() {
    for text in [
        "plain",
        "a: colon",
        "[2023-10..2024-03]",
        "it's \"quoted\"",
        "#hash",
        "- dash",
        "yes",
    ] {
        let yaml = format!("k: {}\n", quote(text));
        let map = crate::content::yaml::parse_document(&yaml).unwrap().pairs;
        assert_eq!(
            crate::content::yaml::scalar_text(&map[0].1).as_deref(),
            Some(text),
            "{yaml}"
        );
    }
}
