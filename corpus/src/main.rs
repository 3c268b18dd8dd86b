//! `fnscope-corpus REPORT.json JUDGEMENTS.toml…`: prints, per rule, what fnscope found on the
//! real-world corpus and how it was judged. `scripts/corpus` runs fnscope and then this.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((report, judgements)) = args.split_first() else {
        eprintln!("usage: fnscope-corpus REPORT.json JUDGEMENTS.toml…");
        return ExitCode::from(2);
    };
    let report: serde_json::Value = match std::fs::read_to_string(report)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("fnscope-corpus: `{report}`: {e}");
            return ExitCode::from(2);
        }
    };
    for file in judgements {
        let j = match std::fs::read_to_string(file)
            .map_err(|e| format!("`{file}`: {e}"))
            .and_then(|t| fnscope_corpus::parse_judgements(file, &t).map_err(|e| e.to_string()))
        {
            Ok(j) => j,
            Err(e) => {
                eprintln!("fnscope-corpus: {e}");
                return ExitCode::from(2);
            }
        };
        match fnscope_corpus::judge(&report, &j) {
            Ok(v) => {
                println!("== {} ({file})", v.provider);
                print!("{}", fnscope_corpus::render(&v));
            }
            Err(e) => {
                eprintln!("fnscope-corpus: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
