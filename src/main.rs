//! The councilbot command line: parses arguments, loads configuration, sets up
//! logging and hands over to the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use councilbot::commands::{agent, chat};
use councilbot::config::{Config, LogFormat};
use tokio_util::sync::CancellationToken;

/// A multilingual, rule-based chat service for council websites.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Configuration file (default: ./councilbot.yaml if present; env COUNCILBOT_CONFIG).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Folder holding intents/, knowledge-base/, locales/ and safeguarding/.
    #[arg(long, global = true)]
    content: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve residents (/ws/chat) and operators (/healthz, /readyz).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// Where the embedded SQLite file lives (created on first start).
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Check the configuration and content; prints file:line for every problem.
    Check,
    /// Talk to the bot in the terminal, one conversation.
    Chat {
        /// Print one JSON object per input line, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Manage staff accounts (who may sign in to the console).
    Agent {
        /// Where the embedded SQLite file lives.
        #[arg(long, global = true)]
        data_dir: Option<PathBuf>,
        #[command(subcommand)]
        command: agent::AgentCommand,
    },
}

/// mimalloc: less time in allocation on the message path than the system
/// allocator, and freed memory goes back to the system after a content reload.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("councilbot: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut config = Config::load(cli.config.as_deref())?;
    if let Some(content) = cli.content {
        config.content.dir = content;
    }
    match cli.command {
        Command::Serve { listen, data_dir } => {
            if let Some(listen) = listen {
                config.server.listen = listen;
            }
            if let Some(data_dir) = data_dir {
                config.storage.data_dir = data_dir;
            }
            init_logging(&config, &config.logging.level);
            serve(config)
        }
        Command::Check => {
            init_logging(&config, "warn");
            let ok = councilbot::commands::check::run(&config, &mut std::io::stdout().lock())?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Chat { json } => {
            // The terminal is the conversation; only failures are worth showing there.
            init_logging(&config, "error");
            let loaded = match councilbot::content::load(&config) {
                Ok(loaded) => loaded,
                Err(findings) => {
                    eprint!("{findings}");
                    eprintln!("councilbot: the content has errors; run `councilbot check`");
                    return Ok(ExitCode::FAILURE);
                }
            };
            chat_in_terminal(&config, &loaded.content, json)
        }
        Command::Agent { data_dir, command } => {
            if let Some(data_dir) = data_dir {
                config.storage.data_dir = data_dir;
            }
            init_logging(&config, "warn");
            manage_agents(&config, command)
        }
    }
}

/// `agent …` on the configured store; the password, if any, from stdin.
#[tokio::main(flavor = "current_thread")]
async fn manage_agents(config: &Config, command: agent::AgentCommand) -> anyhow::Result<ExitCode> {
    let done = agent::run(
        config,
        command,
        std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
    )
    .await;
    if let Err(error) = done {
        eprintln!("councilbot: {error}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// `chat` with cases kept in the configured store, so references it hands out
/// can be looked up again later.
#[tokio::main(flavor = "current_thread")]
async fn chat_in_terminal(
    config: &Config,
    content: &councilbot::content::Content,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let zone = config.council.time_zone().map_err(anyhow::Error::msg)?;
    let store = councilbot::store::Store::open(
        &config.storage.effective_database_url(),
        &config.storage.data_dir,
    )
    .await?;
    let desk = councilbot::store::CaseDesk {
        store: &store,
        zone: &zone,
        conversation_id: None,
    };
    let stdin = std::io::stdin();
    let options = chat::Options {
        json,
        prompt: stdin.is_terminal(),
    };
    chat::run(
        content,
        &desk,
        options,
        stdin.lock(),
        &mut std::io::stdout().lock(),
    )
    .await?;
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

#[tokio::main]
async fn serve(config: Config) -> anyhow::Result<ExitCode> {
    raise_open_files_limit();
    let listener = tokio::net::TcpListener::bind(config.server.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.server.listen))?;
    let shutdown = CancellationToken::new();
    let signal = shutdown.clone();
    tokio::spawn(async move {
        wait_for_signal().await;
        tracing::info!("shutting down");
        signal.cancel();
    });
    councilbot::run(config, listener, shutdown).await?;
    Ok(ExitCode::SUCCESS)
}

/// Every resident's socket is an open file: lift the soft limit (often 1,024)
/// to the hard one the system allows, so thousands of residents can connect.
fn raise_open_files_limit() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    let soft = limit.current;
    if soft != limit.maximum {
        limit.current = limit.maximum;
        if let Err(error) = setrlimit(Resource::Nofile, limit) {
            tracing::warn!(%error, ?soft, "cannot raise the open-files limit");
            return;
        }
    }
    tracing::debug!(open_files = ?limit.current, "open-files limit");
}

async fn wait_for_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => return std::future::pending().await,
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

/// Logs to stderr: text for people, JSON for log collectors. `RUST_LOG` overrides
/// the configured level.
fn init_logging(config: &Config, default_level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match config.logging.format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).init(),
    }
}
