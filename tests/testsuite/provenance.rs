//! Date claims, accounts that differ, corrections and archived sources
//! (issue #16): each new code is reported at its file:line:column, strict
//! and relaxed provenance differ where they should, and every field's
//! errors come out in one run.

use crate::common::{Run, TestSite};

/// A site with two sources and the invasion `russia-invades-ukraine` (24
/// February 2022); `launch` is the front matter of one more event
/// (`content/events/launch.md`, written between `---` lines), and
/// `settings` is added to `dateline.yaml`.
fn site(settings: &str, launch: &str) -> TestSite {
    TestSite::empty()
        .file(
            "dateline.yaml",
            &format!("title: Claims\n{settings}"),
        )
        .file(
            "content/sources/mint.md",
            "---\ntitle: Memo\noutlet: Mint\nurl: https://example.org/mint\npublished: 2025-06-08\n---\n",
        )
        .file(
            "content/sources/toi.md",
            "---\ntitle: Memo\noutlet: Time of India\nurl: https://example.org/toi\npublished: 2025-06-09\n---\n",
        )
        .file(
            "content/events/russia-invades-ukraine.md",
            "---\ntitle: Russia invades Ukraine\ndate: 2022-02-24\nsources: [mint, toi]\ndated_by:\n  - basis: general knowledge\n    says: 2022-02-24\n---\nIt began.\n",
        )
        .file("content/events/launch.md", &format!("---\n{launch}---\nIt launched.\n"))
}

/// Claims from both sources: three days before, and days before.
const TWO_CLAIMS: &str = "dated_by:
  - source: mint
    words: three days before the invasion
    before: russia-invades-ukraine
    by: P3D
  - source: toi
    words: just days before the invasion
    before: russia-invades-ukraine
    by: [P1D, P14D]
";

fn launch(date: &str, claims: &str) -> String {
    format!("title: Launch\ndate: {date}\nsources: [mint, toi]\n{claims}")
}

fn check(site: &TestSite) -> Run {
    site.run(&["check"])
}

fn has(run: &Run, texts: &[&str]) {
    for text in texts {
        assert!(
            run.stderr.contains(text),
            "report lacks {text:?}:\n{}",
            run.stderr
        );
    }
}

