//! A PostgreSQL server of the test's own, for tests that stop and start it: a cluster made with
//! `initdb` in a temporary folder, on a port of its own, run as the `postgres` user (PostgreSQL
//! refuses to run as root). The shared server the other tests use is never touched.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The cluster; stopped at once when dropped.
pub struct OwnPostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnPostgres {
    /// Makes and starts a cluster; `None` when the run leaves PostgreSQL out on purpose.
    pub fn start() -> Option<Self> {
        if crate::harness::sqlite_only() {
            eprintln!("PostgreSQL variant not run: {} is set", crate::harness::SQLITE_ONLY_VAR);
            return None;
        }
        let bin = server_programs()
            .expect("PostgreSQL's server programs (initdb, pg_ctl): scripts/test installs Debian's postgresql package");
        let dir = tempfile::tempdir().expect("a temporary folder");
        if running_as_root() {
            must(Command::new("chown").arg("postgres:").arg(dir.path()).output(), "chown");
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let cluster = Self { bin, dir, port };
        cluster.run(
            "initdb",
            &[
                "-D",
                &cluster.data().display().to_string(),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ],
        );
        cluster.start_again();
        Some(cluster)
    }

    /// The address the application connects to.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server as a crash or a power cut would: no checkpoint, every connection cut;
    /// what was committed is in the write-ahead log and comes back at the next start.
    pub fn crash(&self) {
        self.pg_ctl(&["stop", "-m", "immediate", "-w"]);
    }

    /// Starts the server (again) and waits until it takes connections.
    pub fn start_again(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("postgres.log").display().to_string();
        self.pg_ctl(&["start", "-w", "-t", "60", "-l", &log, "-o", &options]);
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn pg_ctl(&self, arguments: &[&str]) {
        let data = self.data().display().to_string();
        let mut all = vec!["-D", data.as_str()];
        all.extend_from_slice(arguments);
        self.run("pg_ctl", &all);
    }

    /// One of PostgreSQL's programs, to run as the `postgres` user when the tests run as root.
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut command = if running_as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        };
        command.current_dir(self.dir.path());
        command
    }

    fn run(&self, program: &str, arguments: &[&str]) {
        let output = self.command(program).args(arguments).output();
        let program = self.bin.join(program);
        let output = must(output, &program.display().to_string());
        let log = std::fs::read_to_string(self.dir.path().join("postgres.log")).unwrap_or_default();
        assert!(
            output.status.success(),
            "{} {arguments:?}: {}{}\n{log}",
            program.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        // Already stopped by the test, perhaps: then pg_ctl says so, and that is fine.
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["stop", "-m", "immediate"])
            .output();
    }
}

/// The folder of `initdb` and `pg_ctl`: Debian keeps them off the PATH, in one folder per major
/// version (the newest is taken); elsewhere they are on the PATH.
fn server_programs() -> Option<PathBuf> {
    let debian = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(debian)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path).find(|folder| folder.join("initdb").exists() && folder.join("pg_ctl").exists())
    })
}

fn running_as_root() -> bool {
    // SAFETY: geteuid(2) reads the process's user id and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn must(output: std::io::Result<Output>, what: &str) -> Output {
    output.unwrap_or_else(|error| panic!("{what} could not be run: {error}"))
}
