//! Static files in the way of what dateline writes: a file of `static/`
//! at a page's path, or where a page needs a folder, or the other way round.
//! `build`, `check` and `serve` refuse them alike, before anything is
//! written into the output.

use rustc_hash::FxHashMap;

use crate::content::statics::StaticFile;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Errors for the static files in the way of a file dateline makes
/// (`pages`: every path written): at its path, or a file where the page
/// needs a folder, or the other way round. Either would be lost, or the
/// build would fail half-way.
pub(crate) fn collisions<'a>(
    files: &[StaticFile],
    pages: impl IntoIterator<Item = &'a str>,
) -> Diagnostics {
    // The output's marker is a file dateline makes too, in `build` as in
    // `serve`: one rule for both.
    let pages = pages.into_iter().chain([super::MARKER]);
    if files.is_empty() {
        return Diagnostics::new();
    }
    // Static files are few and pages many: each page is looked up among
    // the static files and their folders, never the other way round.
    let by_rel: FxHashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, file)| (file.rel.as_str(), i))
        .collect();
    let mut by_folder: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, file) in files.iter().enumerate() {
        for (at, _) in file.rel.match_indices('/') {
            by_folder.entry(&file.rel[..at]).or_insert(i);
        }
    }
    // The first page each static file is in the way of.
    let mut found: FxHashMap<usize, &str> = FxHashMap::default();
    for page in pages {
        let folders = page.match_indices('/').map(|(at, _)| &page[..at]);
        let hit = by_rel
            .get(page)
            .or_else(|| by_folder.get(page))
            .or_else(|| folders.filter_map(|folder| by_rel.get(folder)).next());
        if let Some(&i) = hit {
            found.entry(i).or_insert(page);
        }
    }
    let mut found: Vec<(usize, &str)> = found.into_iter().collect();
    found.sort_unstable();
    found
        .into_iter()
        .map(|(i, page)| collision(&files[i], page))
        .collect()
}

fn collision(file: &StaticFile, page: &str) -> Diagnostic {
    let rel = &file.rel;
    let (message, hint) = if *rel == page {
        (
            format!("static/{rel} would take the place of the page {page} that dateline makes"),
            if crate::render::is_theme_file(rel) {
                format!(
                    "to replace the theme's {rel}, put yours in templates/{rel} instead of static/"
                )
            } else {
                format!("rename or move static/{rel}: dateline writes {rel} itself")
            },
        )
    } else {
        (
            format!("static/{rel} is in the way of the page {page} that dateline makes"),
            format!("rename or move static/{rel}: dateline writes {page} itself"),
        )
    };
    Diagnostic::error("static-collision", &file.path, message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_the_place_of_a_page_collides() {
        let files = [StaticFile {
            rel: "style.css".into(),
            path: "static/style.css".into(),
        }];
        let found = collisions(&files, ["index.html", "style.css"]);
        assert!(found.has_errors());
        assert!(collisions(&files, ["index.html"]).is_empty());
    }

    #[test]
    fn a_file_where_a_page_needs_a_folder_collides_and_the_other_way_round() {
        let file = |rel: &str| StaticFile {
            rel: rel.into(),
            path: format!("static/{rel}").into(),
        };
        let files = [file("tags"), file("feed.xml/old.xml"), file("img/a.png")];
        let pages = [
            "index.html",
            "tags/index.html",
            "tags/a/index.html",
            "feed.xml",
        ];
        let found = collisions(&files, pages);
        let said: Vec<&str> = found.sorted().iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            said,
            [
                "static/feed.xml/old.xml is in the way of the page feed.xml that dateline makes",
                "static/tags is in the way of the page tags/index.html that dateline makes",
            ]
        );
    }

    #[test]
    fn a_static_file_in_the_place_of_the_output_marker_collides() {
        let files = [StaticFile {
            rel: super::super::MARKER.into(),
            path: format!("static/{}", super::super::MARKER).into(),
        }];
        assert!(collisions(&files, ["index.html"]).has_errors());
    }
}
