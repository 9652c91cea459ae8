//! Embeds every seed lexicon under `src/lang/lexicons/` so that adding a language
//! to the detector is adding one file.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from("src/lang/lexicons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .collect()
        })
        .unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    files.sort();
    let mut code = String::from("pub(super) static SEED_LEXICONS: &[(&str, &str)] = &[\n");
    for path in files {
        let code_name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let absolute = std::fs::canonicalize(&path).unwrap_or(path.clone());
        writeln!(
            code,
            "    ({code_name:?}, include_str!({:?})),",
            absolute.display().to_string()
        )
        .unwrap_or_default();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("lexicons.rs");
    std::fs::write(out, code).unwrap_or_else(|error| panic!("cannot write lexicons.rs: {error}"));
}