fn lacks(run: &Run, texts: &[&str]) {
    for text in texts {
        assert!(
            !run.stderr.contains(text),
            "report has {text:?}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn claims_that_support_the_date_check_clean_even_when_strict() {
    for settings in ["", "provenance: strict\n", "provenance: relaxed\n"] {
        let run = check(&site(settings, &launch("2022-02", TWO_CLAIMS)));
        assert_eq!(run.code, 0, "{settings}{}", run.stderr);
        lacks(
            &run,
            &["date-unsupported", "sources-disagree", "date-undocumented"],
        );
    }
}

#[test]
fn a_date_more_precise_than_its_claims_warns_relaxed_and_fails_strict() {
    let claims = "dated_by:
  - source: toi
    words: just days before the invasion
    before: russia-invades-ukraine
    by: [P1D, P14D]
";
    let relaxed = check(&site("", &launch("2022-02-21", claims)));
    assert_eq!(relaxed.code, 0, "{}", relaxed.stderr);
    has(
        &relaxed,
        &[
            "warning[date-unsupported]",
            "content/events/launch.md:3:7",
            "more precise than its claims allow",
            "sometime between 10 and 23 February 2022",
        ],
    );
    let strict = check(&site("provenance: strict\n", &launch("2022-02-21", claims)));
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    has(
        &strict,
        &["error[date-unsupported]", "content/events/launch.md:3:7"],
    );
}

#[test]
fn a_date_outside_every_claim_is_unsupported() {
    let run = check(&site("", &launch("2022-03", TWO_CLAIMS)));
    assert_eq!(run.code, 0, "{}", run.stderr);
    has(
        &run,
        &[
            "warning[date-unsupported]",
            "content/events/launch.md:3:7",
            "outside everything its claims allow",
        ],
    );
}

#[test]
fn claims_that_cannot_both_be_true_are_a_warning_even_when_strict() {
    let claims = "dated_by:
  - source: mint
    words: three days before the invasion
    before: russia-invades-ukraine
    by: P3D
  - source: toi
    words: in March
    says: 2022-03
";
    let run = check(&site(
        "provenance: strict\n",
        &launch("'[2022-02-21..2022-03-31]'", claims),
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    has(
        &run,
        &[
            "warning[sources-disagree]",
            // The second claim of the pair, where `source:` is written.
            "content/events/launch.md:10:13",
            "Mint",
            "Time of India",
        ],
    );
}

#[test]
fn an_event_without_claims_is_undocumented_only_when_strict() {
    let relaxed = check(&site("", &launch("2022-02-21", "")));
    assert_eq!(relaxed.code, 0, "{}", relaxed.stderr);
    lacks(&relaxed, &["date-undocumented"]);
    let strict = check(&site("provenance: strict\n", &launch("2022-02-21", "")));
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    has(
        &strict,
        &[
            "error[date-undocumented]",
            "content/events/launch.md:3:7",
            "dated_by",
        ],
    );
}

#[test]
fn a_cycle_of_relative_claims_is_refused_at_each_claim() {
    let site = site(
        "",
        &launch(
            "2022-02",
            "dated_by:\n  - basis: our reading\n    after: other\n",
        ),
    )
    .file(
        "content/events/other.md",
        "---\ntitle: Other\ndate: 2022\nsources: [mint]\ndated_by:\n  - basis: our reading\n    before: launch\n---\nText.\n",
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &[
            "error[claim-cycle]",
            "content/events/launch.md:7:12",
            "content/events/other.md:7:13",
        ],
    );
}

#[test]
fn an_anchor_that_is_a_draft_is_an_error() {
    let site = site(
        "",
        &launch(
            "2022-02",
            "dated_by:\n  - basis: our reading\n    after: secret\n",
        ),
    )
    .file(
        "content/events/secret.md",
        "---\ntitle: Secret\ndate: 2021\ndraft: true\nsources: [mint]\n---\nText.\n",
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &[
            "error[draft-link]",
            "content/events/launch.md:7:12",
            "secret",
        ],
    );
    assert_eq!(site.run(&["check", "--drafts"]).code, 0);
}

#[test]
fn every_problem_of_the_claims_is_reported_in_one_run() {
    let front = "title: Launch
date: 2022-02
sources: [mint]
dated_by:
  - source: mint
    words: days before
    before: russia-invades-ukraine
    by: 3 days
  - source: toi
    words: in February
    says: 2022-02
  - basis: ours
    source: mint
    words: x
    says: 2022
  - basis: ours
    says: 2022
    after: russia-invades-ukraine
  - source: mint
    says: 2022
  - basis: ours
    says: 2022
    by: P1D
  - basis: ours
    says: late 2022
    colour: red
  - basis: ours
    before: russia-invades-ukraine
    by: [P14D, P1D]
accounts:
  - point: who obtained the memo
    says:
      - source: mint
        words: The New York Times
  - point: how many agencies
    says:
      - source: mint
      - source: toi
        words: multiple
corrections:
  - date: 2026-12
    text: The date was wrong.
  - date: 2026-12-06
";
    let run = check(&site("", front));
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &[
            // A bad duration, with a hint of the form.
            "content/events/launch.md:9:9",
            "error[invalid-duration]",
            // A source the event does not cite.
            "content/events/launch.md:10:13",
            "error[uncited-source]",
            // Both `source` and `basis`.
            "content/events/launch.md:14:5",
            // Two of says/before/after.
            "content/events/launch.md:19:5",
            // `words` missing with a source.
            "content/events/launch.md:20:5",
            // `by` with `says`.
            "content/events/launch.md:24:5",
            // A bad date and an unknown key in a claim.
            "content/events/launch.md:26:11",
            "content/events/launch.md:27:5",
            "error[unknown-key]",
            // A range the wrong way round.
            "content/events/launch.md:30:10",
            // A point with one account; an account without words.
            "content/events/launch.md:32:5",
            "content/events/launch.md:38:9",
            // A correction not to the day, and one without text.
            "content/events/launch.md:42:11",
            "content/events/launch.md:44:5",
        ],
    );
}

#[test]
fn an_unknown_anchor_is_named_with_the_nearest_slug() {
    let run = check(&site(
        "",
        &launch(
            "2022-02",
            "dated_by:\n  - basis: ours\n    before: russia-invade-ukraine\n",
        ),
    ));
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &[
            "content/events/launch.md:7:13",
            "error[unknown-event]",
            "did you mean `russia-invades-ukraine`?",
        ],
    );
}

#[test]
fn an_empty_list_of_claims_is_an_error() {
    let run = check(&site("", &launch("2022-02", "dated_by: []\n")));
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &["content/events/launch.md:5:11", "error[empty-list]"],
    );
}

#[test]
fn source_notes_take_an_archive_and_corrections() {
    let good = site("", &launch("2022-02", TWO_CLAIMS)).file(
        "content/sources/toi.md",
        "---\ntitle: Memo\noutlet: Time of India\nurl: https://example.org/toi\npublished: 2025-06-09\narchive_url: https://web.archive.org/web/2025/https://example.org/toi\narchived: 2025-06-10\ncorrections:\n  - date: 2026-12-06\n    text: The outlet's name was misspelt.\n---\n",
    );
    let run = check(&good);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bad = good.file(
        "content/sources/toi.md",
        "---\ntitle: Memo\noutlet: Time of India\narchive_url: ftp://example.org/toi\narchived: June 2025\ncorrections:\n  - date: 2026-12-06\n---\n",
    );
    let run = check(&bad);
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &[
            "content/sources/toi.md:4:14",
            "error[unsafe-url]",
            "content/sources/toi.md:5:11",
            "error[invalid-date]",
            "content/sources/toi.md:7:5",
            "error[missing-key]",
        ],
    );
}

