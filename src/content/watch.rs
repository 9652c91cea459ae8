//! Live content: watches the content folders and, when an editor changes a
//! file, loads and checks the whole content again off the async threads and
//! swaps it in whole. Readers hold the `Content` they started with until they
//! finish, so no one sees half a change. A change with errors is not applied:
//! the previous content keeps serving, and the findings go to the log and to
//! [`ReloadStatus`] (shown by `/readyz`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use serde::Serialize;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{Content, Findings};
use crate::config::Config;

/// The folders whose files are content.
pub const FOLDERS: &[&str] = &["intents", "knowledge-base", "locales", "safeguarding"];
/// Quiet time after the last change before reloading: an editor saving
/// several files, or a `git pull`, becomes one reload. Those write their
/// files a few milliseconds apart; every millisecond waited here is one
/// more before a change is live. A reload that catches a slow copy half
/// done is checked like any other (rejected if inconsistent, served if not)
/// and the rest of the copy sets off the next one.
const SETTLE: Duration = Duration::from_millis(50);
/// A stream of changes that never settles still reloads this often.
const MOST_WAIT: Duration = Duration::from_millis(600);

/// What the last reload did, for operators.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ReloadReport {
    /// How many times content has been loaded (1: only at start).
    pub generation: u64,
    /// `applied` or `rejected` (the previous content is still serving).
    pub last: &'static str,
    /// When the serving content was loaded.
    pub loaded_at: String,
    /// The findings of the last attempt, `file:line: message`.
    pub findings: Vec<String>,
}

/// The state of live content, shared with `/readyz`.
#[derive(Debug)]
pub struct ReloadStatus {
    report: Mutex<ReloadReport>,
}

impl ReloadStatus {
    /// The content loaded at start, with its warnings.
    pub fn started(findings: &Findings) -> ReloadStatus {
        ReloadStatus {
            report: Mutex::new(ReloadReport {
                generation: 1,
                last: "applied",
                loaded_at: jiff::Timestamp::now().to_string(),
                findings: lines(findings),
            }),
        }
    }

    pub fn report(&self) -> ReloadReport {
        self.report
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn update(&self, applied: bool, findings: &Findings) {
        let mut report = self.report.lock().unwrap_or_else(PoisonError::into_inner);
        if applied {
            report.generation += 1;
            report.loaded_at = jiff::Timestamp::now().to_string();
        }
        report.last = if applied { "applied" } else { "rejected" };
        report.findings = lines(findings);
    }
}

fn lines(findings: &Findings) -> Vec<String> {
    findings.sorted().iter().map(ToString::to_string).collect()
}

/// Loads the content again and swaps it in if it has no errors; returns
/// whether it was applied. Runs the load on a blocking thread.
pub async fn reload(
    config: &Arc<Config>,
    content: &ArcSwap<Content>,
    status: &ReloadStatus,
) -> bool {
    let started = Instant::now();
    let for_load = Arc::clone(config);
    let serving = content.load_full();
    let loaded =
        tokio::task::spawn_blocking(move || super::load_after(&for_load, Some(&serving))).await;
    match loaded {
        Ok(Ok(loaded)) => {
            let previous = content.swap(Arc::new(loaded.content));
            status.update(true, &loaded.findings);
            for finding in loaded.findings.iter() {
                tracing::warn!(%finding, "content");
            }
            let serving = content.load();
            let mut reindexed: Vec<String> = serving
                .knowledge
                .languages()
                .filter(|lang| !serving.knowledge.shares_index(&previous.knowledge, lang))
                .map(ToString::to_string)
                .collect();
            reindexed.sort();
            tracing::info!(
                generation = status.report().generation,
                reload_ms = started.elapsed().as_millis() as u64,
                faq_reindexed = reindexed.join(","),
                "content changed and applied"
            );
            true
        }
        Ok(Err(findings)) => {
            for finding in findings.sorted() {
                tracing::error!(%finding, "content change not applied");
            }
            status.update(false, &findings);
            tracing::error!(
                errors = findings.count(super::Severity::Error),
                "content change has errors; the previous content keeps serving"
            );
            false
        }
        Err(error) => {
            tracing::error!(%error, "content reload failed; the previous content keeps serving");
            false
        }
    }
}

/// Watches the content folders until `shutdown`, reloading on every change.
/// Fails only if the system's file watcher cannot be set up.
pub fn spawn(
    config: Arc<Config>,
    content: Arc<ArcSwap<Content>>,
    status: Arc<ReloadStatus>,
    shutdown: CancellationToken,
) -> Result<tokio::task::JoinHandle<()>, notify::Error> {
    let root = config.content.dir.clone();
    let (changed, mut changes) = mpsc::unbounded_channel::<()>();
    let watched_root = root.clone();
    let mut watcher: RecommendedWatcher =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let relevant = match event {
                Ok(event) => {
                    !matches!(event.kind, EventKind::Access(_))
                        && event
                            .paths
                            .iter()
                            .any(|path| is_content_file(&watched_root, path))
                }
                // A lost event (queue overflow) may have been a change: reload.
                Err(_) => true,
            };
            if relevant {
                let _ = changed.send(());
            }
        })?;
    watch_folders(&mut watcher, &root)?;
    Ok(tokio::spawn(async move {
        loop {
            tokio::select! {
                () = shutdown.cancelled() => break,
                change = changes.recv() => if change.is_none() { break },
            }
            settle(&mut changes).await;
            reload(&config, &content, &status).await;
            // A folder created since (knowledge-base/ added) is watched from now on.
            if let Err(error) = watch_folders(&mut watcher, &root) {
                tracing::warn!(%error, "cannot watch a content folder");
            }
        }
    }))
}

