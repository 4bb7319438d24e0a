//! Claims, accounts and corrections read from front matter: what they
//! hold, and where their parts are found.

use std::path::{Path, PathBuf};

use super::*;
use crate::content::config::Config;
use crate::content::note::{NoteFile, read_event};

fn event(front: &str) -> Result<crate::content::note::EventNote, crate::diagnostic::Diagnostics> {
    let config = Config::parse(Path::new("dateline.yaml"), "title: T\n").unwrap();
    let text = format!("---\ntitle: T\ndate: 2022-02\nsources: [mint, toi]\n{front}---\n");
    read_event(
        NoteFile {
            path: PathBuf::from("content/events/e.md"),
            rel: "events/e.md".into(),
            text: text.into(),
            modified: None,
        },
        &config,
    )
}

#[test]
fn reads_claims_of_every_form() {
    let e = event(
        "dated_by:\n  - source: mint\n    words: three days before\n    before: invasion\n    by: P3D\n  - source: toi\n    words: days after\n    after: invasion\n    by: [P1D, P14D]\n  - basis: general knowledge\n    says: 2022\n  - basis: ours\n    says: [2022-01..2022-03]\n",
    )
    .unwrap();
    assert_eq!(e.dated_by.len(), 4);
    let Says::Relative {
        direction,
        anchor,
        by,
    } = &e.dated_by[0].says
    else {
        panic!("{:?}", e.dated_by[0]);
    };
    assert_eq!((*direction, &*anchor.name), (Direction::Before, "invasion"));
    assert!(by.as_ref().unwrap().is_exact());
    assert_eq!(&e.file.text[anchor.offset..anchor.offset + 8], "invasion");
    let Says::Relative {
        by: Some(range), ..
    } = &e.dated_by[1].says
    else {
        panic!();
    };
    assert_eq!(range.words(), "1 to 14 days");
    // A number is the year as typed; an unquoted set is the set.
    let Says::Date(year) = &e.dated_by[2].says else {
        panic!()
    };
    assert_eq!(year.edtf(), "2022");
    let Says::Date(set) = &e.dated_by[3].says else {
        panic!()
    };
    assert_eq!(set.edtf(), "[2022-01..2022-03]");
    assert_eq!(
        e.dated_by[2].witness,
        Witness::Basis("general knowledge".into())
    );
    assert!(e.dated_by[2].words.is_none());
}

#[test]
fn corrections_come_newest_first_and_accounts_keep_their_order() {
    let e = event(
        "corrections:\n  - date: 2026-01-02\n    text: Older.\n  - date: 2026-12-06T10:00:00Z\n    text: Newer.\naccounts:\n  - point: who\n    says:\n      - source: toi\n        words: B\n      - source: mint\n        words: A\n",
    )
    .unwrap();
    let texts: Vec<&str> = e.corrections.iter().map(|c| &*c.text).collect();
    assert_eq!(texts, ["Newer.", "Older."]);
    let ids: Vec<&str> = e.accounts[0].says.iter().map(|(s, _)| &*s.name).collect();
    assert_eq!(ids, ["toi", "mint"]);
}

#[test]
fn parts_after_an_alias_are_placed_at_the_key_not_lost() {
    // The alias repeats values written once: the scalars and the values
    // part, and what follows is reported at `dated_by`.
    let errors = event(
        "x: &a mint\ndated_by:\n  - source: *a\n    words: w\n    says: 2022\n    colour: red\n",
    )
    .unwrap_err();
    let all = errors.sorted();
    assert!(
        all.iter()
            .any(|d| d.code == "unknown-key" && d.message.contains("`x`"))
    );
    let colour = all.iter().find(|d| d.message.contains("`colour`")).unwrap();
    assert!((6..=10).contains(&colour.line), "{colour:?}");
}

#[test]
fn a_claim_that_is_not_a_mapping_or_a_list_is_refused() {
    let errors = event("dated_by: mint\naccounts:\n  - who\n").unwrap_err();
    let all = errors.sorted();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[0].message.contains("should be a list"));
    assert_eq!((all[0].line, all[0].column), (5, 11));
    assert!(all[1].message.contains("should be a mapping"));
    assert_eq!((all[1].line, all[1].column), (7, 5));
}
