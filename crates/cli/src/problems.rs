use crate::output::{print_json, CliError};
use clap::Subcommand;
use rehearse_app::App;
use rehearse_core::problem::{Category, Difficulty};
use rehearse_store::ProblemQuery;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ProblemsCommand {
    /// List problems, optionally filtered and searched.
    List {
        #[arg(long, value_parser = parse_difficulty)]
        difficulty: Option<Difficulty>,
        #[arg(long, value_parser = parse_category)]
        category: Option<Category>,
        #[arg(long)]
        company: Option<String>,
        /// Full-text search over title, statement and categories.
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a problem's statement, examples and starter code.
    Show {
        slug: String,
        /// Language of the starter code.
        #[arg(long, default_value = "python")]
        lang: String,
        #[arg(long)]
        json: bool,
    },
    /// Validate a folder of problems and add them all, or none.
    Import {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn parse_difficulty(s: &str) -> Result<Difficulty, String> {
    Difficulty::parse(s).ok_or_else(|| format!("`{s}` is not easy, medium or hard"))
}

pub fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse(s).ok_or_else(|| {
        let known: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
        format!("`{s}` is not a category; known: {}", known.join(", "))
    })
}

#[derive(Serialize)]
struct ListItem<'a> {
    slug: &'a str,
    title: &'a str,
    difficulty: Difficulty,
    categories: &'a [Category],
    companies: &'a [String],
    /// new, attempted (any stored run) or solved (an accepted submit).
    status: rehearse_core::problem::ProblemStatus,
}

#[derive(Serialize)]
struct Shown {
    slug: String,
    title: String,
    difficulty: Difficulty,
    categories: Vec<Category>,
    statement: String,
    examples: Vec<rehearse_core::problem::Example>,
    hint_count: u32,
    language: rehearse_core::Language,
    starter_code: String,
}

pub fn run(cmd: ProblemsCommand) -> Result<ExitCode, CliError> {
    let json = match &cmd {
        ProblemsCommand::List { json, .. }
        | ProblemsCommand::Show { json, .. }
        | ProblemsCommand::Import { json, .. } => *json,
    };
    let app_err = |e: rehearse_app::AppError| CliError::new(&e, json);
    let app = App::open().map_err(app_err)?;
    for n in &app.notices {
        eprintln!("notice[{}]: {}", n.code, n.message);
    }
    match cmd {
        ProblemsCommand::List {
            difficulty,
            category,
            company,
            search,
            json,
        } => {
            let page = app
                .library(&ProblemQuery {
                    search,
                    difficulty,
                    category,
                    company,
                    limit: None,
                })
                .map_err(app_err)?;
            if json {
                let items: Vec<ListItem<'_>> = page
                    .problems
                    .iter()
                    .map(|p| ListItem {
                        slug: &p.slug,
                        title: &p.title,
                        difficulty: p.difficulty,
                        categories: &p.categories,
                        companies: &p.companies,
                        status: p.status,
                    })
                    .collect();
                print_json(&items)?;
            } else {
                for p in &page.problems {
                    let cats: Vec<&str> = p.categories.iter().map(|c| c.id()).collect();
                    outln!(
                        "{:<36} {:<7} {}",
                        p.slug,
                        p.difficulty.id(),
                        cats.join(", ")
                    );
                }
                let c = &page.counts;
                outln!(
                    "\n{} problems ({} easy, {} medium, {} hard)",
                    c.total,
                    c.easy,
                    c.medium,
                    c.hard
                );
            }
        }
        ProblemsCommand::Show { slug, lang, json } => {
            let language = rehearse_app::language(&lang).map_err(app_err)?;
            let view = app.problem_view(&slug, language).map_err(app_err)?;
            let p = view.problem;
            if json {
                print_json(&Shown {
                    slug: p.slug,
                    title: p.title,
                    difficulty: p.difficulty,
                    categories: p.categories,
                    statement: p.statement,
                    examples: p.examples,
                    hint_count: p.hint_count,
                    language,
                    starter_code: view.starter_code,
                })?;
            } else {
                let cats: Vec<&str> = p.categories.iter().map(|c| c.label()).collect();
                outln!("{} ({}; {})\n", p.title, p.difficulty.id(), cats.join(", "));
                outln!("{}\n", p.statement.trim());
                for (i, ex) in p.examples.iter().enumerate() {
                    let input: Vec<String> =
                        ex.input.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                    outln!(
                        "Example {}:\n  Input:  {}\n  Output: {}",
                        i + 1,
                        input.join(", "),
                        ex.expected
                    );
                    if let Some(e) = &ex.explanation {
                        outln!("  Why:    {e}");
                    }
                }
                outln!(
                    "\nHints: {} (reveal them in the app)\n\nStarter code ({}):\n\n{}",
                    p.hint_count,
                    language.display_name(),
                    view.starter_code
                );
            }
        }
        ProblemsCommand::Import { dir, json } => {
            let report = app.import_pack(&dir).map_err(app_err)?;
            if json {
                print_json(
                    &serde_json::json!({ "added": report.added, "updated": report.updated }),
                )?;
            } else {
                outln!(
                    "Imported {} new and {} updated problems.",
                    report.added.len(),
                    report.updated.len()
                );
                for s in report.added.iter().chain(&report.updated) {
                    outln!("  {s}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