/// Waits until no change has come for [`SETTLE`], or [`MOST_WAIT`] has passed.
async fn settle(changes: &mut mpsc::UnboundedReceiver<()>) {
    let deadline = tokio::time::Instant::now() + MOST_WAIT;
    loop {
        let quiet = tokio::time::sleep(SETTLE);
        tokio::select! {
            () = quiet => return,
            () = tokio::time::sleep_until(deadline) => return,
            change = changes.recv() => if change.is_none() { return },
        }
    }
}

/// Watches each content folder that exists (recursively), and the content
/// folder itself (only its direct entries), so a new content folder is seen.
fn watch_folders(watcher: &mut RecommendedWatcher, root: &Path) -> Result<(), notify::Error> {
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for folder in FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(())
}

/// Whether a changed path is (or holds) content: under one of [`FOLDERS`], and
/// not an editor's swap or backup file.
fn is_content_file(root: &Path, path: &Path) -> bool {
    let relative: PathBuf = match path.strip_prefix(root) {
        Ok(relative) => relative.to_owned(),
        // The watcher may report absolute paths for a relative root.
        Err(_) => match std::path::absolute(root)
            .ok()
            .and_then(|r| path.strip_prefix(r).ok().map(Path::to_owned))
        {
            Some(relative) => relative,
            None => return false,
        },
    };
    let in_folder = relative
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .is_some_and(|first| FOLDERS.contains(&first));
    let name = relative
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let scratch = name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913";
    in_folder && !scratch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_files_count_as_changes() {
        let root = Path::new("/srv/council");
        let changed = |p: &str| is_content_file(root, Path::new(p));
        assert!(changed("/srv/council/knowledge-base/en/bins/bin-day.md"));
        assert!(changed("/srv/council/locales/cy/bot.ftl"));
        assert!(
            changed("/srv/council/intents"),
            "a content folder created or removed"
        );
        assert!(!changed("/srv/council/target/debug/build.log"));
        assert!(!changed("/srv/council/data/councilbot.db-wal"));
        assert!(!changed("/srv/council/locales/cy/.bot.ftl.swp"));
        assert!(!changed("/srv/council/intents/report.yaml~"));
        assert!(!changed("/elsewhere/intents/report.yaml"));
    }
}
