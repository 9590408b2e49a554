//! A real terminal for the session UI: a detached tmux server on a socket of
//! its own (named after the test, so tests run side by side), running one
//! shell command in a window of a given size, closed when dropped. Tests that use it are `#[ignore = "needs tmux"]` (CI runs them
//! with `--include-ignored`) and fail when tmux is missing.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `script` (a shell command line) in a new 90×24 window.
    pub fn start(name: &str, script: &str) -> Tmux {
        Tmux::start_sized(name, script, 90, 24)
    }

    /// Starts `script` in a new window of `columns` × `rows`.
    pub fn start_sized(name: &str, script: &str, columns: u16, rows: u16) -> Tmux {
        if Command::new("tmux").arg("-V").output().is_err() {
            panic!("this test needs tmux, which is not installed (apt-get install tmux)");
        }
        let tmux = Tmux {
            socket: format!("rehearse-{name}-{}", std::process::id()),
        };
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "s",
            "-x",
            &columns.to_string(),
            "-y",
            &rows.to_string(),
            script,
        ]);
        tmux
    }

    /// A tmux command on this server; its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types a key (tmux key names: `Space`, `Enter`, `q`).
    pub fn keys(&self, key: &str) {
        self.run(&["send-keys", "-t", "s", key]);
    }

    /// The screen once it shows `needle` (waits up to 10 s).
    pub fn wait_for(&self, needle: &str) -> String {
        let mut screen = String::new();
        for _ in 0..100 {
            screen = self.run(&["capture-pane", "-p", "-t", "s"]);
            if screen.contains(needle) {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("`{needle}` never appeared; screen:\n{screen}");
    }

    /// The screen once it shows every one of `needles` and has stopped
    /// changing (two captures alike, 100 ms apart; waits up to 10 s).
    pub fn settled(&self, needles: &[&str]) -> String {
        let mut last = String::new();
        for _ in 0..100 {
            let screen = self.run(&["capture-pane", "-p", "-t", "s"]);
            if needles.iter().all(|n| screen.contains(n)) && screen == last {
                return screen;
            }
            last = screen;
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the screen never settled showing {needles:?}; screen:\n{last}");
    }

    /// Resizes the window to `columns` × `rows`.
    pub fn resize(&self, columns: u16, rows: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "s",
            "-x",
            &columns.to_string(),
            "-y",
            &rows.to_string(),
        ]);
    }

    /// The window's title as the programs in it set it.
    pub fn title(&self) -> String {
        self.run(&["display-message", "-p", "-t", "s", "#{pane_title}"])
            .trim_end()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// The line a test's shell writes to `path` once the program it watches
/// has ended (waits up to 5 s; what is there, or empty, after that).
pub fn line_written_to(path: &Path) -> String {
    let mut text = String::new();
    for _ in 0..100 {
        text = std::fs::read_to_string(path).unwrap_or_default();
        if text.ends_with('\n') {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    text
}
