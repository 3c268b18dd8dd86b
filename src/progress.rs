//! Progress on stderr when it is a terminal (indicatif); nothing otherwise.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use fnscope_providers::progress::Progress;

/// A spinner/bar on stderr.
pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar when stderr is a terminal and output is not quieted; `None` otherwise.
    pub fn new(quiet: bool) -> Option<Bar> {
        if quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::new_spinner();
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Some(Bar { bar })
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn phase(&self, name: &str, total: Option<u64>) {
        match total {
            Some(n) => {
                self.bar.set_length(n);
                self.bar.set_position(0);
                if let Ok(style) =
                    ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} {elapsed}")
                {
                    self.bar.set_style(style.progress_chars("=> "));
                }
            }
            None => {
                if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
                    self.bar.set_style(style);
                }
            }
        }
        self.bar.set_message(name.to_string());
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }
}
