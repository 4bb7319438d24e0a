//! The EDTF parser never panics, and what it accepts is self-consistent.
#![no_main]

#[path = "../checks/edtf.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
