//! A whole note through the pipeline to pages: read, model, Markdown, render.
//! Never panics, and no raw `<script` reaches a page when raw HTML is off.
#![no_main]

#[path = "../checks/note_to_html.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
