//! From file text to planned notes: what each kind of slide becomes, and
//! that no input panics.

use super::notes::{Plan, Settings, plan};
use super::timelinejs::read;

fn planned(text: &str) -> Plan {
    match read(text) {
        Ok(timeline) => plan(&timeline, &Settings::Missing, "test"),
        Err(err) => panic!("{}", err.message),
    }
}

fn event<'a>(plan: &'a Plan, slug: &str) -> &'a str {
    plan.events
        .iter()
        .find(|(s, _)| s == slug)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no event {slug} in {:?}", plan.events))
}

#[test]
fn a_slide_becomes_an_event_note() {
    let plan = planned(
        r#"{"events": [{"start_date": {"year": 2022, "month": 2, "day": 21},
            "text": {"headline": "FSB launches <i>Entente-4</i>", "text": "<p>It <b>began</b>.</p>"},
            "group": "Counter-intelligence", "unique_id": "entente-4-launch",
            "media": {"url": "https://example.org/story", "credit": "The Daily", "caption": "Launch"}}]}"#,
    );
    assert_eq!(
        event(&plan, "entente-4-launch"),
        "---\ntitle: \"FSB launches Entente-4\"\ndate: \"2022-02-21\"\ntags: [\"Counter-intelligence\"]\nsources: [\"the-daily\"]\n---\nIt **began**.\n"
    );
    assert_eq!(
        plan.sources,
        [(
            "the-daily".to_string(),
            "---\ntitle: \"Launch\"\noutlet: \"The Daily\"\nurl: \"https://example.org/story\"\n---\nImported from a TimelineJS media credit (The Daily): check the title, the outlet and the address against the original.\n".to_string()
        )]
    );
    assert!(plan.lost.is_empty(), "{:?}", plan.lost);
    assert_eq!(
        plan.settings.as_deref(),
        Some("title: \"test\"\ntaxonomies: [\"tags\"]\n")
    );
}

#[test]
fn display_dates_are_kept_only_when_they_say_more() {
    let plan = planned(
        r#"{"events": [
            {"start_date": {"year": 2023, "month": 10}, "display_date": "Late 2023 or early 2024",
             "text": {"headline": "Memo drafted"}},
            {"start_date": {"year": 2022, "month": 2, "day": 21}, "display_date": "21 February 2022",
             "text": {"headline": "Plain"}}]}"#,
    );
    // A comment of the front matter, for the author: never published.
    let memo = event(&plan, "memo-drafted");
    assert!(
        memo.contains("\ndate: \"2023-10\"\n# Shown in TimelineJS as: Late 2023 or early 2024\n"),
        "{memo}"
    );
    assert!(
        !memo
            .split("\n---\n")
            .nth(1)
            .unwrap_or_default()
            .contains("Shown"),
        "{memo}"
    );
    assert!(event(&plan, "plain").ends_with("---\n"));
    assert!(!event(&plan, "plain").contains("Shown"));
    assert!(
        plan.lost.iter().any(|l| l.starts_with(
            "slide 1 \"Memo drafted\": `display_date` \"Late 2023 or early 2024\" kept as a comment in the front matter"
        )),
        "{:?}",
        plan.lost
    );
    assert!(
        plan.lost
            .iter()
            .any(|l| l == "2 events cite no source: add them by hand")
    );
}

#[test]
fn headlines_slugs_and_skipped_slides() {
    let plan = planned(
        r#"{"events": [
            {"start_date": {"year": 2020}, "text": {"text": "<p>One two three four five six seven eight nine</p>"}},
            {"start_date": {"year": 2021}, "text": {"headline": "Same"}, "unique_id": "../bad"},
            {"start_date": {"year": 2021}, "text": {"headline": "Same"}},
            {"text": {"headline": "No date"}},
            "not a slide"]}"#,
    );
    let slugs: Vec<&str> = plan.events.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        slugs,
        ["one-two-three-four-five-six-seven-eight", "same", "same-2"]
    );
    assert!(
        event(&plan, "one-two-three-four-five-six-seven-eight")
            .contains("title: \"One two three four five six seven eight…\"")
    );
    let lost = plan.lost.join("\n");
    assert!(
        lost.contains("slide 1: no headline: the title is the first words of the text"),
        "{lost}"
    );
    assert!(
        lost.contains("slide 2 \"Same\": id `../bad` cannot be a slug"),
        "{lost}"
    );
    assert!(
        lost.contains("slide 4 \"No date\": no start date: skipped"),
        "{lost}"
    );
    assert!(lost.contains("slide 5: not an object, skipped"), "{lost}");
}

#[test]
fn sheet_rows_with_times_start_dates_eras_and_titles() {
    let plan = planned(
        "Start Date,End Date,Time,Headline,Text,Type,Group,Background,Notes\r\n\
         ,,,My sheet,<p>About it</p>,title,,#fff,\r\n\
         2022-02-21,,9:30 PM,Evening,,,Moscow,,\r\n\
         2/1/2023,3/1/2023,,Spring,,,,,private\r\n\
         2000,2010,,An era,,era,,,\r\n\
         ,,,,,,,,\r\n",
    );
    assert!(
        event(&plan, "evening").contains("date: \"2022-02-21T21:30:00\"\ntags: [\"Moscow\"]\n")
    );
    assert!(event(&plan, "spring").contains("date: \"2023-02-01/2023-03-01\"\n"));
    assert_eq!(
        plan.settings.as_deref(),
        Some("title: \"My sheet\"\ndescription: \"About it\"\ntaxonomies: [\"tags\"]\n")
    );
    let lost = plan.lost.join("\n");
    assert!(
        lost.contains("title slide: background colour `#fff`"),
        "{lost}"
    );
    assert!(
        lost.contains("row 5 \"An era\" (2000 – 2010): eras are not carried over"),
        "{lost}"
    );
    assert!(
        lost.contains("column \"Notes\" is not part of the template"),
        "{lost}"
    );
}