#[test]
fn the_strictness_setting_is_checked() {
    let run = check(&site("provenance: lax\n", &launch("2022-02", TWO_CLAIMS)));
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(&run, &["dateline.yaml:2:13", "`strict` or `relaxed`"]);
}

#[test]
fn a_duplicate_slug_is_reported_at_the_slug_key() {
    // `other.md` sorts first (2020) and takes the slug from `slug:`; the
    // note whose slug is only its file name comes second.
    let site = TestSite::minimal().file(
        "content/events/other.md",
        "---\ntitle: Other\ndate: 2020\nslug: first\nsources: [src-a]\n---\nText.\n",
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    has(
        &run,
        &["error[duplicate-slug]", "content/events/other.md:4:7"],
    );
}

#[test]
fn events_json_carries_the_claims_their_spans_and_what_follows() {
    let site = site(
        "",
        &format!(
            "{}accounts:\n  - point: who\n    says:\n      - source: mint\n        words: A\n      - source: toi\n        words: B\ncorrections:\n  - date: 2026-12-06\n    text: Fixed.\n",
            launch("2022-02", TWO_CLAIMS)
        ),
    );
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.page("events.json")).unwrap_or_default();
    let launch = by_slug(&json, "launch");
    let claims = &launch["dated_by"];
    assert_eq!(claims[0]["source"], "mint");
    assert_eq!(claims[0]["before"], "russia-invades-ukraine");
    assert_eq!(claims[0]["by"], "P3D");
    assert_eq!(claims[0]["span"]["earliest"], "2022-02-21");
    assert_eq!(claims[0]["span"]["latest"], "2022-02-21");
    assert_eq!(
        claims[0]["meaning"],
        "3 days before “Russia invades Ukraine” (24 February 2022): 21 February 2022"
    );
    assert_eq!(claims[1]["by"], serde_json::json!(["P1D", "P14D"]));
    assert_eq!(claims[1]["span"]["edtf"], "[2022-02-10..2022-02-23]");
    assert_eq!(
        claims[1]["meaning"],
        "1 to 14 days before “Russia invades Ukraine” (24 February 2022): sometime between 10 and 23 February 2022"
    );
    assert_eq!(launch["disputed"], false);
    assert_eq!(launch["unsourced_date"], false);
    assert_eq!(launch["first_reported"]["source"], "mint");
    // Launched some day of February 2022; Mint published 8 June 2025.
    assert_eq!(launch["first_reported"]["days"], 1196);
    assert_eq!(launch["first_reported"]["at_most"], 1223);
    assert_eq!(launch["first_reported"]["words"], "more than 3 years later");
    assert_eq!(launch["accounts"][0]["says"][1]["source"], "toi");
    assert_eq!(launch["corrections"][0]["text"], "Fixed.");
    assert_eq!(launch["modified"]["edtf"], "2026-12-06");
    let invasion = by_slug(&json, "russia-invades-ukraine");
    assert_eq!(invasion["unsourced_date"], true);
    assert_eq!(invasion["dated_by"][0]["basis"], "general knowledge");
}

