//! The Markdown report of an evaluation, offline or AI: scores and weights, the evidence of
//! each dimension with its moment and citation, strengths, improvements, removed claims.

use crate::evaluate::{clock, Evaluation, EvidenceItem};

/// One item as a list line: its moment, its text, and what it cites.
fn line(e: &EvidenceItem) -> String {
    let cited = match (&e.cite, &e.quote) {
        (Some(c), Some(q)) => format!(" — “{q}” ({c})"),
        _ => String::new(),
    };
    match e.at_ms {
        Some(at) => format!("- [{}] {}{cited}\n", clock(at), e.text),
        None => format!("- {}{cited}\n", e.text),
    }
}

pub(crate) fn markdown(ev: &Evaluation) -> String {
    let rec = ev.recommendation.label();
    let mut md = format!(
        "# Interview report\n\n**Overall: {}/100** · Recommendation: **{rec}** ({})\n\n",
        ev.overall, ev.recommendation_rule
    );
    let names = [
        ("Problem solving", &ev.dimensions.problem_solving),
        ("Code quality", &ev.dimensions.code_quality),
        ("Communication", &ev.dimensions.communication),
        ("Efficiency", &ev.dimensions.efficiency),
    ];
    md.push_str("| Dimension | Score | Weight |\n|---|---|---|\n");
    for (name, d) in names {
        let score = d
            .score
            .map_or("not assessed".to_string(), |s| s.to_string());
        let weight = if d.assessed {
            format!("{} → {:.0}%", d.weight, d.effective_weight * 100.0)
        } else {
            format!("{} (redistributed)", d.weight)
        };
        md.push_str(&format!("| {name} | {score} | {weight} |\n"));
    }
    if let Some(detail) = &ev.detail {
        // Before prompt version 3 the evaluator wrote a long report; now a summary.
        let short = ev
            .prompt_version
            .as_deref()
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v >= 3);
        let title = if short { "Summary" } else { "Detailed report" };
        md.push_str(&format!("\n## {title}\n\n{detail}\n"));
    }
    for (name, d) in names {
        md.push_str(&format!("\n## {name}\n\n"));
        if let Some(note) = &d.note {
            md.push_str(&format!("_{note}_\n\n"));
        }
        for e in &d.evidence {
            md.push_str(&line(e));
        }
    }
    for (title, list) in [
        ("Strengths", &ev.strengths),
        ("To improve", &ev.improvements),
    ] {
        md.push_str(&format!("\n## {title}\n\n"));
        if list.is_empty() {
            md.push_str("- Nothing measured to report.\n");
        }
        for s in list {
            md.push_str(&line(s));
        }
    }
    if ev.removed_claims > 0 {
        md.push_str(&format!(
            "\n_{} claim{} removed: no evidence._\n",
            ev.removed_claims,
            if ev.removed_claims == 1 { "" } else { "s" }
        ));
    }
    let model = ev
        .model
        .as_deref()
        .map(|m| format!(", model {m}"))
        .unwrap_or_default();
    let rubric = ev
        .rubric_version
        .as_deref()
        .map(|r| format!(", rubric v{r}"))
        .unwrap_or_default();
    md.push_str(&format!(
        "\n_Evaluator: {} v{}{model}{rubric}_\n",
        ev.evaluator, ev.evaluator_version
    ));
    md
}