#[test]
fn a_sheet_without_the_template_columns_is_refused() {
    let err = read("title,count\na,1\n").err().map(|e| e.message);
    assert_eq!(
        err.as_deref(),
        Some("not a TimelineJS sheet: no Year or Start Date column, no Headline column")
    );
    let err = read("Year,Text\n2020,x\n").err().map(|e| e.message);
    assert_eq!(
        err.as_deref(),
        Some("not a TimelineJS sheet: no Headline column")
    );
    assert!(read("{\"title\": {}}").is_err());
    assert!(read("{\"events\": [").is_err());
    assert!(read("").is_err());
}

#[test]
fn the_dateline_extension_is_used_exactly() {
    let plan = planned(
        r#"{"title": {"text": {"headline": "Town &amp; Gown", "text": "<p>A story.</p>"}},
            "events": [{"start_date": {"year": 2023, "month": 10},
              "display_date": "sometime between October 2023 and March 2024",
              "text": {"headline": "Plans &amp; drawings", "text": "<p>Architects sketch.</p><p>More detail.</p><p>Sources: <a href=\"sources/gazette/index.html\">Gazette</a></p>"},
              "group": "library", "unique_id": "plans",
              "dateline": {"edtf": "[2023-10..2024-03]", "slug": "plans", "summary": "Architects sketch.",
                "taxonomies": {"people": ["Ana Ruiz"], "tags": ["library"]}, "sources": ["gazette", "missing"]}}],
            "dateline": {"version": 1, "sources": [
              {"id": "gazette", "title": "Plans", "outlet": "Gazette", "published": "2023-09", "author": "A. B.", "language": "en"},
              {"id": "Bad/Id", "title": "x", "outlet": "y"}]}}"#,
    );
    assert_eq!(
        event(&plan, "plans"),
        "---\ntitle: \"Plans & drawings\"\ndate: \"[2023-10..2024-03]\"\nsummary: \"Architects sketch.\"\npeople: [\"Ana Ruiz\"]\ntags: [\"library\"]\nsources: [\"gazette\"]\nforecast: true\n---\nMore detail.\n"
    );
    assert_eq!(
        plan.sources,
        [(
            "gazette".to_string(),
            "---\ntitle: \"Plans\"\noutlet: \"Gazette\"\npublished: \"2023-09\"\nauthor: \"A. B.\"\nlanguage: \"en\"\n---\n".to_string()
        )]
    );
    assert_eq!(
        plan.settings.as_deref(),
        Some(
            "title: \"Town & Gown\"\ndescription: \"A story.\"\ntaxonomies: [\"tags\", \"people\"]\n"
        )
    );
    let lost = plan.lost.join("\n");
    assert!(
        lost.contains("source `missing` is not among the file's sources"),
        "{lost}"
    );
    assert!(lost.contains("source `Bad/Id`: cannot be an id"), "{lost}");
    assert!(!lost.contains("display_date"), "{lost}");
}

#[test]
fn junk_never_panics() {
    let junk = [
        "{}",
        "{\"events\": {}}",
        "{\"events\": [null, 1, [], {}]}",
        "{\"events\": [{\"start_date\": null, \"text\": 5, \"media\": []}]}",
        "{\"events\": [{\"start_date\": {\"year\": 1e300}}]}",
        "{\"events\": [{\"start_date\": {\"year\": -9223372036854775808, \"month\": 99999999999}}]}",
        "{\"events\": [{\"start_date\": {\"year\": \"2020\", \"month\": \"x\", \"day\": {}}, \"end_date\": {\"year\": 1}}]}",
        "{\"events\": [{\"start_date\": {\"year\": 2020}, \"dateline\": {\"edtf\": 5, \"taxonomies\": {\"title\": [\"x\"], \"\": 1}, \"sources\": [1, null]}}], \"dateline\": {\"sources\": [{}, null, {\"id\": 1}]}}",
        "Year,Headline\n",
        "Year,Headline\n\"",
        "Year,Headline\n-99999999999999999999,x\n",
        "Year,Month,Day,Time,Headline\n2020,2,30,25:61,x\n",
        "Start Date,Headline\n1/2/3/4,x\n",
        "Year,Headline,Media,Media Credit\n2020,x,<p>,<a href=\n",
        "\u{feff}Year;Headline\n2020;é\n",
        "{\"events\": [{\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": \"<a href='javascript:x'>\"}, \"media\": {\"url\": \"<iframe\", \"credit\": \"<<>>\"}}]}",
    ];
    for text in junk {
        if let Ok(timeline) = read(text) {
            for settings in [Settings::Missing, Settings::Broken] {
                let _ = plan(&timeline, &settings, "junk");
            }
        }
    }
}

#[test]
fn markup_kept_as_text_is_reported() {
    let html = "<i>a</i>".repeat(500) + "<b>end</b>";
    let plan = planned(&format!(
        r#"{{"events": [{{"start_date": {{"year": 2020}}, "text": {{"headline": "Long", "text": "{html}"}}}}]}}"#
    ));
    assert!(event(&plan, "long").contains("\\<b\\>end\\</b\\>"));
    let lost = plan.lost.join("\n");
    assert!(
        lost.contains(
            "slide 1 \"Long\": the HTML has more than 1000 tags: those after them are kept as text"
        ),
        "{lost}"
    );
}
