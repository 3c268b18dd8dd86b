//! Progress on stderr when it is a terminal (indicatif): one line per provider scanned; nothing
//! otherwise.

use std::io::IsTerminal;

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

use fnscope_providers::progress::Progress;

/// The progress lines of a scan on stderr.
pub struct Bars {
    multi: MultiProgress,
}

impl Bars {
    /// Lines when stderr is a terminal and output is not quieted; `None` otherwise.
    pub fn new(quiet: bool) -> Option<Bars> {
        if quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        Some(Bars {
            multi: MultiProgress::new(),
        })
    }

    /// A new spinner line (one provider's).
    pub fn line(&self) -> Bar {
        let bar = self.multi.add(ProgressBar::new_spinner());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Bar { bar }
    }
}

/// One line: a spinner, or a bar while a phase has a known length.
pub struct Bar {
    bar: ProgressBar,
}

impl Drop for Bar {
    fn drop(&mut self) {
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
