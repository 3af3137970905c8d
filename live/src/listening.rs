//! `serve` in the background, for the window: start, watch connections arrive, stop.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use crate::serve::{LiveError, Recording, ServeConfig, ServeEvent, Server};

/// The recordings the window can show: the newest, at most the configured number
/// (older ones stay on disk).
#[derive(Default)]
struct Store {
    kept: VecDeque<Arc<Recording>>,
    cap: usize,
    refused: usize,
}

impl Store {
    /// Keeps what the server reported: an update (or the end) of a connection already
    /// listed takes its place; a new one joins, and the oldest beyond the cap go.
    fn take(&mut self, event: ServeEvent) {
        match event {
            ServeEvent::Finished(recording) | ServeEvent::Updated(recording) => {
                let recording: Arc<Recording> = Arc::from(recording);
                match self.kept.iter_mut().find(|r| r.number == recording.number) {
                    Some(slot) => *slot = recording,
                    None => {
                        self.kept.push_back(recording);
                        while self.kept.len() > self.cap {
                            self.kept.pop_front();
                        }
                    }
                }
            }
            ServeEvent::Refused(_) => self.refused += 1,
        }
    }
}

/// A server running on its own thread until stopped (or dropped).
pub struct Listening {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    store: Arc<Mutex<Store>>,
    addr: SocketAddr,
    url: String,
    ca_path: PathBuf,
    record_dir: PathBuf,
}

impl Listening {
    /// Binds and starts serving; `on_change` runs (on the server's thread) whenever a
    /// connection was recorded or refused, so a window can repaint only then.
    pub fn start(
        config: ServeConfig,
        on_change: impl Fn() + Send + 'static,
    ) -> Result<Listening, LiveError> {
        let cap = config.limits.recordings_in_memory.max(1);
        let record_dir = config.record_dir.clone();
        let server = Server::bind(config)?;
        let addr = server.local_addr();
        let url = server.url();
        let ca_path = server.ca_path().to_path_buf();
        let stop = Arc::new(AtomicBool::new(false));
        let store = Arc::new(Mutex::new(Store {
            cap,
            ..Store::default()
        }));
        let (flag, shared) = (Arc::clone(&stop), Arc::clone(&store));
        let thread = std::thread::Builder::new()
            .name("serve".into())
            .spawn(move || {
                let _ = server.run(&flag, |event| {
                    shared
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .take(event);
                    on_change();
                });
            })
            .map_err(LiveError::Accept)?;
        Ok(Listening {
            stop,
            thread: Some(thread),
            store,
            addr,
            url,
            ca_path,
            record_dir,
        })
    }

    /// The address bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL a browser on this machine opens.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The lab's root certificate, to trust.
    pub fn ca_path(&self) -> &Path {
        &self.ca_path
    }

    /// Where every recording is written.
    pub fn record_dir(&self) -> &Path {
        &self.record_dir
    }

    /// The recordings kept in memory, oldest first.
    pub fn recordings(&self) -> Vec<Arc<Recording>> {
        let store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        store.kept.iter().cloned().collect()
    }

    /// How many connections were refused at the cap.
    pub fn refused(&self) -> usize {
        self.store
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .refused
    }

    /// Stops accepting, lets the connections in flight finish, and returns.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.halt();
    }
}