/// The event of `events.json` with `slug`.
fn by_slug(json: &serde_json::Value, slug: &str) -> serde_json::Value {
    json["events"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["slug"] == slug)
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_site_can_ask_for_an_archived_copy_of_every_source_with_a_url() {
    let good = site("", &launch("2022-02", TWO_CLAIMS));
    lacks(&check(&good), &["no-archive"]);
    let asking = site("require_archive: true\n", &launch("2022-02", TWO_CLAIMS)).file(
        "content/sources/toi.md",
        "---\ntitle: Memo\noutlet: Time of India\nurl: https://example.org/toi\npublished: 2025-06-09\narchive_url: https://web.archive.org/web/2025/https://example.org/toi\n---\n",
    );
    let run = check(&asking);
    assert_eq!(run.code, 0, "{}", run.stderr);
    has(
        &run,
        &[
            "warning[no-archive]: the source `mint` has a URL but no archived copy",
            "content/sources/mint.md:4:6",
        ],
    );
    lacks(&run, &["`toi` has a URL but no archived copy"]);
}

/// Events whose dates are the same span stand in the order their claims
/// give, not in the order of their titles.
#[test]
fn events_of_the_same_span_follow_their_relative_claims() {
    let note = |title: &str, claims: &str| {
        format!("---\ntitle: {title}\ndate: '[2023-09..]'\nsources: [mint]\n{claims}---\nText.\n")
    };
    let site = TestSite::empty()
        .file("dateline.yaml", "title: Ties\n")
        .file(
            "content/sources/mint.md",
            "---\ntitle: Memo\noutlet: Mint\nurl: https://example.org/mint\n---\n",
        )
        .file(
            "content/events/a-relay.md",
            &note(
                "A relay of the report",
                "dated_by:\n  - source: mint\n    words: relayed the report\n    after: z-report\n",
            ),
        )
        .file(
            "content/events/m-memo.md",
            &note(
                "M memo",
                "dated_by:\n  - source: mint\n    words: the memo came first\n    before: z-report\n",
            ),
        )
        .file(
            "content/events/z-report.md",
            &note(
                "Z report",
                "dated_by:\n  - source: mint\n    words: in late 2023 or later\n    says: '2023-09/..'\n",
            ),
        );
    site.build_ok();
    let json = site.page("events.json");
    let at = |slug: &str| {
        json.find(&format!("\"slug\":\"{slug}\""))
            .or_else(|| json.find(&format!("\"slug\": \"{slug}\"")))
            .unwrap_or_else(|| panic!("{slug} not in events.json"))
    };
    assert!(at("m-memo") < at("z-report"), "the memo before the report");
    assert!(at("z-report") < at("a-relay"), "the relay after the report");
}
