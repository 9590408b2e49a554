//! `sync --git`: the real `git` binary moves the batch files (docs/sync.md,
//! "With git"). Each device commits only files under its own folder, so a
//! rebase onto what others pushed never conflicts; a push that loses the
//! race is rejected by the remote, and sync fetches, applies and pushes
//! again.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::error::{Error, Result};

/// A clone that sync works in.
pub struct Repo {
    dir: PathBuf,
}

/// What a push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    Done,
    /// The remote has commits this clone lacks: fetch and try again.
    Rejected,
}

impl Repo {
    /// `dir` must be the top of a git work tree.
    pub fn open(dir: &Path) -> Result<Repo> {
        let repo = Repo {
            dir: dir.to_path_buf(),
        };
        let out = repo.run(&["rev-parse", "--show-toplevel"])?;
        let top = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        let same = top.canonicalize().ok() == dir.canonicalize().ok();
        if !same {
            return Err(repo.error(format!(
                "is inside the git work tree `{}`, not at its top: give the top folder",
                top.display()
            )));
        }
        Ok(repo)
    }

    fn error(&self, message: String) -> Error {
        Error::Sync {
            path: self.dir.clone(),
            message,
        }
    }

    /// Runs git; a failure is an error with git's own message.
    fn run(&self, args: &[&str]) -> Result<Output> {
        let out = self.try_run(args)?;
        if !out.status.success() {
            return Err(self.error(format!(
                "`git {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(out)
    }

    fn try_run(&self, args: &[&str]) -> Result<Output> {
        Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .output()
            .map_err(|e| {
                self.error(if e.kind() == std::io::ErrorKind::NotFound {
                    "`git` is not installed (sync --git runs the git program)".into()
                } else {
                    format!("cannot run git: {e}")
                })
            })
    }

    /// The current branch.
    fn branch(&self) -> Result<String> {
        let out = self.run(&["symbolic-ref", "--short", "HEAD"])?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Commits this device's folder if anything in it is new; whether a
    /// commit was made. A clone without a user name commits as `rehearse`.
    pub fn commit_own(&self, device: &str) -> Result<bool> {
        if !self.dir.join(device).exists() {
            return Ok(false);
        }
        self.run(&["add", "--", device])?;
        let staged = self.try_run(&["diff", "--cached", "--quiet", "--", device])?;
        if staged.status.success() {
            return Ok(false);
        }
        let message = format!("rehearse sync: events of {device}");
        let email = self.try_run(&["config", "user.email"])?;
        let mut args: Vec<String> = Vec::new();
        if !email.status.success() {
            args.extend(["-c".into(), "user.name=rehearse".into()]);
            args.extend(["-c".into(), format!("user.email=rehearse@{device}")]);
        }
        args.extend(["commit".into(), "--quiet".into(), "-m".into(), message]);
        args.extend(["--".into(), device.into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&args)?;
        Ok(true)
    }

    /// The name of the remote to sync with: `origin`, or the only one.
    fn remote(&self) -> Result<Option<String>> {
        let out = self.run(&["remote"])?;
        let text = String::from_utf8_lossy(&out.stdout);
        let remotes: Vec<&str> = text.lines().collect();
        Ok(match remotes.as_slice() {
            [] => None,
            [one] => Some(one.to_string()),
            many if many.contains(&"origin") => Some("origin".into()),
            many => {
                return Err(self.error(format!(
                    "has several remotes ({}) and none is `origin`",
                    many.join(", ")
                )));
            }
        })
    }

    /// Fetches and rebases this clone's commits onto the remote branch,
    /// when the remote has it (a new, empty remote has nothing to pull).
    pub fn pull(&self) -> Result<()> {
        let Some(remote) = self.remote()? else {
            return Ok(());
        };
        let branch = self.branch()?;
        self.run(&["fetch", "--quiet", &remote])?;
        let upstream = format!("{remote}/{branch}");
        let exists = self.try_run(&["rev-parse", "--verify", "--quiet", &upstream])?;
        if !exists.status.success() {
            return Ok(());
        }
        let has_head = self.try_run(&["rev-parse", "--verify", "--quiet", "HEAD"])?;
        if !has_head.status.success() {
            self.run(&["reset", "--quiet", "--hard", &upstream])?;
            return Ok(());
        }
        self.run(&["rebase", "--quiet", &upstream])?;
        Ok(())
    }

    /// Pushes the current branch; a rejection is not an error but a
    /// request to pull again.
    pub fn push(&self) -> Result<Pushed> {
        let Some(remote) = self.remote()? else {
            return Ok(Pushed::Done);
        };
        let has_head = self.try_run(&["rev-parse", "--verify", "--quiet", "HEAD"])?;
        if !has_head.status.success() {
            return Ok(Pushed::Done);
        }
        let branch = self.branch()?;
        let refspec = format!("HEAD:refs/heads/{branch}");
        let out = self.try_run(&["push", "--quiet", &remote, &refspec])?;
        if out.status.success() {
            return Ok(Pushed::Done);
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("rejected") || stderr.contains("fetch first") {
            return Ok(Pushed::Rejected);
        }
        Err(self.error(format!("`git push` failed: {}", stderr.trim())))
    }
}
