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

#[test]
fn the_workflow_is_yaml_that_runs_the_official_pages_actions() {
    let text = include_str!("pages.yml");
    let workflow: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
    let steps = |job: &str| -> Vec<String> {
        workflow["jobs"][job]["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|s| s["uses"].as_str().map(str::to_string))
            .collect()
    };
    let build = steps("build");
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/configure-pages@"))
    );
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact@"))
    );
    assert_eq!(steps("deploy"), ["actions/deploy-pages@v4"]);
    assert_eq!(workflow["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(workflow["permissions"]["id-token"].as_str(), Some("write"));
}
