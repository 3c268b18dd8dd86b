//! `fnscope-corpus REPORT.json JUDGEMENTS.toml…`: prints, per rule, what fnscope found on the
//! real-world corpus and how it was judged. `scripts/corpus` runs fnscope and then this.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--recordings") {
        return recordings(&args[1..]);
    }
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

/// `fnscope-corpus --recordings RECORDINGS.toml REPORT.json…`: per recording, what was expected and
/// which findings cite it.
fn recordings(args: &[String]) -> ExitCode {
    let Some((file, reports)) = args.split_first() else {
        eprintln!("usage: fnscope-corpus --recordings RECORDINGS.toml REPORT.json…");
        return ExitCode::from(2);
    };
    let r = match std::fs::read_to_string(file)
        .map_err(|e| format!("`{file}`: {e}"))
        .and_then(|t| fnscope_corpus::recordings::parse(file, &t).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("fnscope-corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let mut docs = Vec::new();
    for p in reports {
        match std::fs::read_to_string(p)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(v) => docs.push(v),
            Err(e) => {
                eprintln!("fnscope-corpus: `{p}`: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let outcomes = fnscope_corpus::recordings::judge(&docs, &r);
    println!("== recordings ({file})");
    print!("{}", fnscope_corpus::recordings::render(&outcomes));
    ExitCode::SUCCESS
}
