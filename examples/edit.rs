use dateline::BuildOptions;
use dateline::cache::{Cache, Changes};
use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let note = root.join(std::env::args().nth(2).unwrap());
    let n: usize = std::env::args().nth(3).map_or(30, |s| s.parse().unwrap());
    let options = BuildOptions {
        root: root.clone(),
        ..BuildOptions::default()
    };
    let mut cache = Cache::new();
    let t = Instant::now();
    let _ = cache.render(&options, &Changes::unknown()).ok().unwrap();
    eprintln!("first {:?}", t.elapsed());
    let original = std::fs::read_to_string(&note).unwrap();
    let mut times = Vec::new();
    for i in 0..n {
        std::fs::write(&note, format!("{original}\nEdit {i}.\n")).unwrap();
        let t = Instant::now();
        let built = cache
            .render(
                &options,
                &Changes {
                    paths: vec![note.clone()],
                    complete: true,
                },
            )
            .ok()
            .unwrap();
        times.push(t.elapsed());
        drop(built);
    }
    std::fs::write(&note, original).unwrap();
    times.sort();
    eprintln!(
        "median {:?} min {:?} max {:?}",
        times[n / 2],
        times[0],
        times[n - 1]
    );
}
