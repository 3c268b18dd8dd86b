//! CSV: one row per finding, for spreadsheets and ticket imports.

use fnscope_policies::Evaluation;

pub fn render(eval: &Evaluation) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "rule_id",
        "severity",
        "title",
        "provider",
        "subject_id",
        "subject_name",
        "target_id",
        "target_name",
        "resource_id",
        "conditional",
        "suppressed",
        "fingerprint",
        "evidence",
    ])?;
    for f in &eval.findings {
        let evidence: Vec<String> = f
            .evidence
            .iter()
            .map(|e| format!("{}: {} ({})", e.kind, e.detail, e.path))
            .collect();
        let evidence = evidence.join(" | ");
        let cells = [
            f.rule_id.as_str(),
            f.severity.as_str(),
            f.title.as_str(),
            f.provider.as_str(),
            f.subject.id.as_str(),
            f.subject.name.as_str(),
            f.target.as_ref().map_or("", |t| t.id.as_str()),
            f.target.as_ref().map_or("", |t| t.name.as_str()),
            f.resource.as_ref().map_or("", |t| t.id.as_str()),
            if f.conditional { "true" } else { "false" },
            f.suppressed.as_ref().map_or("", |s| s.reason.as_str()),
            f.fingerprint.as_str(),
            evidence.as_str(),
        ];
        // Names and evidence come from the estate: a spreadsheet must not run them as formulas.
        w.write_record(
            cells
                .iter()
                .map(|c| super::escape::csv_cell(c).into_owned()),
        )?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
