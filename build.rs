//! Embeds the per-language word lists, so that supporting a language is
//! adding files: the detector's seed lexicons (`src/lang/lexicons/`) and the
//! FAQ search's stop words (`src/text/stopwords/`). Also tells cargo to build
//! again when a database migration is added or changed, since
//! `sqlx::migrate!` embeds the `migrations/` folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    embed(
        Path::new("src/lang/lexicons"),
        "SEED_LEXICONS",
        "lexicons.rs",
    );
    embed(
        Path::new("src/text/stopwords"),
        "STOP_WORDS",
        "stopwords.rs",
    );
}

/// Writes `static NAME: &[(code, text)]` holding every `<code>.txt` in `dir`.
fn embed(dir: &Path, name: &str, out_file: &str) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .collect()
        })
        .unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    files.sort();
    let mut code = format!("pub(super) static {name}: &[(&str, &str)] = &[\n");
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
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join(out_file);
    std::fs::write(&out, code)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", out.display()));
}
